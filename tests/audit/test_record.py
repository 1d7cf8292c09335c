"""audit.record: what an entry holds, and that a rolled-back change leaves none."""

import datetime

import pytest
from django.db import transaction

from samskab.audit import services as audit
from samskab.audit.models import Action, AuditEntry
from samskab.core.guards import OPERATOR
from samskab.networks.models import Role

pytestmark = pytest.mark.django_db


def test_an_entry_keeps_who_when_what_and_only_the_changed_fields(dk_network, staff_user):
    role = Role.objects.filter(person__user=staff_user).get()
    entry = audit.record(
        actor=staff_user,
        network=dk_network,
        action=Action.ROLE_CHANGED,
        obj=role,
        before={"kind": "secretariat", "until": None},
        after={"kind": "secretariat", "until": datetime.date(2027, 1, 31)},
    )
    entry.refresh_from_db()
    assert entry.actor == staff_user
    assert entry.actor_name == staff_user.name
    assert entry.object_type == "networks.role"
    assert entry.object_id == str(role.pk)
    assert entry.object_label == str(role)
    assert entry.changes == {"before": {"until": None}, "after": {"until": "2027-01-31"}}
    assert entry.created_at is not None


def test_a_change_rolled_back_leaves_no_entry(dk_network, staff_user):
    role = Role.objects.filter(person__user=staff_user).get()
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.record(
            actor=staff_user, network=dk_network, action=Action.ROLE_ADDED, obj=role, after={}
        )
        raise RuntimeError("the service failed after recording")
    assert not AuditEntry.objects.exists()


def test_the_operator_is_recorded_without_a_name(dk_network, staff_user):
    role = Role.objects.filter(person__user=staff_user).get()
    entry = audit.record(
        actor=OPERATOR, network=dk_network, action=Action.ROLE_ADDED, obj=role, after={"kind": "x"}
    )
    assert entry.actor is None and entry.actor_name == ""
