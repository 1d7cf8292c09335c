"""The shape of a form definition, checked with a JSON schema.

A definition is ``{"sections": [...]}``; each section has a stable ``id``, a ``title``, a
``help`` text and ``questions``; each question has a stable ``id`` (never reused, so an
answer keeps pointing at its question through every version), a ``kind`` and the settings
of that kind. Answers are ``{question_id: value}``.
"""

import jsonschema
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

KINDS = (
    "short_text",
    "long_text",
    "single_choice",
    "multiple_choice",
    "yes_no",
    "number",
    "date",
    "people",
    "file",
)
MAX_FILE_MB = 20

_ID = {"type": "string", "pattern": "^[a-z0-9_-]{1,40}$"}
_TEXT = {"type": "string", "maxLength": 2000}

SCHEMA = {
    "type": "object",
    "required": ["sections"],
    "additionalProperties": False,
    "properties": {
        "sections": {
            "type": "array",
            "maxItems": 50,
            "items": {
                "type": "object",
                "required": ["id", "title", "questions"],
                "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "title": {"type": "string", "maxLength": 300},
                    "help": _TEXT,
                    "questions": {
                        "type": "array",
                        "maxItems": 100,
                        "items": {"$ref": "#/$defs/question"},
                    },
                },
            },
        }
    },
    "$defs": {
        "question": {
            "type": "object",
            "required": ["id", "kind", "label"],
            "additionalProperties": False,
            "properties": {
                "id": _ID,
                "kind": {"enum": list(KINDS)},
                "label": {"type": "string", "minLength": 1, "maxLength": 500},
                "help": _TEXT,
                "required": {"type": "boolean"},
                "suggested_words": {"type": "integer", "minimum": 1, "maximum": 20000},
                "suggested_length": {"type": "string", "maxLength": 100},
                "choices": {
                    "type": "array",
                    "maxItems": 100,
                    "items": {
                        "type": "object",
                        "required": ["id", "label"],
                        "additionalProperties": False,
                        "properties": {"id": _ID, "label": {"type": "string", "maxLength": 300}},
                    },
                },
                "min": {"type": "number"},
                "max": {"type": "number"},
                "roles": {
                    "type": "array",
                    "maxItems": 20,
                    "items": {
                        "type": "object",
                        "required": ["id", "label", "min", "max"],
                        "additionalProperties": False,
                        "properties": {
                            "id": _ID,
                            "label": {"type": "string", "maxLength": 200},
                            "min": {"type": "integer", "minimum": 0, "maximum": 50},
                            "max": {"type": "integer", "minimum": 1, "maximum": 50},
                        },
                    },
                },
                "max_total": {"type": "integer", "minimum": 1, "maximum": 200},
                "email": {"type": "boolean"},
                "max_mb": {"type": "integer", "minimum": 1, "maximum": 20},
            },
        }
    },
}

EMPTY = {"sections": []}


def validate_definition(definition) -> None:
    """Raise ``ValidationError`` unless the definition has the shape above and its ids are
    unique."""
    try:
        jsonschema.validate(definition, SCHEMA)
    except jsonschema.ValidationError as exc:
        raise ValidationError(
            _("The form definition is not valid: %(error)s") % {"error": exc.message}
        ) from None
    ids = [s["id"] for s in definition["sections"]]
    ids += [q["id"] for s in definition["sections"] for q in s["questions"]]
    if len(ids) != len(set(ids)):
        raise ValidationError(_("Two parts of the form have the same id."))
    for question in questions(definition):
        if question["kind"] in ("single_choice", "multiple_choice") and not question.get("choices"):
            raise ValidationError(_("A choice question needs at least one choice."))
        if question["kind"] == "people" and not question.get("roles"):
            raise ValidationError(_("A people list needs at least one role."))
        for role in question.get("roles", []):
            if role["min"] > role["max"]:
                raise ValidationError(_("A role's minimum cannot be above its maximum."))


def questions(definition):
    for section in definition.get("sections", []):
        yield from section.get("questions", [])


def question_map(definition) -> dict:
    return {q["id"]: q for q in questions(definition)}
