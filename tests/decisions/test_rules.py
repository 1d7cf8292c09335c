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
    "group_member",  # an active member of the theme group that prepares the consultation
]
CONTACTS_AND_STAFF = {"admin_contact", "political_contact", "staff_user"}

# phase -> rule -> the roles that have it
EXPECTED = {
    "draft": {
        "decisions.view_consultation": {"staff_user", "group_member"},
        "decisions.change_consultation": {"staff_user", "group_member"},
        # the group prepares, the secretariat opens
        "decisions.run_consultation": {"staff_user"},
        "decisions.comment_option": set(),
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
        "decisions.comment_option": CONTACTS_AND_STAFF,
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
        "decisions.comment_option": CONTACTS_AND_STAFF,
    },
    "after_deadline": {
        "decisions.vote": set(),
        "decisions.view_results": set(),
        "decisions.comment_option": set(),
    },
    "published": {
        "decisions.view_consultation": set(ROLES),
        "decisions.change_consultation": set(),
        "decisions.vote": set(),
        "decisions.view_results": set(ROLES),
        "decisions.create_groups": {"staff_user"},
        "decisions.comment_option": set(),
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
def test_rule_matrix(request, phase, consultation, staff_user, theme_group):
    consultation.theme_group = theme_group
    consultation.save()
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


GROUP_ROLES = [
    "anonymous",
    "plain_user",
    "admin_contact",
    "group_member",
    "staff_user",
    "other_network_staff",
]


def test_draft_consultation_matrix(request, theme_group):
    """Who may prepare a draft for a theme group (the object is the group)."""
    users = {
        name: AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)
        for name in GROUP_ROLES
    }
    got = {n for n, u in users.items() if u.has_perm("decisions.draft_consultation", theme_group)}
    assert got == {"group_member", "staff_user"}


def test_a_former_group_member_no_longer_drafts(consultation, theme_group, group_member):
    from samskab.groups.models import GroupMembership
    from samskab.networks.predicates import forget_access

    consultation.theme_group = theme_group
    consultation.save()
    GroupMembership.objects.filter(user=group_member).update(status="requested")
    forget_access(group_member)
    assert not group_member.has_perm("decisions.change_consultation", consultation)
    assert not group_member.has_perm("decisions.draft_consultation", theme_group)


COMMENT_ROLES = ["anonymous", "author", "plain_user", "staff_user", "other_network_staff"]
# comment state -> rule -> the roles that have it
COMMENT_EXPECTED = {
    "open": {
        "decisions.delete_comment": {"author", "staff_user"},
        "decisions.report_comment": {"author", "plain_user", "staff_user", "other_network_staff"},
        "decisions.moderate_comment": {"staff_user"},
    },
    "hidden": {
        "decisions.delete_comment": {"author", "staff_user"},
        "decisions.report_comment": set(),
        "decisions.moderate_comment": {"staff_user"},
    },
    "deleted": {
        "decisions.delete_comment": {"staff_user"},
        "decisions.report_comment": set(),
        "decisions.moderate_comment": {"staff_user"},
    },
}


@pytest.mark.parametrize("state", list(COMMENT_EXPECTED))
def test_comment_rule_matrix(request, state, consultation, staff_user, admin_contact):
    from samskab.decisions.models import OptionComment

    services.consultation_open_proposals(actor=staff_user, consultation=consultation)
    option = consultation.options.first()
    comment = services.comment_create(actor=admin_contact, option=option, text="Good theme.")
    if state == "hidden":
        services.comment_hide(actor=staff_user, comment=comment)
    if state == "deleted":
        services.comment_delete(actor=admin_contact, comment=comment)
    comment = OptionComment.objects.select_related("option__consultation").get(pk=comment.pk)
    users = {
        name: AnonymousUser()
        if name == "anonymous"
        else admin_contact
        if name == "author"
        else request.getfixturevalue(name)
        for name in COMMENT_ROLES
    }
    for rule, allowed in COMMENT_EXPECTED[state].items():
        got = {name for name, user in users.items() if user.has_perm(rule, comment)}
        assert got == allowed, (state, rule)
