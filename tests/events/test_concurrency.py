"""Many people sign up at the same moment, each on their own database connection.

On PostgreSQL the service locks the event row (SELECT ... FOR UPDATE); on SQLite every
write transaction begins with BEGIN IMMEDIATE. Either way the capacity holds exactly and
nobody is lost: each sign-up ends confirmed or on the waiting list, in a strict order.
"""

import threading

import pytest
from django.db import connection, connections

from samskab.events import services
from samskab.events.models import Registration
from tests.factories import UserFactory

from .factories import EventFactory

THREADS = 30
CAPACITY = 10


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
def test_simultaneous_signups_never_exceed_capacity(dk_network):
    event = EventFactory(network=dk_network, capacity=CAPACITY)
    users = [UserFactory() for _ in range(THREADS)]

    def sign_up(user):
        services.registration_create(actor=user, event=event)

    errors = _run_concurrently(sign_up, [(u,) for u in users])
    assert errors == []
    regs = Registration.objects.filter(event=event)
    assert regs.count() == THREADS  # nobody lost
    assert regs.filter(status=Registration.Status.CONFIRMED).count() == CAPACITY
    assert regs.filter(status=Registration.Status.WAITING).count() == THREADS - CAPACITY
    assert {r.user_id for r in regs} == {u.id for u in users}
    # The first ten to get the lock are confirmed: nobody on the waiting list signed up
    # before a confirmed participant.
    last_confirmed = regs.filter(status="confirmed").order_by("-created_at", "-id").first()
    first_waiting = regs.filter(status="waiting").order_by("created_at", "id").first()
    assert (first_waiting.created_at, first_waiting.id) > (
        last_confirmed.created_at,
        last_confirmed.id,
    )
    print(
        f"[{connection.vendor}] {THREADS} threads, capacity {CAPACITY}: "
        f"{CAPACITY} confirmed, {THREADS - CAPACITY} waiting, 0 errors"
    )


@pytest.mark.django_db(transaction=True)
def test_simultaneous_cancellations_promote_exactly(dk_network):
    """Ten confirmed people cancel at once while ten wait: exactly ten move up, in order."""
    event = EventFactory(network=dk_network, capacity=CAPACITY)
    users = [UserFactory() for _ in range(2 * CAPACITY)]
    regs = [services.registration_create(actor=u, event=event) for u in users]
    confirmed, waiting = regs[:CAPACITY], regs[CAPACITY:]
    assert all(r.status == "confirmed" for r in confirmed)
    assert all(r.status == "waiting" for r in waiting)

    def cancel(registration, user):
        services.registration_cancel(actor=user, registration=registration)

    errors = _run_concurrently(cancel, [(r, r.user) for r in confirmed])
    assert errors == []
    statuses = dict(Registration.objects.filter(event=event).values_list("pk", "status"))
    assert [statuses[r.pk] for r in confirmed] == ["cancelled"] * CAPACITY
    assert [statuses[r.pk] for r in waiting] == ["confirmed"] * CAPACITY


@pytest.mark.django_db(transaction=True)
def test_same_person_twice_at_once_gets_one_registration(dk_network):
    event = EventFactory(network=dk_network, capacity=CAPACITY)
    user = UserFactory()
    errors = _run_concurrently(
        lambda: services.registration_create(actor=user, event=event), [()] * 8
    )
    assert Registration.objects.filter(event=event, user=user).count() == 1
    assert len(errors) == 7
