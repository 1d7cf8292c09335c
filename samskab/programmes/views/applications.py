"""The applicant's pages: start the organisation's application, fill it in (save as a
draft, submit), read it (and print it), withdraw it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.guards import guard
from samskab.formbuilder.answers import AnswerForm, display, missing
from samskab.formbuilder.schema import question_map

from .. import selectors, services
from ..forms import ReviewForm, StartForm
from .getters import application_of_network, call_of_network

NOT_YOURS = gettext_lazy("Only the applying organisation and the secretariat see an application.")
CLOSED = gettext_lazy("The call is closed: the application can no longer be changed.")


@require_POST
@guard(
    "programmes.apply",
    get=call_of_network,
    message=gettext_lazy("You may not apply to this call (see the call's page for why)."),
)
def application_start(request, call):
    status = selectors.apply_status(request.user, call)
    form = StartForm(request.POST, organisations=status["organisations"])
    if not form.is_valid():
        messages.error(request, _("Choose the organisation you apply for."))
        return redirect(call.edition)
    try:
        application = services.application_start(
            actor=request.user, call=call, organisation=form.cleaned_data["organisation"]
        )
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect(call.edition)
    return redirect("programmes:application_edit", pk=application.pk)


def _summary(definition, problems):
    labels = question_map(definition)
    return [
        {"id": qid, "label": labels.get(qid, {}).get("label", qid), "message": message}
        for qid, message in problems.items()
    ]


@guard("programmes.change_application", get=application_of_network, message=CLOSED)
def application_edit(request, application):
    version = application.call.form.current()
    definition = version.definition
    problems = {}
    if request.method == "POST":
        answer_form = AnswerForm(
            definition, data=request.POST, files=request.FILES, answers=application.answers
        )
        saved = False
        if answer_form.is_valid():
            try:
                application = services.application_save(
                    actor=request.user,
                    application=application,
                    answers=answer_form.answers(),
                    uploads=answer_form.uploads(),
                )
                saved = True
            except ValidationError as exc:
                problems = {k: " ".join(v) for k, v in exc.message_dict.items()}
        if saved:
            if request.POST.get("action") == "submit":
                try:
                    services.application_submit(actor=request.user, application=application)
                except ValidationError as exc:
                    problems = {k: " ".join(v) for k, v in exc.message_dict.items()}
                else:
                    messages.success(
                        request,
                        _(
                            "Your application has been submitted. A receipt with your answers "
                            "is on its way by e-mail."
                        ),
                    )
                    return redirect(application)
            else:
                messages.success(request, _("Your draft has been saved."))
                return redirect("programmes:application_edit", pk=application.pk)
            answer_form = AnswerForm(definition, answers=application.answers)
        elif not problems:
            problems = {qid: " ".join(errors) for qid, errors in answer_form.form.errors.items()}
            for qid, roles in answer_form.people.items():
                for _role, formset in roles:
                    if not formset.is_valid():
                        problems.setdefault(qid, _("Check the names, titles and e-mail addresses."))
    else:
        answer_form = AnswerForm(definition, answers=application.answers)
    still_missing = missing(definition, application.answers or {})
    return render(
        request,
        "programmes/application_form.html",
        {
            "application": application,
            "call": application.call,
            "edition": application.call.edition,
            "parts": list(answer_form.sections(problems)),
            "summary": _summary(definition, problems),
            "still_missing": _summary(definition, still_missing) if not problems else [],
        },
    )


def with_file_links(application):
    """The answers for reading, with a download link for each uploaded file."""
    rows = display(application.form_version.definition, application.answers or {})
    for part in rows:
        for row in part["rows"]:
            value = (application.answers or {}).get(row["question"]["id"])
            if row["question"]["kind"] == "file" and isinstance(value, dict) and "file" in value:
                row["url"] = reverse(
                    "programmes:application_file", args=[application.pk, value["file"]]
                )
    return rows


def review_form_for(application, user, data=None):
    info = selectors.reviews_for_page(application, user)
    initial = {}
    if info["own"] is not None:
        initial = {f"c{c.pk}": str(v) for c, v in info["own"].score_list if v is not None}
        initial["comment"] = info["own"].comment
    return info, ReviewForm(data, initial=initial, criteria=info["criteria"])


def application_page(request, application, *, review_form=None, status=200):
    """The application on one page; with the review (internal) for those who review it."""
    review = {}
    if request.user.has_perm("programmes.review_application", application):
        info, form = review_form_for(application, request.user)
        previous, following = selectors.neighbours(application)
        review = {
            "review": info,
            "review_form": review_form or form,
            "previous": previous,
            "next": following,
        }
    return render(
        request,
        "programmes/application_detail.html",
        {
            **review,
            "application": application,
            "call": application.call,
            "edition": application.call.edition,
            "rows": with_file_links(application),
            "log": application.log.select_related("actor").order_by("at", "id"),
        },
        status=status,
    )


@guard("programmes.view_application", get=application_of_network, message=NOT_YOURS, hidden=True)
def application_detail(request, application):
    return application_page(request, application)


@guard("programmes.view_application", get=application_of_network, message=NOT_YOURS, hidden=True)
def application_file(request, application, fid):
    """A file of the application, to those who may see the application."""
    record = selectors.application_file(application=application, pk=fid)
    return FileResponse(
        record.file.open("rb"),
        content_type=record.content_type,
        as_attachment=True,
        filename=record.filename,
    )


@require_POST
@guard(
    "programmes.withdraw_application",
    get=application_of_network,
    message=gettext_lazy("This application can no longer be withdrawn."),
)
def application_withdraw(request, application):
    services.application_withdraw(actor=request.user, application=application)
    messages.success(request, _("The application has been withdrawn."))
    return redirect(application)
