import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samskab.decisions import selectors, services
from samskab.decisions.models import Ballot, BallotVersion, Consultation, Proposal, Voter
from tests.factories import MembershipFactory

from .factories import ConsultationFactory


def _ids(consultation, n):
    return [o.pk for o in consultation.options.all()[:n]]


def test_create_needs_staff_and_valid_dates(dk_network, staff_user, admin_contact):
    now = timezone.now()
    data = {
        "title": "Which themes?\nNow",
        "question": "Q",
        "method": "approval_up_to",
        "k": 5,
        "voter_role": "admin_contact",
        "voting_opens_at": now,
        "voting_closes_at": now + datetime.timedelta(days=7),
    }
    with pytest.raises(PermissionDenied):
        services.consultation_create(actor=admin_contact, network=dk_network, data=data)
    with pytest.raises(ValidationError) as exc:
        services.consultation_create(
            actor=staff_user,
            network=dk_network,
            data={**data, "voting_closes_at": now - datetime.timedelta(days=1)},
        )
    assert "voting_closes_at" in exc.value.message_dict
    assert not Consultation.objects.exists()
    c = services.consultation_create(actor=staff_user, network=dk_network, data=data)
    assert c.title == "Which themes? Now"
    assert c.slug == "which-themes-now"
    assert c.status == "draft"


