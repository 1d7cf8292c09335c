"""Writes for forms. Every change to a form's questions makes a new version (the old ones
stay, with the answers given on them); ids of sections and questions never change."""

import copy
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.core.text import single_line

from .models import Form, FormVersion
from .schema import EMPTY, KINDS, validate_definition

QUESTION_SETTINGS = (
    "help",
    "required",
    "suggested_words",
    "suggested_length",
    "choices",
    "min",
    "max",
    "roles",
    "max_total",
    "email",
    "max_mb",
)


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(4)}"


def _save_version(form: Form, definition: dict) -> FormVersion:
    validate_definition(definition)
    locked = Form.objects.select_for_update().get(pk=form.pk)
    current = locked.current()
    if current is not None and current.definition == definition:
        return current
    number = (current.number + 1) if current else 1
    return FormVersion.objects.create(form=locked, number=number, definition=definition)


def _definition(form: Form) -> dict:
    current = form.current()
    return copy.deepcopy(current.definition if current else EMPTY)


@transaction.atomic
def form_create(*, actor, network, name: str, definition: dict | None = None) -> Form:
    require(actor, "formbuilder.add_form", network, _("Only the secretariat builds forms."))
    form = Form(network=network, name=single_line(name))
    form.full_clean()
    form.save()
    _save_version(form, definition or copy.deepcopy(EMPTY))
    return form


@transaction.atomic
def form_replace(*, actor, form: Form, definition: dict) -> FormVersion:
    """A whole definition at once (a form written elsewhere, e.g. the seed's template) as
    the form's new version; its ids must be unique, as everywhere."""
    require(actor, "formbuilder.change_form", form, _("Only the secretariat builds forms."))
    return _save_version(form, copy.deepcopy(definition))


@transaction.atomic
def form_duplicate(*, actor, form: Form, name: str) -> Form:
    """A new form with the questions of the given form's current version (same ids, so
    answers can be compared across the copies)."""
    require(actor, "formbuilder.change_form", form, _("Only the secretariat builds forms."))
    duplicate = Form.objects.create(network=form.network, name=single_line(name))
    _save_version(duplicate, _definition(form))
    return duplicate


@transaction.atomic
def form_rename(*, actor, form: Form, name: str) -> Form:
    require(actor, "formbuilder.change_form", form, _("Only the secretariat builds forms."))
    form.name = single_line(name)
    form.full_clean()
    form.save(update_fields=["name"])
    return form


@transaction.atomic
def section_save(
    *, actor, form: Form, section_id: str | None = None, title: str, help: str = ""
) -> FormVersion:
    require(actor, "formbuilder.change_form", form, _("Only the secretariat builds forms."))
    definition = _definition(form)
    title = single_line(title)
    if not title:
        raise ValidationError({"title": _("A section needs a heading.")})
    if section_id is None:
        definition["sections"].append(
            {"id": new_id("s"), "title": title, "help": help, "questions": []}
        )
    else:
        section = _find_section(definition, section_id)
        section["title"], section["help"] = title, help
    return _save_version(form, definition)


@transaction.atomic
def question_save(
    *,
    actor,
    form: Form,
    section_id: str,
    question_id: str | None = None,
    kind: str,
    label: str,
    **settings,
) -> FormVersion:
    """Add a question to a section, or change one. A changed question keeps its id; its
    kind may change (the answers given before keep showing as they were given)."""
    require(actor, "formbuilder.change_form", form, _("Only the secretariat builds forms."))
    if kind not in KINDS:
        raise ValidationError({"kind": _("Choose a kind of question.")})
    label = single_line(label)
    if not label:
        raise ValidationError({"label": _("A question needs a text.")})
    definition = _definition(form)
    question = {"id": question_id or new_id("q"), "kind": kind, "label": label}
    for key in QUESTION_SETTINGS:
        value = settings.get(key)
        if value not in (None, "", []):
            question[key] = value
    if question_id is None:
        _find_section(definition, section_id)["questions"].append(question)
    else:
        for section in definition["sections"]:
            for i, existing in enumerate(section["questions"]):
                if existing["id"] == question_id:
                    section["questions"][i] = question
                    break
        if all(q["id"] != question_id for s in definition["sections"] for q in s["questions"]):
            raise ValidationError(_("That question is no longer on the form."))
    return _save_version(form, definition)


@transaction.atomic
def item_move(*, actor, form: Form, item_id: str, offset: int) -> FormVersion:
    """Move a section or a question up (-1) or down (+1) within its list."""
    require(actor, "formbuilder.change_form", form, _("Only the secretariat builds forms."))
    definition = _definition(form)
    for items in [definition["sections"]] + [s["questions"] for s in definition["sections"]]:
        for i, item in enumerate(items):
            if item["id"] == item_id:
                j = i + offset
                if 0 <= j < len(items):
                    items[i], items[j] = items[j], items[i]
                return _save_version(form, definition)
    raise ValidationError(_("That part is no longer on the form."))


@transaction.atomic
def item_remove(*, actor, form: Form, item_id: str) -> FormVersion:
    """Remove a section (with its questions) or a question from the current version; the
    versions answers were given on keep it."""
    require(actor, "formbuilder.change_form", form, _("Only the secretariat builds forms."))
    definition = _definition(form)
    before = len(definition["sections"])
    definition["sections"] = [s for s in definition["sections"] if s["id"] != item_id]
    found = len(definition["sections"]) != before
    for section in definition["sections"]:
        kept = [q for q in section["questions"] if q["id"] != item_id]
        found = found or len(kept) != len(section["questions"])
        section["questions"] = kept
    if not found:
        raise ValidationError(_("That part is no longer on the form."))
    return _save_version(form, definition)


def _find_section(definition: dict, section_id: str) -> dict:
    for section in definition["sections"]:
        if section["id"] == section_id:
            return section
    raise ValidationError(_("That section is no longer on the form."))
