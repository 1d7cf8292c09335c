"""The secretariat's review: the list of a call's applications with filters and the
statistics, a decision per application (up to the seats), the XLSX export."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.exports import xlsx_response
from samskab.core.forms import add_errors
from samskab.core.guards import guard
from samskab.formbuilder.answers import answer_text, display
from samskab.formbuilder.schema import questions

from .. import selectors, services
from ..forms import DecisionForm, ReviewFilterForm
from ..models import Application
from .applications import application_page, review_form_for
from .getters import application_of_network, call_of_network

ONLY_STAFF = gettext_lazy("Only the network's secretariat reviews applications.")


def _filters(request, call):
    """The review list's filters (status, region), also for the printable bundle."""
    filters = ReviewFilterForm(request.GET or None, regions=selectors.regions_of(call))
    status, region = "", None
    if filters.is_valid():
        status = filters.cleaned_data["status"]
        region = filters.cleaned_data["region"].pk if filters.cleaned_data["region"] else None
    return filters, status, region


@guard("programmes.review_call", get=call_of_network, message=ONLY_STAFF)
def review_list(request, call):
    filters, status, region = _filters(request, call)
    return render(
        request,
        "programmes/review_list.html",
        {
            "call": call,
            "edition": call.edition,
            "filters": filters,
            "query": urlencode({k: v for k, v in (("status", status), ("region", region)) if v}),
            "applications": selectors.applications_for_review(
                call=call, status=status, region=region
            ),
            "stats": selectors.call_statistics(call),
        },
    )


def _letter(call, outcome):
    return getattr(call, f"letter_{outcome}", "")


@guard("programmes.decide_application", get=application_of_network, message=ONLY_STAFF)
def application_decide(request, application):
    call = application.call
    initial_outcome = (
        application.status if application.status in Application.DECISIONS else "accepted"
    )
    form = DecisionForm(
        request.POST or None,
        initial={"outcome": initial_outcome, "letter": _letter(call, initial_outcome)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_set(
                actor=request.user,
                application=application,
                outcome=form.cleaned_data["outcome"],
                letter=form.cleaned_data["letter"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The decision has been saved."))
            return redirect(
                "programmes:review", slug=call.edition.programme.slug, year=call.edition.year
            )
    return render(
        request,
        "programmes/decision_form.html",
        {
            "application": application,
            "call": call,
            "edition": call.edition,
            "form": form,
            "letters": {k: _letter(call, k) for k in ("accepted", "waiting", "rejected")},
            "stats": selectors.call_statistics(call),
        },
    )


@require_POST
@guard("programmes.review_application", get=application_of_network, message=ONLY_STAFF)
def application_review(request, application):
    """Save the reviewer's scores; a score off a criterion's scale (or any other error) shows
    the application again with the errors, answered 400, and nothing saved."""
    _info, form = review_form_for(application, request.user, request.POST)
    if form.is_valid():
        try:
            services.review_save(
                actor=request.user,
                application=application,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Your review has been saved."))
            following = selectors.neighbours(application)[1]
            if following and request.POST.get("then") == "next":
                return redirect("programmes:application", pk=following)
            return redirect(application)
    return application_page(request, application, review_form=form, status=400)


@guard("programmes.review_call", get=call_of_network, message=ONLY_STAFF)
def review_print(request, call):
    """All submitted applications of the call (or those the review list's filters choose)
    as one printable document: one application a page, each with the answers to the form
    version it was answered on."""
    _filters_form, status, region = _filters(request, call)
    applications = [
        {"application": a, "rows": display(a.form_version.definition, a.answers or {})}
        for a in selectors.applications_for_review(
            call=call, status=status, region=region
        ).select_related("form_version")
    ]
    return render(
        request,
        "programmes/review_print.html",
        {"call": call, "edition": call.edition, "applications": applications},
    )


@guard("programmes.review_call", get=call_of_network, message=ONLY_STAFF)
def review_export(request, call):
    """One row per application, one column per question of the current form; people lists
    flattened into one column per role."""
    definition = call.form.current().definition
    columns = []
    for question in questions(definition):
        if question["kind"] == "people":
            for role in question["roles"]:
                columns.append((question, role))
        else:
            columns.append((question, None))
    header = [_("Organisation"), _("Region"), _("Status"), _("Submitted")]
    header += [q["label"] if r is None else f"{q['label']}: {r['label']}" for q, r in columns]
    rows = [header]
    for application in selectors.applications_for_review(call=call):
        answers = application.answers or {}
        row = [
            application.organisation.name,
            application.organisation.region.name if application.organisation.region else "",
            str(application.get_status_display()),
            timezone.localtime(application.submitted_at).strftime("%Y-%m-%d %H:%M")
            if application.submitted_at
            else "",
        ]
        for question, role in columns:
            value = answers.get(question["id"])
            if role is None:
                row.append(answer_text(question, value))
            else:
                people = [p for p in value or [] if p.get("role") == role["id"]]
                row.append(
                    "; ".join(f"{p['name']}, {p.get('title', '')}".strip(", ") for p in people)
                )
        rows.append(row)
    edition = call.edition
    return xlsx_response(
        rows,
        filename=f"{edition.programme.slug}-{edition.year}-applications.xlsx",
        sheet_title=str(edition.year),
    )
