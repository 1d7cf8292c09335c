"""Roles, theme-group memberships and people: each change by staff or a coordinator is in
the trail with its before and after values."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.exceptions import ValidationError

from samskab.accounts import services as accounts
from samskab.accounts.models import Person
from samskab.audit.models import Action, AuditEntry
from samskab.groups import services as groups
from samskab.groups.models import GroupMembership
from samskab.networks.models import Role
from tests.conftest import TOTP_SECRET
from tests.factories import PersonFactory
from tests.groups.factories import GroupMembershipFactory, ThemeGroupFactory

pytestmark = pytest.mark.django_db


# --- roles (given, changed and taken away in the admin) --------------------------------------


def test_a_role_given_changed_and_taken_away_in_the_admin(
    client, dk_network, member_org, staff_user, entries
):
    person = PersonFactory(name="Rikke Role", organisation=member_org)
    client.force_login(staff_user)
    response = client.post(
        "/en/admin/networks/role/add/",
        {
            "network": dk_network.pk,
            "person": person.pk,
            "kind": "org_editor",
            "organisation": member_org.pk,
            "until": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    role = Role.objects.get(person=person)
    response = client.post(
        f"/en/admin/networks/role/{role.pk}/change/",
        {
            "network": dk_network.pk,
            "person": person.pk,
            "kind": "admin_contact",
            "organisation": member_org.pk,
            "until": "2027-06-30",
        },
    )
    assert response.status_code == 302
    response = client.post(f"/en/admin/networks/role/{role.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()

    assert entries(object_type="networks.role") == [
        (
            Action.ROLE_ADDED,
            {},
            {"kind": "org_editor", "organisation": member_org.name, "until": None},
        ),
        (
            Action.ROLE_CHANGED,
            {"kind": "org_editor", "until": None},
            {"kind": "admin_contact", "until": "2027-06-30"},
        ),
        (
            Action.ROLE_REMOVED,
            {"kind": "admin_contact", "organisation": member_org.name, "until": "2027-06-30"},
            {},
        ),
    ]
    entry = AuditEntry.objects.filter(action=Action.ROLE_ADDED).get()
    assert entry.network == dk_network and entry.actor == staff_user
    assert entry.subject_person == person and "Rikke Role" in entry.object_label


def test_a_role_given_on_the_persons_page_in_the_admin(
    client, dk_network, member_org, django_user_model, entries
):
    # The roles inline shows to superusers (staff give roles on the roles page).
    root = django_user_model.objects.create_superuser(email="root@test.example", password="x")
    TOTP.activate(root, TOTP_SECRET)  # the admin asks for the second factor
    person = PersonFactory(name="Ida Inline", organisation=member_org)
    client.force_login(root)
    data = {
        "name": person.name,
        "title": "",
        "organisation": member_org.pk,
        "phone": "",
        "email": "",
        "user": "",
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "1000",
        "roles-0-network": dk_network.pk,
        "roles-0-kind": "political_contact",
        "roles-0-organisation": member_org.pk,
        "roles-0-until": "",
        "roles-0-person": person.pk,
    }
    response = client.post(f"/en/admin/accounts/person/{person.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Role.objects.filter(person=person).exists()
    assert entries(action=Action.ROLE_ADDED) == [
        (
            Action.ROLE_ADDED,
            {},
            {"kind": "political_contact", "organisation": member_org.name, "until": None},
        ),
    ]


# --- theme-group memberships --------------------------------------------------------------


@pytest.fixture
def group(dk_network):
    return ThemeGroupFactory(network=dk_network, name="Mental sundhed", slug="mental-sundhed")


@pytest.fixture
def coordinator(group):
    return GroupMembershipFactory(group=group, role=GroupMembership.Role.COORDINATOR).user


def test_accepting_a_request_to_join(group, coordinator, entries):
    request = GroupMembershipFactory(group=group, status=GroupMembership.Status.REQUESTED)
    groups.membership_accept(actor=coordinator, membership=request)
    assert entries(action=Action.MEMBERSHIP_ACCEPTED) == [
        (Action.MEMBERSHIP_ACCEPTED, {"status": "requested"}, {"status": "active"})
    ]
    entry = AuditEntry.objects.get()
    assert entry.network == group.network and entry.actor == coordinator
    assert entry.subject_user == request.user and entry.object_type == "groups.groupmembership"


def test_declining_a_request_to_join(group, coordinator, entries):
    request = GroupMembershipFactory(group=group, status=GroupMembership.Status.REQUESTED)
    pk = request.pk
    groups.membership_decline(actor=coordinator, membership=request)
    assert entries() == [(Action.MEMBERSHIP_DECLINED, {"status": "requested"}, {})]
    assert AuditEntry.objects.get().object_id == str(pk)


def test_changing_a_members_role(group, coordinator, entries):
    member = GroupMembershipFactory(group=group)
    groups.membership_set_role(actor=coordinator, membership=member, role="coordinator")
    assert entries() == [
        (Action.MEMBERSHIP_ROLE_CHANGED, {"role": "member"}, {"role": "coordinator"})
    ]


def test_removing_a_member(group, coordinator, entries):
    member = GroupMembershipFactory(group=group)
    groups.membership_remove(actor=coordinator, membership=member)
    assert entries() == [(Action.MEMBERSHIP_REMOVED, {"role": "member", "status": "active"}, {})]


def test_a_refused_change_leaves_no_entry(group, coordinator):
    with pytest.raises(ValidationError):  # the last coordinator cannot step down
        groups.membership_set_role(
            actor=coordinator,
            membership=GroupMembership.objects.get(user=coordinator),
            role="member",
        )
    assert not AuditEntry.objects.exists()


def test_joining_an_open_group_oneself_is_not_a_staff_change(group, plain_user):
    group.join_policy = "open"
    group.save()
    groups.group_join(actor=plain_user, group=group)
    assert not AuditEntry.objects.exists()


# --- people: requests to join an organisation, details, erasure -----------------------------


def _asking(member_org, name="Jonas Joiner"):
    person = PersonFactory(name=name, organisation=None)
    Person.objects.filter(pk=person.pk).update(requested_organisation=member_org)
    person.refresh_from_db()
    return person


def test_confirming_and_declining_people_at_an_organisation(
    dk_network, member_org, org_editor, entries
):
    accounts.person_join_confirm(actor=org_editor, person=_asking(member_org))
    accounts.person_join_decline(actor=org_editor, person=_asking(member_org, "Nora Nej"))
    assert entries(network=dk_network) == [
        (
            Action.JOIN_CONFIRMED,
            {"organisation": None, "requested_organisation": member_org.name},
            {"organisation": member_org.name, "requested_organisation": None},
        ),
        (
            Action.JOIN_DECLINED,
            {"requested_organisation": member_org.name},
            {"requested_organisation": None},
        ),
    ]


def test_the_secretariat_changing_a_persons_details(dk_network, member_org, staff_user, entries):
    person = PersonFactory(name="Per Person", phone="11111111", organisation=member_org)
    accounts.person_update(
        actor=staff_user, person=person, data={"name": "Per Persson", "phone": "22222222"}
    )
    assert entries(network=dk_network) == [
        (
            Action.PERSON_CHANGED,
            {"name": "Per Person", "phone": "11111111"},
            {"name": "Per Persson", "phone": "22222222"},
        ),
    ]


def test_a_person_changing_their_own_details_is_not_in_the_trail(plain_user):
    person = Person.objects.get(user=plain_user)
    accounts.person_update(actor=plain_user, person=person, data={"title": "Konsulent"})
    assert not AuditEntry.objects.exists()


def test_the_secretariat_erasing_a_person(dk_network, member_org, staff_user, entries):
    person = PersonFactory(name="Eva Erased", organisation=member_org)
    accounts.person_erase(actor=staff_user, person=person)
    [entry] = AuditEntry.objects.all()
    assert entry.action == Action.PERSON_ERASED and entry.network == dk_network
    assert entry.actor == staff_user and "Eva" not in entry.object_label
