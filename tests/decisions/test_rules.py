"""The rules over roles x phases (before, during and after voting)."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from samskab.decisions import services
from samskab.decisions.models import Consultation

ROLES = [
    "anonymous",
    "plain_user",
    "admin_contact",
    "political_contact",
    "non_member_contact",
    "former_member_contact",
    "staff_user",
    "other_network_staff",
]

# phase -> rule -> the roles that have it
EXPECTED = {
    "draft": {
        "decisions.view_consultation": {"staff_user"},
        "decisions.change_consultation": {"staff_user"},
        "decisions.run_consultation": {"staff_user"},
        "decisions.vote": set(),
        "decisions.view_turnout": set(),
        "decisions.view_results": set(),
        "decisions.propose_option": set(),
        "decisions.create_groups": set(),
    },
    "proposals": {
        "decisions.view_consultation": set(ROLES),
        "decisions.change_consultation": {"staff_user"},
        "decisions.vote": set(),
        "decisions.view_turnout": {"admin_contact", "political_contact", "staff_user"},
        "decisions.view_results": set(),
        "decisions.propose_option": {"admin_contact", "political_contact"},
        "decisions.create_groups": set(),
    },
    "voting": {
        "decisions.view_consultation": set(ROLES),
        "decisions.change_consultation": set(),
        "decisions.run_consultation": {"staff_user"},
        # administrative contact by default: the political contact does not vote
        "decisions.vote": {"admin_contact"},
        "decisions.view_turnout": {"admin_contact", "political_contact", "staff_user"},
        # not even staff see counts while voting is open
        "decisions.view_results": set(),
        "decisions.propose_option": set(),
        "decisions.create_groups": set(),
    },
    "after_deadline": {
        "decisions.vote": set(),
        "decisions.view_results": set(),
    },
    "published": {
        "decisions.view_consultation": set(ROLES),
        "decisions.change_consultation": set(),
        "decisions.vote": set(),
        "decisions.view_results": set(ROLES),
        "decisions.create_groups": {"staff_user"},
    },
}


def _phase(consultation, phase, staff):
    if phase == "proposals":
        services.consultation_open_proposals(actor=staff, consultation=consultation)
    if phase in ("voting", "after_deadline", "published"):
        services.consultation_open_voting(actor=staff, consultation=consultation)
    if phase == "published":
        services.consultation_close(actor=staff, consultation=consultation)
        services.consultation_publish(actor=staff, consultation=consultation)
    return Consultation.objects.get(pk=consultation.pk)


@pytest.mark.parametrize("phase", list(EXPECTED))
def test_rule_matrix(request, phase, consultation, staff_user):
    consultation = _phase(consultation, phase, staff_user)
    users = {
        name: AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)
        for name in ROLES
    }
    later = timezone.now() + datetime.timedelta(days=30)
    with time_machine.travel(later if phase == "after_deadline" else timezone.now(), tick=False):
        for rule, allowed in EXPECTED[phase].items():
            got = {name for name, user in users.items() if user.has_perm(rule, consultation)}
            assert got == allowed, (phase, rule)


def test_either_role_lets_the_political_contact_vote(consultation, staff_user, political_contact):
    consultation.voter_role = Consultation.VoterRole.EITHER
    consultation.save()
    consultation = _phase(consultation, "voting", staff_user)
    assert political_contact.has_perm("decisions.vote", consultation)


def test_add_consultation_only_staff_of_this_network(
    dk_network, staff_user, other_network_staff, admin_contact
):
    assert staff_user.has_perm("decisions.add_consultation", dk_network)
    assert not other_network_staff.has_perm("decisions.add_consultation", dk_network)
    assert not admin_contact.has_perm("decisions.add_consultation", dk_network)
