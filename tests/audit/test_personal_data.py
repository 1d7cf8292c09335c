"""The trail's personal data: in the person's export, and anonymised with them."""

import pytest

from samskab.accounts import services as accounts
from samskab.accounts.models import Person
from samskab.accounts.selectors import personal_data_export
from samskab.audit.models import Action, AuditEntry
from samskab.audit.personal_data import ERASED_NAME
from samskab.groups import services as groups
from samskab.groups.models import GroupMembership
from tests.factories import PersonFactory
from tests.groups.factories import GroupMembershipFactory, ThemeGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(dk_network):
    return ThemeGroupFactory(network=dk_network, name="Bevægelse", slug="bevaegelse")


def test_a_coordinators_changes_and_the_changes_about_a_member_are_in_their_exports(
    group, staff_user
):
    coordinator = GroupMembershipFactory(group=group, role=GroupMembership.Role.COORDINATOR).user
    member = GroupMembershipFactory(group=group)
    groups.membership_set_role(actor=coordinator, membership=member, role="coordinator")

    made = personal_data_export(user=coordinator)["audit_trail"]["changes_made"]
    assert [e["action"] for e in made] == [Action.MEMBERSHIP_ROLE_CHANGED]
    about = personal_data_export(user=member.user)["audit_trail"]["changes_about_you"]
    assert about[0]["changes"] == {"before": {"role": "member"}, "after": {"role": "coordinator"}}
    assert personal_data_export(user=staff_user)["audit_trail"] == {
        "changes_made": [],
        "changes_about_you": [],
    }


def test_erasing_the_actor_keeps_the_entry_without_their_name(group):
    coordinator = GroupMembershipFactory(group=group, role=GroupMembership.Role.COORDINATOR).user
    member = GroupMembershipFactory(group=group)
    groups.membership_remove(actor=coordinator, membership=member)
    name = coordinator.name
    accounts.user_erase(actor=coordinator, user=coordinator)
    entry = AuditEntry.objects.get()
    assert entry.actor is None and entry.actor_name == ERASED_NAME
    assert name not in str(entry.__dict__)


def test_erasing_the_person_a_change_was_about_anonymises_it(group, member_org, staff_user):
    coordinator = GroupMembershipFactory(group=group, role=GroupMembership.Role.COORDINATOR).user
    member = GroupMembershipFactory(group=group, user__name="Mette Medlem")
    groups.membership_set_role(actor=coordinator, membership=member, role="coordinator")
    person = PersonFactory(name="Karl Kontakt", phone="12345678", organisation=member_org)
    accounts.person_update(actor=staff_user, person=person, data={"phone": "87654321"})
    assert AuditEntry.objects.count() == 2

    PersonFactory(user=member.user, name="Mette Medlem")
    accounts.user_erase(actor=member.user, user=member.user)
    accounts.person_erase(actor=staff_user, person=Person.objects.get(pk=person.pk))

    for entry in AuditEntry.objects.all():
        text = f"{entry.object_label} {entry.changes}"
        assert "Mette" not in text and "Karl" not in text
        assert "12345678" not in text and "87654321" not in text
    role_change = AuditEntry.objects.get(action=Action.MEMBERSHIP_ROLE_CHANGED)
    assert role_change.object_label == f"{ERASED_NAME} – {group.name}"
    assert role_change.changes == {"before": {"role": "member"}, "after": {"role": "coordinator"}}
    assert role_change.actor == coordinator  # the coordinator is not erased
    assert AuditEntry.objects.filter(action=Action.PERSON_ERASED).exists()
