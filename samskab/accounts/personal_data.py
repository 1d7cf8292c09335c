"""A registry through which every app declares the personal data it holds.

Each app registers a section: an ``export(user, person)`` that returns JSON-ready data and
an ``erase(user, person)`` that deletes or anonymises it. The account page, the JSON export
and erasure all walk this registry, so a new app cannot forget a person's data silently:
``tests/accounts/test_personal_data.py`` checks every model with a link to a user or a
person is covered by a registered section.
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
