"""The audit trail of changes others make to people: which networks see them."""

from samskab.audit import services as audit
from samskab.networks.models import Network

from ..models import Person

PERSON_FIELDS = ("name", "title", "phone", "email", "public_consent", "organisation")


def networks_of_organisation(organisation):
    if organisation is None:
        return Network.objects.none()
    return Network.objects.filter(memberships__organisation=organisation).distinct()


def networks_of_person(person: Person):
    """The networks where the person has a role or whose member organisation they work
    for: the secretariats that see changes to them."""
    ids = set(person.roles.values_list("network_id", flat=True))
    if person.organisation_id:
        ids |= set(networks_of_organisation(person.organisation).values_list("id", flat=True))
    return Network.objects.filter(id__in=ids).order_by("pk")


def record_person(*, actor, person: Person, action: str, before, after, networks, label=None):
    for network in networks:
        audit.record(
            actor=actor,
            network=network,
            action=action,
            obj=person,
            before=before,
            after=after,
            label=person.name if label is None else label,
            subject=person,
        )
