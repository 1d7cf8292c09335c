"""Every check constraint of the project's models says, in the reader's language, what is
wrong: a model form's ``validate_constraints`` shows ``violation_error_message`` as a form
error, and Django's default ("Constraint “x” is violated.") names an identifier instead."""

from django.apps import apps
from django.db import models
from django.utils import translation


def project_check_constraints():
    for model in apps.get_models():
        if not model.__module__.startswith("samskab."):
            continue
        for constraint in model._meta.constraints:
            if isinstance(constraint, models.CheckConstraint):
                yield model, constraint


def test_the_scan_finds_the_known_constraints():
    names = {c.name for _m, c in project_check_constraints()}
    assert {"event_ends_after_start", "call_deadline_after_open", "case_period_end_after_start"} <= names


def test_every_check_constraint_has_its_own_translated_message():
    missing, untranslated = [], []
    for model, constraint in project_check_constraints():
        label = f"{model._meta.label}.{constraint.name}"
        if constraint.violation_error_message == constraint.default_violation_error_message:
            missing.append(label)
            continue
        with translation.override("en"):
            english = str(constraint.violation_error_message)
        for lang in ("da", "nb"):
            with translation.override(lang):
                if str(constraint.violation_error_message) == english:
                    untranslated.append(f"{label} ({lang})")
    assert not missing, f"Check constraints without violation_error_message: {missing}"
    assert not untranslated, f"Constraint messages without a translation: {untranslated}"
