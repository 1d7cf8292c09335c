"""Demo theme groups for both networks (run after ``samskab.demo.networks.load``)."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from samskab.accounts.models import Person, User
from samskab.core.text import slugify
from samskab.groups.models import (
    GroupAlias,
    GroupContact,
    GroupMembership,
    GroupResource,
    SuggestionSupport,
    ThemeGroup,
    TopicSuggestion,
)
from samskab.networks.models import Network, Organisation, Role

from .data import groups as data
from .networks import DEMO_PASSWORD, phone

NETWORKS = {
    "sund-by-netvaerket": ("DK", data.DK_GROUPS, data.DK_PEOPLE),
    "sunne-kommuner": ("NO", data.NO_GROUPS, data.NO_PEOPLE),
}
PAGE_FIELDS = ("lead", "background", "purpose", "target_group", "focus", "join_policy")


def _municipality(country, code):
    return Organisation.objects.filter(
        country=country, code=code, kind=Organisation.Kind.MUNICIPALITY
    ).first()


def _demo_user(email, name, title, organisation):
    from allauth.account.models import EmailAddress

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            name=name,
            language="nb" if organisation and organisation.country == "NO" else "da",
        )
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    Person.objects.update_or_create(
        user=user,
        defaults={
            "name": name,
            "title": title,
            "organisation": organisation,
            "email": email,
            "public_consent": False,
        },
    )
    return user


def _contact_person(key, country, n):
    name, title, code, consent = data.CONTACTS[key]
    email = f"{slugify(name).replace('-', '.')}@kommune.example"
    person, _created = Person.objects.update_or_create(
        email=email,
        user=None,
        defaults={
            "name": name,
            "title": title,
            "organisation": _municipality(country, code),
            "phone": phone(country, 900 + n),
            "public_consent": consent,
        },
    )
    return person


def _secretariat_person(network):
    role = (
        Role.objects.filter(network=network, kind=Role.Kind.SECRETARIAT)
        .select_related("person")
        .order_by("id")
        .first()
    )
    return role.person if role else None


@transaction.atomic
def load(stdout=None):
    counts = {"groups": 0, "members": 0, "suggestions": 0, "resources": 0}
    n = 0
    for slug, (country, groups, people) in NETWORKS.items():
        network = Network.objects.filter(slug=slug).first()
        if network is None:
            continue
        users = [
            _demo_user(email, name, title, _municipality(country, code))
            for email, name, title, code in people
        ]
        secretariat = _secretariat_person(network)
        for spec in groups:
            n += 1
            group = _group(network, spec)
            counts["groups"] += 1
            contacts = [_contact_person(spec["contact"], country, n)]
            if secretariat is not None:
                contacts.append(secretariat)
            for position, person in enumerate(contacts):
                GroupContact.objects.update_or_create(
                    group=group, person=person, defaults={"position": position}
                )
            for index in spec["coordinators"] + spec["members"]:
                role = (
                    GroupMembership.Role.COORDINATOR
                    if index in spec["coordinators"]
                    else GroupMembership.Role.MEMBER
                )
                GroupMembership.objects.update_or_create(
                    group=group,
                    user=users[index],
                    defaults={
                        "role": role,
                        "status": GroupMembership.Status.ACTIVE,
                        "accepted_at": timezone.now(),
                    },
                )
                counts["members"] += 1
            for title, description, target, members_only in spec["resources"]:
                _resource(group, title, description, target, members_only, users)
                counts["resources"] += 1
            for title, description, author, supporters, status, note in spec["suggestions"]:
                suggestion, _created = TopicSuggestion.objects.update_or_create(
                    group=group,
                    title=title,
                    defaults={
                        "author": users[author],
                        "description": description,
                        "status": status,
                        "decision_note": note,
                        "decided_by": users[spec["coordinators"][0]] if status != "open" else None,
                        "decided_at": timezone.now() if status != "open" else None,
                    },
                )
                for index in supporters:
                    if index != author:
                        SuggestionSupport.objects.get_or_create(
                            suggestion=suggestion, user=users[index]
                        )
                counts["suggestions"] += 1
        _requests(network, users)
    if stdout:
        stdout.write(
            "Theme groups: {groups} groups, {members} memberships, {resources} resources, "
            "{suggestions} topic suggestions.".format(**counts)
        )
        stdout.write(
            f"  Group log-ins (password {DEMO_PASSWORD}): koordinator@sundby.example, "
            "medlem@sundby.example, koordinator@sunnekommuner.example, "
            "medlem@sunnekommuner.example"
        )


def _group(network, spec):
    slug = slugify(spec["name"])
    defaults = {"name": spec["name"], **{f: spec[f] for f in PAGE_FIELDS}}
    group, _created = ThemeGroup.objects.update_or_create(
        network=network, slug=slug, defaults=defaults
    )
    for former in spec.get("former_names", []):
        GroupAlias.objects.update_or_create(
            network=network, slug=slugify(former), defaults={"group": group, "name": former}
        )
    return group


def _resource(group, title, description, target, members_only, users):
    resource = GroupResource.objects.filter(group=group, title=title).first()
    if resource is not None:
        return resource
    resource = GroupResource(
        group=group, title=title, description=description, members_only=members_only
    )
    if target.startswith("file:"):
        filename = target.removeprefix("file:")
        body = (
            f"{title}\n\n{group.name}\n\n"
            "Demo: dette er et opdigtet referat. / Dette er et oppdiktet referat.\n"
        )
        resource.file.save(filename, ContentFile(body.encode("utf-8")), save=False)
    else:
        resource.url = target
    resource.save()
    return resource


def _requests(network, users):
    """A citizen has asked to join the first group; the coordinators see the request."""
    first = ThemeGroup.objects.filter(network=network).order_by("id").first()
    citizen = User.objects.filter(email="borger@samskab.example").first()
    if first is not None and citizen is not None and network.country == "DK":
        GroupMembership.objects.get_or_create(
            group=first,
            user=citizen,
            defaults={"status": GroupMembership.Status.REQUESTED},
        )
