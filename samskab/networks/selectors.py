from django.db.models import Prefetch, Q
from django.utils import timezone

from .models import Membership, Organisation, Role

CONTACT_KINDS = (Role.Kind.ADMIN_CONTACT, Role.Kind.POLITICAL_CONTACT)


def _contact_prefetch(network):
    today = timezone.localdate()
    return Prefetch(
        "roles",
        queryset=Role.objects.filter(network=network, kind__in=CONTACT_KINDS)
        .filter(Q(until__isnull=True) | Q(until__gte=today))
        .select_related("person")
        .order_by("kind", "person__name"),
        to_attr="contact_roles",
    )


def members_of(network):
    """The network's current member organisations (none without a network)."""
    if network is None:
        return Organisation.objects.none()
    return Organisation.objects.members_of(network)


def member_directory(*, network, query: str = "", region_id: int | None = None):
    """The network's current member organisations with their regions and contacts.

    Costs three queries whatever the number of members: memberships, then the contact
    roles with their people.
    """
    today = timezone.localdate()
    memberships = (
        Membership.objects.filter(network=network, since__lte=today)
        .filter(Q(until__isnull=True) | Q(until__gte=today))
        .select_related("organisation", "organisation__region")
        .order_by("organisation__region__name", "organisation__name")
    )
    if query:
        memberships = memberships.filter(
            Q(organisation__name__icontains=query) | Q(organisation__code=query)
        )
    if region_id:
        memberships = memberships.filter(organisation__region_id=region_id)
    memberships = memberships.prefetch_related(
        Prefetch(
            "organisation__roles",
            queryset=_contact_prefetch(network).queryset,
            to_attr="contact_roles",
        )
    )
    return memberships


def member_regions(*, network):
    today = timezone.localdate()
    return (
        Organisation.objects.filter(
            kind=Organisation.Kind.REGION,
            municipalities__memberships__network=network,
            municipalities__memberships__since__lte=today,
        )
        .distinct()
        .order_by("name")
    )


def organisation_detail(*, slug: str, network):
    return (
        Organisation.objects.select_related("region")
        .prefetch_related(_contact_prefetch(network), "memberships__network")
        .get(slug=slug)
    )


def join_request_deciders(*, organisation) -> list[tuple[str, str]]:
    """(e-mail, language) of everyone who may confirm a request to join ``organisation``:
    its editors and the secretariat of the networks it is a member of, with log-ins."""
    networks = Membership.objects.filter(organisation=organisation).values("network_id")
    roles = (
        Role.objects.current()
        .filter(person__user__isnull=False, person__user__is_active=True)
        .filter(
            Q(kind=Role.Kind.ORG_EDITOR, organisation=organisation)
            | Q(kind=Role.Kind.SECRETARIAT, network_id__in=networks)
        )
    )
    return sorted(set(roles.values_list("person__user__email", "person__user__language")))


# Apps above this one add sections to the front page (the news desk: latest news, upcoming
# events, new cases, theme groups) in their ``AppConfig.ready``.
_front_sections: list = []


def register_front_section(source) -> None:
    """``source(request)`` returns the HTML of a front-page section ("" for none)."""
    if source not in _front_sections:
        _front_sections.append(source)


def front_sections(request) -> list:
    return [html for html in (source(request) for source in _front_sections) if html]


# Apps above this one add sections to an organisation's page (its cases, its coming events,
# its theme groups, its programmes) in their ``AppConfig.ready``. A section is
# ``source(organisation, network, user) -> dict | None``: a dict with at least ``template``
# (rendered with the dict as ``section``), or None to leave it out.
_organisation_sections: list[tuple[int, object]] = []


def register_organisation_section(source, *, order: int) -> None:
    if all(existing is not source for _order, existing in _organisation_sections):
        _organisation_sections.append((order, source))
        _organisation_sections.sort(key=lambda item: item[0])


def organisation_sections(*, organisation, network, user) -> list[dict]:
    """The sections of ``organisation``'s page in ``network``, in their order."""
    sections = []
    for _order, source in _organisation_sections:
        section = source(organisation, network, user)
        if section is not None:
            sections.append(section)
    return sections
