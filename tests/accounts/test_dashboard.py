"""My page as a dashboard: each section with content, its empty state, the staff counts,
never cached, and a pinned number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samskab.cases.models import Case, Follow, Notification
from samskab.events.models import Registration
from samskab.groups.models import GroupFollow, GroupMembership
from tests.cases.factories import CaseFactory
from tests.events.factories import EventFactory, RegistrationFactory, ThemeGroupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_empty_states_for_a_new_user(client, plain_user):
    client.force_login(plain_user)
    response = client.get("/en/me/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "You are not signed up for any coming events.",
        "You are not a member of any theme group.",
        "You follow no theme groups.",
        "You have no drafts or cases awaiting review.",
        "You follow no cases.",
        "No notifications yet.",
        "Your organisation has not applied to a programme.",
    ):
        assert text in html
    assert "Waiting for the secretariat" not in html
    assert "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def _fill(network, user, org):
    in_a_year = timezone.now().replace(microsecond=0) + datetime.timedelta(days=365)
    later = EventFactory(network=network, title="Later meeting", starts_at=in_a_year)
    soon = EventFactory(network=network, title="Soon meeting")
    for event in (later, soon):
        RegistrationFactory(event=event, user=user, email=user.email)
    RegistrationFactory(
        event=EventFactory(network=network, title="Dropped meeting"),
        user=user,
        status=Registration.Status.CANCELLED,
    )
    group = ThemeGroupFactory(network=network, name="Alcohol group")
    GroupMembership.objects.create(group=group, user=user)
    pending = ThemeGroupFactory(network=network, name="Pending group")
    GroupMembership.objects.create(
        group=pending, user=user, status=GroupMembership.Status.REQUESTED
    )
    GroupFollow.objects.create(group=ThemeGroupFactory(network=network, name="Followed"), user=user)
    CaseFactory(network=network, organisation=org, title="My draft", status=Case.Status.DRAFT)
    followed = CaseFactory(network=network, title="Followed case")
    Follow.objects.create(user=user, case=followed)
    Notification.objects.create(user=user, case=followed, kind="commented")


def test_sections_list_what_is_mine_upcoming_first(client, dk_network, org_editor, member_org):
    _fill(dk_network, org_editor, member_org)
    client.force_login(org_editor)
    html = client.get("/en/me/").content.decode()
    assert html.index("Soon meeting") < html.index("Later meeting")
    assert "Dropped meeting" not in html
    assert "Alcohol group" in html and "Pending group" in html
    assert "Request awaiting an answer" in html
    assert "Followed" in html and "My draft" in html and "Followed case" in html
    assert "1 unread" in html
    assert "/registrations/" in html  # the cancel link (to its confirm page)


def test_staff_see_counts_of_what_waits(client, dk_network, staff_user, member_org):
    CaseFactory(network=dk_network, organisation=member_org, status=Case.Status.SUBMITTED)
    group = ThemeGroupFactory(network=dk_network, name="Asked group")
    GroupMembership.objects.create(
        group=group,
        user=UserFactory(),
        status=GroupMembership.Status.REQUESTED,
    )
    client.force_login(staff_user)
    html = client.get("/da/me/").content.decode()
    assert 'data-dashboard="waiting"' in html
    assert 'data-count="to-moderate"' in html and 'data-count="reported"' in html
    assert "Asked group" in html


def test_query_count_is_pinned(client, dk_network, org_editor, member_org):
    client.force_login(org_editor)
    client.get("/en/me/")
    with CaptureQueriesContext(connection) as empty:
        client.get("/en/me/")
    _fill(dk_network, org_editor, member_org)
    _fill(dk_network, org_editor, member_org)
    with CaptureQueriesContext(connection) as full:
        client.get("/en/me/")
    assert len(full) == len(empty)
    # Session, user, person, roles, then each section's few queries; the same with more rows.
    assert len(full) == 18, [q["sql"] for q in full.captured_queries]
