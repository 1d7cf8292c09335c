"""Writes for people and accounts, split by reader: people (details, consent, adding
people), joins (requests to join an organisation) and erasure."""

from ..selectors import personal_data_export  # noqa: F401  a read; kept for old imports
from .erasure import ERASED_NAME, person_erase, user_erase
from .joins import person_join_confirm, person_join_decline, person_join_withdraw
from .people import person_create, person_create_for_user, person_update

__all__ = [
    "ERASED_NAME",
    "person_create",
    "person_create_for_user",
    "person_erase",
    "person_join_confirm",
    "person_join_decline",
    "person_join_withdraw",
    "person_update",
    "user_erase",
]
