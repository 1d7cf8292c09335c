"""Checking sign-up answers against an event's questions (no writes)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Event, Question


def clean_answers(event: Event, answers: dict | None) -> dict[int, str]:
    """Check answers ``{question_id: value}`` against the event's questions."""
    answers = answers or {}
    cleaned, errors = {}, []
    for question in event.questions.all():
        value = str(answers.get(question.pk, answers.get(str(question.pk), "")) or "").strip()
        if question.kind == Question.Kind.YES_NO and value not in ("", "yes", "no"):
            errors.append(_("Answer “%(q)s” with yes or no.") % {"q": question.label})
        if question.kind == Question.Kind.CHOICE and value and value not in question.choice_list():
            errors.append(_("Choose one of the options for “%(q)s”.") % {"q": question.label})
        if question.required and not value:
            errors.append(_("Please answer “%(q)s”.") % {"q": question.label})
        cleaned[question.pk] = value[:2000]
    if errors:
        raise ValidationError(errors)
    return cleaned
