"""Small predicates about a user's roles in networks. One predicate per object type."""

import rules
from django.db.models import Q
from django.utils import timezone

from .models import Role

# --- the one per-user cache of roles and memberships ---------------------------------------

_CACHE = "_samskab_access"


def user_cached(user, key, compute):
    """``compute()``, remembered on the user object under ``key``: a page that asks a rule
    many times asks the database once. A new request gets a new user object; a service
    that changes roles or memberships calls ``forget_access`` for every user it touched.
    Anonymous visitors are never cached (``compute`` must answer them cheaply itself)."""
    if not user.is_authenticated:
        return compute()
    # getattr/setattr, not ``__dict__``: ``request.user`` is a lazy proxy of the user.
    cache = getattr(user, _CACHE, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE, cache)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def forget_access(*users) -> None:
    """Forget everything ``user_cached`` remembered."""
    for user in users:
        if user is None:
            continue
        if hasattr(user, _CACHE):
            delattr(user, _CACHE)


def _current_roles(user):
    """The user's current roles: (network id, kind, organisation id)."""
    if not user.is_authenticated:
        return []

    def fetch():
        today = timezone.localdate()
        return list(
            Role.objects.filter(person__user=user)
            .filter(Q(until__isnull=True) | Q(until__gte=today))
            .values_list("network_id", "kind", "organisation_id")
        )

    return user_cached(user, "roles", fetch)


def role_network_ids(user, kinds) -> set[int]:
    """The networks where the user has a current role of one of these ``Role.Kind``s."""
    return {n for n, kind, _o in _current_roles(user) if kind in kinds}


def staff_network_ids(user) -> set[int]:
    return role_network_ids(user, {Role.Kind.SECRETARIAT})


def role_organisation_ids(user, kinds) -> set[int]:
    """The organisations where the user has a current role of one of these ``Role.Kind``s."""
    return {o for _n, kind, o in _current_roles(user) if kind in kinds and o}


def editable_organisation_ids(user) -> set[int]:
    return role_organisation_ids(user, {Role.Kind.ORG_EDITOR})


@rules.predicate
def is_superuser(user):
    return user.is_authenticated and user.is_superuser


@rules.predicate
def is_any_network_staff(user):
    return bool(staff_network_ids(user))


@rules.predicate
def is_network_staff(user, network):
    """Secretariat staff of this network."""
    return network is not None and network.id in staff_network_ids(user)


@rules.predicate
def is_staff_of_organisation_network(user, organisation):
    """Secretariat staff of a network the organisation is a member of."""
    if organisation is None:
        return False
    ids = staff_network_ids(user)
    if not ids:
        return False
    return organisation.memberships.filter(network_id__in=ids).exists()


@rules.predicate
def is_org_editor(user, organisation):
    return organisation is not None and organisation.id in editable_organisation_ids(user)


@rules.predicate
def is_contact_of_organisation(user, organisation):
    if organisation is None:
        return False
    kinds = {Role.Kind.ADMIN_CONTACT, Role.Kind.POLITICAL_CONTACT}
    return any(o == organisation.id and k in kinds for _n, k, o in _current_roles(user))


@rules.predicate
def is_person_self(user, person):
    return person is not None and user.is_authenticated and person.user_id == user.id


@rules.predicate
def is_staff_of_person_network(user, person):
    """Secretariat staff of a network where the person has a role or whose member
    organisation the person works for."""
    if person is None:
        return False
    ids = staff_network_ids(user)
    if not ids:
        return False
    if person.roles.filter(network_id__in=ids).exists():
        return True
    return (
        bool(person.organisation_id)
        and person.organisation.memberships.filter(network_id__in=ids).exists()
    )


@rules.predicate
def is_org_editor_of_person(user, person):
    return person is not None and person.organisation_id in editable_organisation_ids(user)
