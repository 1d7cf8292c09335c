"""Every model that points at a user or a person must be covered by a personal-data
section, so that export and erasure cannot forget it."""

from django.apps import apps
from django.contrib.auth import get_user_model

from samskab.accounts import personal_data
from samskab.accounts.models import Person

# Framework tables whose rows die with the user (on_delete=CASCADE) and hold nothing a
# person entered about themselves.
FRAMEWORK = {"admin.LogEntry", "auth.Permission", "usersessions.UserSession"}


def test_every_model_linked_to_a_person_has_a_personal_data_section():
    covered = {name for section in personal_data.sections() for name in section.models}
    targets = {get_user_model(), Person}
    uncovered = []
    for model in apps.get_models():
        label = f"{model._meta.app_label}.{model.__name__}"
        if label in FRAMEWORK or label in covered:
            continue
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) in targets and field.concrete:
                uncovered.append(f"{label}.{field.name}")
    assert not uncovered, (
        "These fields link to a user or a person but no personal-data section covers their "
        "model (register one with samskab.accounts.personal_data.register):\n"
        + "\n".join(uncovered)
    )
