"""The permission matrix: every rule × every role × before, during and after the call's
window."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser

from samskab.programmes.models import Application, Participant, ReviewerInvitation
from tests.conftest import make_user_with_role

from .conftest import CPH, complete_answers, make_call

pytestmark = pytest.mark.django_db

ROLES = (
    "anon",
    "user",
    "editor",
    "contact",
    "political",
    "other_editor",
    "reviewer",
    "other_reviewer",
    "invitee",
    "staff",
    "xstaff",
)
OPENS, DEADLINE = datetime.date(2026, 1, 5), datetime.date(2026, 2, 1)
MOMENTS = {
    "before": datetime.datetime(2026, 1, 4, 23, 59, 59, tzinfo=CPH),
    "during": datetime.datetime(2026, 2, 1, 23, 59, 59, tzinfo=CPH),
    "after": datetime.datetime(2026, 2, 2, 0, 0, 0, tzinfo=CPH),
}


@pytest.fixture
def users(
    dk_network,
    plain_user,
    org_editor,
    admin_contact,
    political_contact,
    other_org_editor,
    staff_user,
    other_network_staff,
):
    reviewer = make_user_with_role(dk_network, None)
    return {
        "reviewer": reviewer,
        "other_reviewer": make_user_with_role(dk_network, None),
        "invitee": make_user_with_role(dk_network, None),
        "anon": AnonymousUser(),
        "user": plain_user,
        "editor": org_editor,
        "contact": admin_contact,
        "political": political_contact,
        "other_editor": other_org_editor,
        "staff": staff_user,
        "xstaff": other_network_staff,
    }


@pytest.fixture
def world(users, dk_network, member_org):
    call = make_call(users["staff"], dk_network, opens=OPENS, deadline=DEADLINE, year=2026)
    call.reviewers.add(users["reviewer"])
    # A reviewer of another call of the same network reviews nothing of this one.
    other_call = make_call(users["staff"], dk_network, opens=OPENS, deadline=DEADLINE, year=2027)
    other_call.reviewers.add(users["other_reviewer"])
    invitation = ReviewerInvitation.objects.create(
        call=call,
        email=users["invitee"].email.upper(),
        expires_at=datetime.datetime(2026, 3, 1, tzinfo=CPH),
    )
    application = Application.objects.create(
        call=call,
        organisation=member_org,
        form_version=call.form.current(),
        answers=complete_answers(),
        status=Application.Status.SUBMITTED,
    )
    participant = Participant.objects.create(
        application=application, name="Peter Plain", email=users["user"].email
    )
    return {
        "participant": participant,
        "invitation": invitation,
        "call": call,
        "edition": call.edition,
        "programme": call.edition.programme,
        "application": application,
        "network": dk_network,
    }


def Y(*roles):  # noqa: N802
    return set(roles)


STAFF = Y("staff")
APPLICANTS = Y("editor", "contact")
# rule, object, {moment: roles that may}
MATRIX = [
    ("programmes.add_programme", "network", dict.fromkeys(MOMENTS, STAFF)),
    ("programmes.review_call", "call", dict.fromkeys(MOMENTS, STAFF | Y("reviewer"))),
    ("programmes.change_edition", "edition", dict.fromkeys(MOMENTS, STAFF)),
    ("programmes.manage_sessions", "edition", dict.fromkeys(MOMENTS, STAFF)),
    ("programmes.change_programme", "programme", dict.fromkeys(MOMENTS, STAFF)),
    # Another organisation's editor applies too: for their own organisation.
    (
        "programmes.apply",
        "call",
        {"before": Y(), "during": APPLICANTS | Y("other_editor"), "after": Y()},
    ),
    (
        "programmes.change_application",
        "application",
        {"before": Y(), "during": APPLICANTS, "after": Y()},
    ),
    (
        "programmes.view_application",
        "application",
        dict.fromkeys(MOMENTS, APPLICANTS | STAFF | Y("reviewer")),
    ),
    ("programmes.withdraw_application", "application", dict.fromkeys(MOMENTS, APPLICANTS)),
    ("programmes.decide_application", "application", dict.fromkeys(MOMENTS, STAFF)),
    (
        "programmes.review_application",
        "application",
        dict.fromkeys(MOMENTS, STAFF | Y("reviewer")),
    ),
    ("programmes.manage_reviewers", "call", dict.fromkeys(MOMENTS, STAFF)),
    ("programmes.revoke_reviewer", "invitation", dict.fromkeys(MOMENTS, STAFF)),
    # Only the invited address, signed in and verified, while the invitation holds.
    ("programmes.accept_reviewer_invitation", "invitation", dict.fromkeys(MOMENTS, Y("invitee"))),
    ("programmes.make_case", "application", dict.fromkeys(MOMENTS, Y())),  # not accepted
    # The world's application is submitted: its people are the secretariat's only.
    ("programmes.manage_participants", "application", dict.fromkeys(MOMENTS, STAFF)),
    (
        "programmes.decline_session",
        "participant",
        dict.fromkeys(MOMENTS, STAFF | APPLICANTS | Y("user")),
    ),
    ("programmes.manage_champions", "application", dict.fromkeys(MOMENTS, STAFF)),
    ("formbuilder.change_form", "form", dict.fromkeys(MOMENTS, STAFF)),
    ("formbuilder.view_form", "form", dict.fromkeys(MOMENTS, STAFF)),
]
CASES = [(rule, obj, moment, role) for rule, obj, m in MATRIX for moment in m for role in ROLES]


@pytest.mark.parametrize(("rule", "obj", "moment", "role"), CASES, ids=["-".join(c) for c in CASES])
def test_matrix(users, world, rule, obj, moment, role):
    allowed = {r: m for r, _o, m in MATRIX}[rule][moment]
    target = world["call"].form if obj == "form" else world[obj]
    with time_machine.travel(MOMENTS[moment], tick=False):
        assert users[role].has_perm(rule, target) is (role in allowed)


@pytest.mark.parametrize("status", ["draft", "accepted", "waiting", "rejected", "withdrawn"])
def test_status_decides_what_applicants_and_staff_may(users, world, status):
    application = world["application"]
    application.status = status
    with time_machine.travel(MOMENTS["during"], tick=False):
        editor, staff = users["editor"], users["staff"]
        assert editor.has_perm("programmes.change_application", application) is (status == "draft")
        assert editor.has_perm("programmes.withdraw_application", application) is (
            status in ("draft", "accepted", "waiting")
        )
        assert staff.has_perm("programmes.decide_application", application) is (
            status in ("accepted", "waiting", "rejected")
        )
        assert staff.has_perm("programmes.make_case", application) is (status == "accepted")
        assert editor.has_perm("programmes.make_case", application) is False


def test_the_municipality_keeps_its_people_once_accepted(users, world):
    application = world["application"]
    application.status = Application.Status.ACCEPTED
    for role in ROLES:
        assert users[role].has_perm("programmes.manage_participants", application) is (
            role in STAFF | APPLICANTS
        ), role
        assert users[role].has_perm("programmes.manage_champions", application) is (
            role in STAFF | APPLICANTS
        ), role
