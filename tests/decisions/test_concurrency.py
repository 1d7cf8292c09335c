"""Two (or more) contacts of one municipality vote at the same moment, each on their own
database connection: there is one ballot, and every change is in its history."""

import threading

import pytest
from django.db import connection, connections

from samskab.decisions import services
from samskab.decisions.models import Ballot, BallotVersion
from samskab.networks.models import Role
from tests.conftest import make_user_with_role

from .factories import ConsultationFactory, OptionFactory

THREADS = 6


def _run_concurrently(fn, args_list):
    barrier = threading.Barrier(len(args_list))
    errors = []

    def worker(args):
        try:
            barrier.wait(timeout=30)
            fn(*args)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(a,)) for a in args_list]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    return errors


@pytest.mark.django_db(transaction=True)
def test_simultaneous_contacts_give_one_ballot(dk_network, member_org, staff_user):
    consultation = ConsultationFactory(network=dk_network)
    options = [OptionFactory(consultation=consultation) for _ in range(3)]
    contacts = [
        make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, member_org) for _ in range(THREADS)
    ]
    consultation = services.consultation_open_voting(actor=staff_user, consultation=consultation)

    def vote(user, option):
        services.ballot_cast(
            actor=user, consultation=consultation, organisation=member_org, option_ids=[option.pk]
        )

    errors = _run_concurrently(
        vote, [(u, options[i % len(options)]) for i, u in enumerate(contacts)]
    )
    assert errors == []
    ballots = Ballot.objects.filter(consultation=consultation)
    assert ballots.count() == 1
    ballot = ballots.get()
    versions = list(BallotVersion.objects.filter(ballot=ballot).order_by("number"))
    assert [v.number for v in versions] == list(range(1, THREADS + 1))
    assert {v.changed_by_id for v in versions} == {u.pk for u in contacts}
    # The ballot is what the last change made.
    assert ballot.version == THREADS
    assert list(ballot.options.values_list("pk", flat=True)) == versions[-1].option_ids
    assert ballot.changed_by_id == versions[-1].changed_by_id
    print(f"[{connection.vendor}] {THREADS} contacts at once: 1 ballot, {THREADS} versions")
