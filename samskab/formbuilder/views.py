"""The form builder's pages: the form with its sections and questions, a section's and a
question's form, move and remove, and a preview as applicants see it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from . import services
from .answers import AnswerForm
from .forms import KIND_LABELS, QuestionForm, SectionForm
from .registry import answer_count, owner_of
from .selectors import form_in_network

ONLY_STAFF = gettext_lazy("Only the secretariat builds forms.")


def form_of_network(request, pk):
    network = getattr(request, "network", None)
    if network is None:
        raise Http404
    return form_in_network(network=network, pk=pk)


def _section(definition, section_id):
    for section in definition["sections"]:
        if section["id"] == section_id:
            return section
    raise Http404


def _question(definition, question_id):
    for section in definition["sections"]:
        for question in section["questions"]:
            if question["id"] == question_id:
                return section, question
    raise Http404


@guard("formbuilder.change_form", get=form_of_network, message=ONLY_STAFF)
def form_edit(request, form):
    version = form.current()
    return render(
        request,
        "formbuilder/form_edit.html",
        {
            "form_obj": form,
            "version": version,
            "answers": answer_count(form),
            "kinds": KIND_LABELS,
            "owner": owner_of(form),
        },
    )


@guard("formbuilder.change_form", get=form_of_network, message=ONLY_STAFF)
def section_edit(request, form, section_id=None):
    section = _section(form.current().definition, section_id) if section_id else None
    bound = SectionForm(request.POST or None, initial=section)
    if request.method == "POST" and bound.is_valid():
        try:
            services.section_save(
                actor=request.user, form=form, section_id=section_id, **bound.cleaned_data
            )
        except ValidationError as exc:
            add_errors(bound, exc)
        else:
            messages.success(request, _("The section has been saved."))
            return redirect("formbuilder:edit", pk=form.pk)
    return render(
        request,
        "formbuilder/section_form.html",
        {"form_obj": form, "form": bound, "section": section, "answers": answer_count(form)},
    )


@guard("formbuilder.change_form", get=form_of_network, message=ONLY_STAFF)
def question_edit(request, form, section_id, question_id=None):
    definition = form.current().definition
    section = _section(definition, section_id)
    question = None
    if question_id:
        found_section, question = _question(definition, question_id)
        if found_section is not section:
            raise Http404
    bound = QuestionForm(request.POST or None, question=question)
    if request.method == "POST" and bound.is_valid():
        try:
            services.question_save(
                actor=request.user,
                form=form,
                section_id=section_id,
                question_id=question_id,
                kind=bound.cleaned_data["kind"],
                label=bound.cleaned_data["label"],
                **bound.settings(),
            )
        except ValidationError as exc:
            add_errors(bound, exc)
        else:
            messages.success(request, _("The question has been saved."))
            return redirect("formbuilder:edit", pk=form.pk)
    return render(
        request,
        "formbuilder/question_form.html",
        {
            "form_obj": form,
            "form": bound,
            "section": section,
            "question": question,
            "answers": answer_count(form),
        },
    )


ACTIONS = {"up": -1, "down": 1}


@require_POST
@guard("formbuilder.change_form", get=form_of_network, message=ONLY_STAFF)
def item_action(request, form, item_id, action):
    try:
        if action in ACTIONS:
            services.item_move(
                actor=request.user, form=form, item_id=item_id, offset=ACTIONS[action]
            )
        elif action == "remove":
            services.item_remove(actor=request.user, form=form, item_id=item_id)
            messages.success(request, _("Removed. Answers already given to it are kept."))
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("formbuilder:edit", pk=form.pk)


@guard("formbuilder.view_form", get=form_of_network, message=ONLY_STAFF)
def form_preview(request, form):
    version = form.current()
    return render(
        request,
        "formbuilder/preview.html",
        {
            "form_obj": form,
            "version": version,
            "parts": list(AnswerForm(version.definition).sections()),
            "owner": owner_of(form),
        },
    )
