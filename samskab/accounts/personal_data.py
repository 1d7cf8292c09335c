"""A registry through which every app declares the personal data it holds.

Each app registers a section: an ``export(user, person)`` that returns JSON-ready data and
an ``erase(user, person)`` that deletes or anonymises it. The account page, the JSON export
and erasure all walk this registry, so a new app cannot forget a person's data silently:
``tests/accounts/test_personal_data.py`` checks every model with a link to a user or a
person is covered by a registered section.

Sections find a person's records only through links the platform made (the user, the
person, foreign keys from them) or through the addresses the user has *verified*
(``verified_emails``). The person's contact e-mail is something anyone can type, so it
never identifies whose data a record is: a section must not match on it.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable
    erase: Callable
    models: tuple[str, ...] = ()  # "app_label.Model" names this section covers


_sections: dict[str, Section] = {}


def register(name: str, *, export: Callable, erase: Callable, models: tuple[str, ...] = ()):
    _sections[name] = Section(name=name, export=export, erase=erase, models=models)


def sections() -> list[Section]:
    return list(_sections.values())


def verified_emails(user) -> set[str]:
    """The e-mail addresses this user has proved to be theirs (allauth's verified
    ``EmailAddress`` rows), lower-cased. Records that name a person only by an address (a
    guest registration, a case's contact) are found by these and by nothing else."""
    if user is None or user.pk is None:
        return set()
    from allauth.account.models import EmailAddress

    return {
        email.lower()
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }


def email_query(field: str, emails: set[str]):
    """A ``Q`` matching ``field`` case-insensitively against any of ``emails`` (none: nothing)."""
    from django.db.models import Q

    query = Q(pk__in=[])
    for email in sorted(emails):
        query |= Q(**{f"{field}__iexact": email})
    return query
