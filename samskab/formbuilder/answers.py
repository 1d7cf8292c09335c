"""Answers to a form version: parsed from a request by Django forms and formsets, checked
for completeness, and shown again (also for questions a later version removed).

``AnswerForm(definition, data=None, answers=None)`` holds one Django form for the plain
questions and one formset per role of each people list (``min_num``/``max_num`` from the
role). Parsing is lenient about what is missing, so a draft can be saved half done;
``missing(definition, answers)`` lists what a submission still needs.
"""

import datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.core.text import single_line

from .schema import question_map, questions

YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]
SHORT_MAX = 500
LONG_MAX = 20000


class PersonForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200, required=False)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200, required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail (optional)"), required=False)

    def __init__(self, *args, with_email=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_email:
            del self.fields["email"]


def _field(question):
    kind = question["kind"]
    common = {"label": question["label"], "help_text": question.get("help", ""), "required": False}
    if kind == "short_text":
        return forms.CharField(max_length=SHORT_MAX, **common)
    if kind == "long_text":
        attrs = {"rows": 8, "data-counter": ""}
        if question.get("suggested_words"):
            attrs["data-suggested-words"] = question["suggested_words"]
        return forms.CharField(max_length=LONG_MAX, widget=forms.Textarea(attrs=attrs), **common)
    if kind == "single_choice":
        choices = [(c["id"], c["label"]) for c in question["choices"]]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == "multiple_choice":
        choices = [(c["id"], c["label"]) for c in question["choices"]]
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == "yes_no":
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    if kind == "number":
        return forms.DecimalField(
            min_value=question.get("min"), max_value=question.get("max"), **common
        )
    if kind == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if kind == "file":
        return forms.FileField(max_length=180, allow_empty_file=False, **common)
    return None


PersonFormSet = forms.formset_factory(PersonForm, extra=0, can_delete=False, validate_max=True)


class AnswerForm:
    """The form for one version's questions, bound to a POST or filled with answers."""

    def __init__(
        self, definition: dict, data=None, answers: dict | None = None, prefix="a", files=None
    ):
        self.definition = definition
        self.bound = data is not None
        answers = answers or {}
        self.given = answers
        fields, initial = {}, {}
        self.people = {}
        for question in questions(definition):
            qid = question["id"]
            field = _field(question)
            if field is not None:
                fields[qid] = field
                value = answers.get(qid)
                if question["kind"] == "date" and value:
                    value = datetime.date.fromisoformat(value)
                if question["kind"] != "file":
                    initial[qid] = value
                continue
            if question["kind"] == "people":
                given = answers.get(qid) or []
                self.people[qid] = [
                    (role, self._formset(question, role, data, given, prefix))
                    for role in question["roles"]
                ]
        form_class = type("Answers", (forms.Form,), dict(fields))
        self.form = form_class(data=data, files=files, initial=initial, prefix=prefix)

    def _formset(self, question, role, data, given, prefix):
        rows = [
            {k: p.get(k, "") for k in ("name", "title", "email")}
            for p in given
            if p.get("role") == role["id"]
        ]
        formset_class = forms.formset_factory(
            PersonForm,
            extra=max(role["max"] - len(rows), 0),
            max_num=role["max"],
            validate_max=True,
            absolute_max=role["max"],
        )
        return formset_class(
            data=data,
            initial=rows,
            prefix=f"{prefix}-{question['id']}-{role['id']}",
            form_kwargs={"with_email": question.get("email", True)},
        )

    def is_valid(self) -> bool:
        ok = self.form.is_valid()
        for roles in self.people.values():
            for _role, formset in roles:
                ok = formset.is_valid() and ok
        return ok

    def answers(self) -> dict:
        """The answers as JSON-ready data (only after ``is_valid()``)."""
        result = {}
        for qid, value in self.form.cleaned_data.items():
            if value in (None, "", []) or isinstance(self.form.fields[qid], forms.FileField):
                continue
            if isinstance(value, datetime.date):
                value = value.isoformat()
            elif hasattr(value, "as_integer_ratio") and not isinstance(value, int | float):
                value = float(value) if value % 1 else int(value)
            elif isinstance(value, str) and not isinstance(
                self.form.fields[qid].widget, forms.Textarea
            ):
                value = single_line(value)
            result[qid] = value
        for qid, roles in self.people.items():
            people = []
            for role, formset in roles:
                for row in formset.cleaned_data:
                    name = single_line(row.get("name", ""))
                    if not name:
                        continue
                    person = {
                        "role": role["id"],
                        "name": name,
                        "title": single_line(row.get("title", "")),
                    }
                    if row.get("email"):
                        person["email"] = row["email"]
                    people.append(person)
            if people:
                result[qid] = people
        return result

    def uploads(self) -> dict:
        """The files uploaded now, by question id (only after ``is_valid()``); the app that
        owns the answers checks and stores them."""
        return {
            qid: value
            for qid, value in self.form.cleaned_data.items()
            if value and isinstance(self.form.fields[qid], forms.FileField)
        }

    def sections(self, errors: dict | None = None):
        """For the template: each section with its questions, each with its bound field or
        its formsets by role, and what a submission still lacks (``errors``)."""
        errors = errors or {}
        for section in self.definition["sections"]:
            items = []
            for question in section["questions"]:
                qid = question["id"]
                items.append(
                    {
                        "question": question,
                        "field": self.form[qid] if qid in self.form.fields else None,
                        "roles": self.people.get(qid, []),
                        "error": errors.get(qid, ""),
                        "given": self.given.get(qid),
                    }
                )
            yield {"section": section, "items": items}


def missing(definition: dict, answers: dict) -> dict[str, str]:
    """What a submission still lacks: ``{question_id: message}`` in the form's order."""
    problems = {}
    for question in questions(definition):
        qid = question["id"]
        value = answers.get(qid)
        if question["kind"] == "people":
            people = value or []
            for role in question["roles"]:
                count = sum(1 for p in people if p.get("role") == role["id"])
                if count < role["min"]:
                    problems[qid] = _("%(role)s: at least %(min)s.") % {
                        "role": role["label"],
                        "min": role["min"],
                    }
                    break
                if count > role["max"]:
                    problems[qid] = _("%(role)s: at most %(max)s.") % {
                        "role": role["label"],
                        "max": role["max"],
                    }
                    break
            else:
                if question.get("max_total") and len(people) > question["max_total"]:
                    problems[qid] = _("At most %(max)s people in all.") % {
                        "max": question["max_total"]
                    }
                elif question.get("required") and not people:
                    problems[qid] = _("Name at least one person.")
        elif question.get("required") and value in (None, "", []):
            problems[qid] = _("This question must be answered.")
    return problems


def display(definition: dict, answers: dict) -> list[dict]:
    """The answers as readable rows, section by section, for the application page, the
    receipt and the exports; answers to questions this version does not have (from an
    older version) come last, under their stored ids."""
    out = []
    known = question_map(definition)
    for section in definition["sections"]:
        rows = [_row(q, answers.get(q["id"])) for q in section["questions"]]
        out.append({"section": section, "rows": rows})
    extra = [
        {"question": {"id": qid, "label": qid, "kind": "short_text"}, "text": str(value)}
        for qid, value in answers.items()
        if qid not in known
    ]
    if extra:
        out.append(
            {"section": {"id": "", "title": _("Answers to removed questions")}, "rows": extra}
        )
    return out


def _row(question: dict, value) -> dict:
    row = {"question": question, "text": answer_text(question, value)}
    if question["kind"] == "people" and isinstance(value, list):
        roles = {r["id"]: r["label"] for r in question.get("roles", [])}
        row["people"] = [{**p, "role": roles.get(p.get("role"), p.get("role"))} for p in value]
    return row


def answer_text(question: dict, value) -> str:
    if value in (None, "", []):
        return ""
    kind = question["kind"]
    if kind in ("single_choice", "multiple_choice"):
        labels = {c["id"]: c["label"] for c in question.get("choices", [])}
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(v, v) for v in values)
    if kind == "yes_no":
        return str(dict(YES_NO).get(value, value))
    if kind == "file":
        return value.get("name", "") if isinstance(value, dict) else str(value)
    if kind == "people":
        roles = {r["id"]: r["label"] for r in question.get("roles", [])}
        return "; ".join(
            f"{p.get('name', '')}, {p.get('title', '')} ({roles.get(p.get('role'), p.get('role'))})"
            + (f" <{p['email']}>" if p.get("email") else "")
            for p in value
        )
    return str(value)
