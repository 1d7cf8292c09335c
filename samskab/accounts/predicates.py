"""Predicates about people. The ones about a user's roles live in ``networks.predicates``."""

import rules


@rules.predicate
def has_own_account(user, person):
    """The person has a log-in of their own: their details and their consent are theirs."""
    return person is not None and person.user_id is not None
