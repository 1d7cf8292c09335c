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


# --- My page: the dashboard ------------------------------------------------------------------
# The feature apps sit above this one in the layers; each registers the sections it owns
# (``register_dashboard_section`` in its ``AppConfig.ready``), so the My page composes them
# without importing them. A section is ``source(user, network) -> dict | None``: a dict with
# at least ``template`` (rendered with the dict as ``section``), or None to leave it out.
_dashboard_sections: list[tuple[int, object]] = []


def register_dashboard_section(source, *, order: int) -> None:
    if all(existing is not source for _order, existing in _dashboard_sections):
        _dashboard_sections.append((order, source))
        _dashboard_sections.sort(key=lambda item: item[0])


def dashboard_sections(*, user, network) -> list[dict]:
    """The sections of the user's My page in the current network, in their order."""
    sections = []
    for _order, source in _dashboard_sections:
        section = source(user, network)
        if section is not None:
            sections.append(section)
    return sections