def test_open_voting_freezes_the_electorate_and_invites(
    consultation,
    staff_user,
    admin_contact,
    member_org,
    other_org,
    former_member_contact,
    django_capture_on_commit_callbacks,
    settings,
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_open_voting(actor=staff_user, consultation=consultation)
    electorate = set(
        Voter.objects.filter(consultation=consultation).values_list("organisation", flat=True)
    )
    assert electorate == {member_org.pk, other_org.pk}
    # A municipality that joins later is not in the frozen electorate.
    MembershipFactory(network=consultation.network)
    assert Voter.objects.filter(consultation=consultation).count() == 2
    assert [m.to for m in mail.outbox] == [[admin_contact.email]]
    # in the network's language, with the link to the page in it
    assert "indtil" in mail.outbox[0].body
    assert f"/da/decisions/{consultation.slug}/" in mail.outbox[0].body


def test_open_voting_needs_options_and_k_within_them(dk_network, staff_user):
    c = ConsultationFactory(network=dk_network, k=3)
    with pytest.raises(ValidationError):
        services.consultation_open_voting(actor=staff_user, consultation=c)


def test_cast_change_and_history(voting, admin_contact, second_admin_contact, member_org):
    b = services.ballot_cast(
        actor=admin_contact,
        consultation=voting,
        organisation=member_org,
        option_ids=_ids(voting, 2),
    )
    b2 = services.ballot_cast(
        actor=second_admin_contact,
        consultation=voting,
        organisation=member_org,
        option_ids=[],
        abstain=True,
    )
    assert b.pk == b2.pk
    assert Ballot.objects.filter(consultation=voting).count() == 1
    b2.refresh_from_db()
    assert b2.abstain and b2.changed_by == second_admin_contact and b2.version == 2
    history = list(BallotVersion.objects.filter(ballot=b).order_by("number"))
    assert [(v.number, v.changed_by, v.abstain) for v in history] == [
        (1, admin_contact, False),
        (2, second_admin_contact, True),
    ]
    assert history[0].option_ids == sorted(_ids(voting, 2))


def test_method_limits(voting, admin_contact, member_org):
    with pytest.raises(ValidationError):
        services.ballot_cast(
            actor=admin_contact,
            consultation=voting,
            organisation=member_org,
            option_ids=_ids(voting, 3),
        )
    with pytest.raises(ValidationError):
        services.ballot_cast(
            actor=admin_contact, consultation=voting, organisation=member_org, option_ids=[]
        )
    voting.method = Consultation.Method.APPROVAL_EXACTLY
    voting.save()
    with pytest.raises(ValidationError):
        services.ballot_cast(
            actor=admin_contact,
            consultation=voting,
            organisation=member_org,
            option_ids=_ids(voting, 1),
        )
    services.ballot_cast(
        actor=admin_contact,
        consultation=voting,
        organisation=member_org,
        option_ids=_ids(voting, 2),
    )
    assert Ballot.objects.count() == 1


def test_wrong_voters_are_refused(
    voting, political_contact, non_member_contact, staff_user, admin_contact, other_org, member_org
):
    for actor in (political_contact, non_member_contact, staff_user):
        with pytest.raises(PermissionDenied):
            services.ballot_cast(
                actor=actor,
                consultation=voting,
                organisation=member_org,
                option_ids=_ids(voting, 1),
            )
    # an entitled contact of one municipality cannot vote for another
    with pytest.raises(PermissionDenied):
        services.ballot_cast(
            actor=admin_contact,
            consultation=voting,
            organisation=other_org,
            option_ids=_ids(voting, 1),
        )
    assert not Ballot.objects.exists()


def test_no_vote_after_the_deadline(voting, admin_contact, member_org):
    later = voting.voting_closes_at + datetime.timedelta(seconds=1)
    with time_machine.travel(later), pytest.raises(PermissionDenied):
        services.ballot_cast(
            actor=admin_contact,
            consultation=voting,
            organisation=member_org,
            option_ids=_ids(voting, 1),
        )


def test_why_not_voting(
    voting, non_member_contact, former_member_contact, political_contact, admin_contact, plain_user
):
    assert selectors.why_not_voting(admin_contact, voting) == ""
    assert "former member" in selectors.why_not_voting(former_member_contact, voting)
    assert "2020" in selectors.why_not_voting(former_member_contact, voting)
    assert "not a member" in selectors.why_not_voting(non_member_contact, voting)
    assert "administrative contact" in selectors.why_not_voting(political_contact, voting)
    assert "not registered as a contact" in selectors.why_not_voting(plain_user, voting)


def test_close_publish_and_groups(
    voting, staff_user, admin_contact, other_admin_contact, member_org, other_org
):
    a, b, c, _d = list(voting.options.all())
    services.ballot_cast(
        actor=admin_contact, consultation=voting, organisation=member_org, option_ids=[a.pk, b.pk]
    )
    services.ballot_cast(
        actor=other_admin_contact,
        consultation=voting,
        organisation=other_org,
        option_ids=[a.pk, c.pk],
    )
    with pytest.raises(PermissionDenied):
        services.groups_create(actor=staff_user, consultation=voting)
    with pytest.raises(ValidationError):
        services.consultation_publish(actor=staff_user, consultation=voting)
    services.consultation_close(actor=staff_user, consultation=voting)
    published = services.consultation_publish(actor=staff_user, consultation=voting)
    result = selectors.consultation_tally(published)
    assert result.chosen == [a.pk] and result.tied == [b.pk, c.pk]
    groups = services.groups_create(actor=staff_user, consultation=published)
    assert [g.name for g in groups] == [a.title]
    assert services.groups_create(actor=staff_user, consultation=published) == []  # once
    origin = selectors.group_origin(groups[0])
    assert origin["text"].startswith("Created by the members' decision of")


def test_proposals(consultation, staff_user, admin_contact, member_org, non_member_contact):
    services.consultation_open_proposals(actor=staff_user, consultation=consultation)
    consultation.refresh_from_db()
    p = services.proposal_create(
        actor=admin_contact,
        consultation=consultation,
        organisation=member_org,
        title="Walking",
        description="d",
    )
    with pytest.raises(PermissionDenied):
        services.proposal_create(
            actor=non_member_contact, consultation=consultation, organisation=member_org, title="x"
        )
    with pytest.raises(PermissionDenied):
        services.proposal_review(actor=admin_contact, proposal=p, accept=True)
    services.proposal_review(actor=staff_user, proposal=p, accept=True)
    p.refresh_from_db()
    assert p.status == Proposal.Status.ACCEPTED
    assert p.option.title == "Walking"
    assert consultation.options.count() == 5


def test_reminders_once(
    voting,
    admin_contact,
    other_admin_contact,
    member_org,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    services.ballot_cast(
        actor=admin_contact,
        consultation=voting,
        organisation=member_org,
        option_ids=_ids(voting, 1),
    )
    mail.outbox.clear()
    assert services.reminders_send() == 0  # ten days left
    soon = voting.voting_closes_at - datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=soon) == 1
        assert services.reminders_send(now=soon) == 0
    assert [m.to for m in mail.outbox] == [[other_admin_contact.email]]
