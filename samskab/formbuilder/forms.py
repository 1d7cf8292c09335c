"""The builder's own forms: a section, a question. Choices and roles are typed one per
line; existing ones keep their ids when their text stays the same."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samskab.core.params import IntegerField
from samskab.core.text import slugify

from .schema import KINDS

KIND_LABELS = {
    "short_text": _("Short text"),
    "long_text": _("Long text"),
    "single_choice": _("Single choice"),
    "multiple_choice": _("Multiple choice"),
    "yes_no": _("Yes or no"),
    "number": _("Number"),
    "date": _("Date"),
    "people": _("People list with roles"),
    "file": _("File upload"),
}


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Heading"), max_length=300)
    help = forms.CharField(
        label=_("Help text"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _ids(existing: list[dict], labels: list[str], prefix: str) -> list[str]:
    by_label = {item["label"]: item["id"] for item in existing}
    used, ids = set(), []
    for label in labels:
        ident = by_label.get(label) or (slugify(label)[:30] or prefix)
        base, n = ident, 2
        while ident in used:
            ident = f"{base}-{n}"
            n += 1
        used.add(ident)
        ids.append(ident)
    return ids


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of question"), choices=[(k, KIND_LABELS[k]) for k in KINDS]
    )
    label = forms.CharField(label=_("Question"), max_length=500)
    help = forms.CharField(
        label=_("Help text"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    suggested_length = forms.CharField(
        label=_("Suggested length, in words people use"),
        help_text=_("Long text: for example “about half a page”."),
        required=False,
        max_length=100,
    )
    suggested_words = IntegerField(
        label=_("Suggested length in words"),
        help_text=_("Long text: shown with a live word counter."),
        required=False,
        min_value=1,
        max_value=20000,
    )
    choices = forms.CharField(
        label=_("Choices, one per line"),
        help_text=_("Single and multiple choice."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    min = forms.DecimalField(label=_("Lowest number"), required=False)
    max = forms.DecimalField(label=_("Highest number"), required=False)
    roles = forms.CharField(
        label=_("Roles, one per line: name; minimum; maximum"),
        help_text=_("People list: for example “Leader level; 1; 2”."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    max_total = IntegerField(
        label=_("Most people in all"), required=False, min_value=1, max_value=200
    )
    email = forms.BooleanField(
        label=_("Ask for an e-mail address (optional for applicants)"), required=False
    )
    max_mb = IntegerField(
        label=_("Largest file, in MB"),
        help_text=_("File upload: at most 20 MB. The type is checked by the file's content."),
        required=False,
        min_value=1,
        max_value=20,
    )

    def __init__(self, *args, question: dict | None = None, **kwargs):
        self.question = question or {}
        if question and "initial" not in kwargs:
            kwargs["initial"] = {
                **{k: question.get(k) for k in ("kind", "label", "help", "required")},
                **{
                    k: question.get(k)
                    for k in (
                        "suggested_length",
                        "suggested_words",
                        "min",
                        "max",
                        "max_total",
                        "max_mb",
                    )
                },
                "email": question.get("email", False),
                "choices": "\n".join(c["label"] for c in question.get("choices", [])),
                "roles": "\n".join(
                    f"{r['label']}; {r['min']}; {r['max']}" for r in question.get("roles", [])
                ),
            }
        super().__init__(*args, **kwargs)

    def clean_choices(self):
        labels = [
            line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()
        ]
        ids = _ids(self.question.get("choices", []), labels, "c")
        return [{"id": i, "label": label[:300]} for i, label in zip(ids, labels, strict=True)]

    def clean_roles(self):
        rows = []
        for line in self.cleaned_data["roles"].splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in re.split(r"[;|]", line)]
            if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
                raise ValidationError(_("Write each role as: name; minimum; maximum."))
            low, high = int(parts[1]), int(parts[2])
            if high < 1 or low > high or high > 50:
                raise ValidationError(
                    _("A role's maximum must be at least 1 and at least its minimum.")
                )
            rows.append((parts[0][:200], low, high))
        ids = _ids(self.question.get("roles", []), [r[0] for r in rows], "role")
        return [
            {"id": i, "label": label, "min": low, "max": high}
            for i, (label, low, high) in zip(ids, rows, strict=True)
        ]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in ("single_choice", "multiple_choice") and not data.get("choices"):
            self.add_error("choices", _("Give at least one choice."))
        if kind == "people" and not data.get("roles"):
            self.add_error("roles", _("Give at least one role."))
        return data

    def settings(self) -> dict:
        """The cleaned settings that apply to the chosen kind."""
        data, kind = self.cleaned_data, self.cleaned_data["kind"]
        out = {"help": data["help"], "required": data["required"]}
        if kind == "long_text":
            out["suggested_length"] = data["suggested_length"]
            out["suggested_words"] = data["suggested_words"]
        if kind in ("single_choice", "multiple_choice"):
            out["choices"] = data["choices"]
        if kind == "number":
            out["min"] = float(data["min"]) if data["min"] is not None else None
            out["max"] = float(data["max"]) if data["max"] is not None else None
        if kind == "file":
            out["max_mb"] = data["max_mb"]
        if kind == "people":
            out["roles"] = data["roles"]
            out["max_total"] = data["max_total"]
            out["email"] = data["email"]
        return out
