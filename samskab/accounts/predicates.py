"""Predicates about people. The ones about a user's roles live in ``networks.predicates``."""

import rules


@rules.predicate
def has_own_account(user, person):
    """The person has a log-in of their own: their details and their consent are theirs."""
    return person is not None and person.user_id is not None


@rules.predicate
def is_account_owner(user, account):
    """The log-in is the user's own (the object is a user)."""
    return account is not None and user.is_authenticated and account.pk == user.pk
