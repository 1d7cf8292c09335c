"""One small world for the URL × role test: two networks, organisations, the five roles
the table has columns for, and one object of each kind, owned by the *first* network and
its first organisation (never by the users who visit)."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from samskab.cases import services as case_services
from samskab.cases.models import Case, CaseRevision
from samskab.decisions import services as decision_services
from samskab.decisions.models import Proposal
from samskab.events import emails as event_emails
from samskab.events import services as event_services
from samskab.events.models import Event, Registration
from samskab.events.services import PUBLIC_SIGNUP_SALT
from samskab.groups.models import GroupMembership, GroupResource
from samskab.networks.models import Role
from samskab.programmes.models import Application, ApplicationFile
from samskab.search.models import Equivalent
from tests.cases.factories import CaseFactory, CommentFactory
from tests.conftest import make_user_with_role
from tests.decisions.factories import ConsultationFactory, OptionFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import MembershipFactory, NetworkFactory, PersonFactory
from tests.groups.factories import (
    GroupMembershipFactory,
    ThemeGroupFactory,
    TopicSuggestionFactory,
)

from .support import login_as

# The columns of the expectation table, in order.
ROLES = ("anon", "user", "editor", "xstaff", "staff")
ROLE_HELP = {
    "anon": "not logged in",
    "user": "logged in, no role anywhere",
    "editor": "organisation editor of *another* organisation of the first network",
    "xstaff": "secretariat staff of the *other* network (with TOTP)",
    "staff": "secretariat staff of the first network (with TOTP): the control",
}

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class World:
    objects: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def client(self, role: str) -> Client:
        """A client with ``role``'s session (or none). One client serves the whole module:
        building a new one loads every middleware again, which costs more than a request."""
        from django.conf import settings

        client = self.__dict__.setdefault("_client", Client())
        client.cookies.clear()
        if role != "anon":
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client


def build_world() -> World:
    w = World()
    o = w.objects
    dk = NetworkFactory()
    no = NetworkFactory(
        slug="sunne-kommuner",
        name="Sunne kommuner",
        country="NO",
        default_language="nb",
        time_zone="Europe/Oslo",
        hosts="sunne.testserver",
    )
    org_a = MembershipFactory(network=dk).organisation  # the first organisation
    org_b = MembershipFactory(network=dk).organisation  # the editor's own organisation
    org_no = MembershipFactory(network=no, organisation__country="NO", organisation__code="")
    o.update(dk=dk, no=no, org_a=org_a, org_b=org_b, org_no=org_no.organisation)

    users = {
        "user": make_user_with_role(dk, None),
        "editor": make_user_with_role(dk, Role.Kind.ORG_EDITOR, org_b),
        "xstaff": make_user_with_role(no, Role.Kind.SECRETARIAT, mfa=True),
        "staff": make_user_with_role(dk, Role.Kind.SECRETARIAT, mfa=True),
    }
    for role in ("xstaff", "staff"):
        users[role].is_staff = True
        users[role].save()
    w.users = users

    # The first organisation's own people, who own what the roles above visit.
    author = make_user_with_role(dk, Role.Kind.ORG_EDITOR, org_a)
    o["author"] = author
    o["person"] = PersonFactory(organisation=org_a)  # a contact without an account
    o["role"] = Role.objects.get(person__user=author)
    o["membership"] = org_a.memberships.get()

    # Cases: published, draft and submitted, all of the first organisation.
    o["case"] = CaseFactory(network=dk, organisation=org_a, created_by=author)
    o["draft"] = CaseFactory(
        network=dk, organisation=org_a, created_by=author, status="draft", published_at=None
    )
    o["submitted"] = CaseFactory(
        network=dk,
        organisation=org_a,
        created_by=author,
        status="submitted",
        published_at=None,
        submitted_at=timezone.now(),
    )
    case_services.revision_record(actor=author, case=o["draft"], action="created")
    case_services.revision_record(actor=author, case=o["case"], action="created")
    o["revision"] = CaseRevision.objects.filter(case=o["case"]).first()
    o["comment"] = CommentFactory(case=o["case"], author=author)
    o["material"] = case_services.material_add(
        actor=users["staff"], case=o["case"], title="Rapport", filename="rapport.pdf", content=PDF
    )
    follow = case_services.case_follow(actor=author, case=o["case"])
    o["unfollow_token"] = case_services.unfollow_token(follow)

    # A theme group with a coordinator, a member, a request, a members-only file and a
    # topic suggestion.
    group = ThemeGroupFactory(network=dk)
    o["group"] = group
    o["coordinator"] = GroupMembershipFactory(
        group=group, role=GroupMembership.Role.COORDINATOR
    ).user
    member = GroupMembershipFactory(group=group).user
    o["member"] = member
    o["request"] = GroupMembershipFactory(group=group, status=GroupMembership.Status.REQUESTED)
    resource = GroupResource(group=group, title="Referat", members_only=True)
    resource.file.save("referat.txt", ContentFile(b"hemmeligt referat"), save=True)
    o["resource"] = resource
    o["suggestion"] = TopicSuggestionFactory(group=group, author=member)
    ThemeGroupFactory(network=no)  # the other network has its own

    # Events: one for the group's members only, one for everyone.
    o["event"] = EventFactory(
        network=dk,
        theme_group=group,
        audience=Event.Audience.GROUP_MEMBERS,
        created_by=o["coordinator"],
    )
    o["registration"] = RegistrationFactory(
        event=o["event"], user=member, name=member.name, email=member.email
    )
    o["public_event"] = EventFactory(network=dk, audience=Event.Audience.PUBLIC)
    guest = RegistrationFactory(event=o["public_event"], language="da")
    o["guest"] = guest
    o["cancel_token"] = signing.dumps(
        {"r": guest.pk, "c": guest.code}, salt=event_emails.CANCEL_SALT
    )
    o["signup_token"] = signing.dumps(
        {"e": o["public_event"].pk, "n": "Gæst", "m": "gaest@test.example", "o": "", "l": "da"},
        salt=PUBLIC_SIGNUP_SALT,
        compress=True,
    )
    o["calendar_token"] = event_services.calendar_token_reset(actor=member).token
    assert Registration.objects.count() == 2

    # News: a published article with a tag and a draft, both by the secretariat.
    from samskab.news import services as news_services

    o["article"] = news_services.article_create(
        actor=users["staff"],
        network=dk,
        language="da",
        data={"title": "Nyhed", "lead": "Manchet", "tags": ["folkesundhed"]},
    )
    news_services.article_publish(actor=users["staff"], article=o["article"])
    o["news_draft"] = news_services.article_create(
        actor=users["staff"],
        network=dk,
        language="da",
        data={"title": "Kladde", "lead": "Hemmelig", "theme_groups": [group]},
    )
    # Pages: a published one in the menu and an unpublished one.
    o["page"] = news_services.page_create(
        actor=users["staff"],
        network=dk,
        data={
            "title_da": "Om netværket",
            "body_da": "Tekst",
            "published": True,
            "menu_position": 1,
        },
    )
    o["page_draft"] = news_services.page_create(
        actor=users["staff"], network=dk, data={"title_da": "Medlemskab", "body_da": "Kladde"}
    )

    # Decisions: a draft with a proposal, one in its voting phase, one with published results.
    o["decision_draft"] = ConsultationFactory(network=dk)
    o["decision_option"] = OptionFactory(consultation=o["decision_draft"])
    OptionFactory(consultation=o["decision_draft"])
    o["decision_proposal"] = Proposal.objects.create(
        consultation=o["decision_draft"], organisation=org_a, author=author, title="Forslag"
    )
    o["decision_voting"] = ConsultationFactory(network=dk)
    OptionFactory.create_batch(3, consultation=o["decision_voting"])
    decision_services.consultation_open_voting(
        actor=users["staff"], consultation=o["decision_voting"]
    )
    published = ConsultationFactory(network=dk)
    OptionFactory.create_batch(3, consultation=published)
    published = decision_services.consultation_open_voting(
        actor=users["staff"], consultation=published
    )
    decision_services.ballot_cast(
        actor=make_user_with_role(dk, Role.Kind.ADMIN_CONTACT, org_a),
        consultation=published,
        organisation=org_a,
        option_ids=[published.options.first().pk],
    )
    for step in ("consultation_close", "consultation_publish"):
        published = getattr(decision_services, step)(actor=users["staff"], consultation=published)
    o["decision_published"] = published
    o["decision_voting_option"] = o["decision_voting"].options.first()
    o["decision_comment"] = decision_services.comment_create(
        actor=make_user_with_role(dk, Role.Kind.ADMIN_CONTACT, org_a),
        option=o["decision_voting_option"],
        text="Et godt tema.",
    )

    # A programme with an open call and the first organisation's submitted application.
    from tests.programmes.conftest import complete_answers, make_call

    today = timezone.localdate()
    call = make_call(
        users["staff"],
        dk,
        opens=today - datetime.timedelta(days=5),
        deadline=today + datetime.timedelta(days=30),
        year=today.year + 1,
    )
    o["call"] = call
    o["application"] = Application.objects.create(
        call=call,
        organisation=org_a,
        status=Application.Status.SUBMITTED,
        form_version=call.form.current(),
        answers=complete_answers(org_a.name),
        created_by=author,
    )
    attachment = ApplicationFile(
        application=o["application"],
        question_id="bilag",
        filename="kort.pdf",
        content_type="application/pdf",
        size=len(PDF),
        uploaded_by=author,
    )
    attachment.file.save("kort.pdf", ContentFile(PDF), save=True)
    o["application_file"] = attachment
    # An invitation to review the call, sent to an address none of the roles has.
    from samskab.programmes.models import ReviewerInvitation

    o["invitation"] = ReviewerInvitation.objects.create(
        call=call,
        email="invited-reviewer@test.example",
        invited_by=users["staff"],
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )

    # A session of the edition (an event for invited people) in its one track.
    from samskab.programmes import services as programme_services

    starts = timezone.now() + datetime.timedelta(days=60)
    o["session"] = programme_services.session_create(
        actor=users["staff"],
        edition=call.edition,
        data={
            "kind": "course_day",
            "title": "1. kursusdag",
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=6),
            "format": "online",
        },
        topics={call.edition.tracks.get().pk: {"da": "Frivillige"}},
    )
    # One of the first organisation's people, in that track (its own log-in is the author's).
    from samskab.programmes.models import Participant

    o["participant"] = Participant.objects.create(
        application=o["application"],
        track=call.edition.tracks.get(),
        name="Deltager Dorte",
        email="deltager@example.org",
    )
    from samskab.programmes.models import Champion

    o["champion"] = Champion.objects.create(
        application=o["application"],
        name="Frede Frivillig",
        consent_text="Samtykke",
        consented_at=timezone.now(),
    )

    # Rows the admin's pages can point at.
    o["auth_group"] = Group.objects.create(name="Redaktion")
    o["equivalent"] = Equivalent.objects.create(words="sundhed, helse")
    o["staff_totp"] = users["staff"].authenticator_set.get()
    o["email_address"] = author.emailaddress_set.get()
    o["case_type"] = ContentType.objects.get_for_model(Case)

    for role, user in users.items():
        client = login_as(Client(), user)
        from django.conf import settings

        w.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Case.objects.count() == 3
    return w
