"""Reads about people and accounts."""

from django.utils import timezone

from . import personal_data
from .models import Person


def person_of_user(user) -> Person | None:
    """The person behind a log-in, or None (none yet, or not logged in)."""
    if user is None or not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def person_roles(person: Person):
    """The person's roles with their networks and organisations (none for a person not
    saved yet)."""
    if person is None or person.pk is None:
        return []
    return person.roles.select_related("network", "organisation").order_by("network__name")


def person_by_pk(pk: int) -> Person | None:
    """A person who is not erased."""
    return (
        Person.objects.select_related("organisation").filter(pk=pk, erased_at__isnull=True).first()
    )


def organisation_people(organisation):
    return organisation.people.filter(erased_at__isnull=True).order_by("name")


def organisation_join_requests(organisation):
    """Requests to join ``organisation`` by people with a log-in, the oldest first."""
    return (
        organisation.join_requests.filter(erased_at__isnull=True, user__isnull=False)
        .select_related("user")
        .order_by("requested_at", "pk")
    )


def join_request_of(organisation, pk: int) -> Person | None:
    return Person.objects.filter(
        pk=pk, requested_organisation=organisation, erased_at__isnull=True
    ).first()


def personal_data_export(*, user) -> dict:
    """Everything the platform holds about this user, as JSON-ready data."""
    person = Person.objects.filter(user=user).first()
    data = {"exported_at": timezone.now().isoformat()}
    for section in personal_data.sections():
        data[section.name] = section.export(user, person)
    return data
