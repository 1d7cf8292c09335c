"""Several of the secretariat accept applications at the same moment, each on their own
database connection: the seats hold exactly (the call's row is locked on PostgreSQL; on
SQLite every write transaction begins IMMEDIATE)."""

import pytest
from django.core.exceptions import ValidationError

from samskab.programmes import services
from samskab.programmes.models import Application
from tests.events.test_concurrency import _run_concurrently
from tests.factories import MembershipFactory

from .conftest import submitted_application

SEATS = 3
THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_simultaneous_acceptances_never_exceed_the_seats(call, staff_user, dk_network):
    call.seats = SEATS
    call.save()
    apps = [
        submitted_application(call, MembershipFactory(network=dk_network).organisation, staff_user)
        for _ in range(THREADS)
    ]
    refused = []

    def accept(application):
        try:
            services.decision_set(actor=staff_user, application=application, outcome="accepted")
        except ValidationError:
            refused.append(application.pk)

    errors = _run_concurrently(accept, [(a,) for a in apps])
    assert errors == []
    accepted = Application.objects.filter(call=call, status=Application.Status.ACCEPTED)
    assert accepted.count() == SEATS
    assert len(refused) == THREADS - SEATS
    assert set(refused).isdisjoint(accepted.values_list("pk", flat=True))
