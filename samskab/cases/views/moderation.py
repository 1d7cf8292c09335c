"""What the network's secretariat uses: the queue, publishing, sending back, revisions."""

import difflib
import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from samskab.core.guards import guard

from .. import selectors, services
from ..forms import SendBackForm
from ._get import network_case

NOT_YOURS = gettext_lazy("You may not do this with this case.")


@guard(
    "cases.view_queue",
    signed_in=True,
    message=gettext_lazy("Only the network's secretariat sees the moderation queue."),
)
def queue(request, network):
    return render(
        request,
        "cases/queue.html",
        {
            "cases": selectors.moderation_queue(network=network),
            "reported": selectors.reported_comments(network=network),
            "send_back_form": SendBackForm(),
        },
    )


@guard("cases.moderate_case", signed_in=True, get=network_case, message=NOT_YOURS)
@require_http_methods(["GET", "POST"])
def case_publish(request, case):
    """GET asks once (what happens, who is told); POST publishes."""
    if request.method == "GET":
        return render(request, "cases/publish_confirm.html", {"case": case})
    try:
        services.case_publish(actor=request.user, case=case)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("cases:detail", slug=case.slug)
    messages.success(request, _("The case has been published and the author told."))
    return redirect("cases:queue")


@guard("cases.moderate_case", signed_in=True, get=network_case, message=NOT_YOURS)
def case_send_back(request, case):
    form = SendBackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.case_send_back(actor=request.user, case=case, comment=form.cleaned_data["comment"])
        messages.success(request, _("The case has been sent back and the author told."))
        return redirect("cases:queue")
    return render(request, "cases/send_back.html", {"case": case, "form": form})


@guard("cases.moderate_case", signed_in=True, get=network_case, message=NOT_YOURS)
def revisions(request, case):
    return render(
        request,
        "cases/revisions.html",
        {"case": case, "revisions": case.revisions.select_related("author")},
    )


ACTION_LABELS = {
    "created": gettext_lazy("created"),
    "edited": gettext_lazy("edited"),
    "submitted": gettext_lazy("submitted"),
    "published": gettext_lazy("published"),
    "sent_back": gettext_lazy("sent back"),
    "restored": gettext_lazy("restored"),
    "imported": gettext_lazy("imported"),
    "material_added": gettext_lazy("file added"),
    "material_removed": gettext_lazy("file removed"),
}


def _diff(old: dict, new: dict) -> list[dict]:
    changes = []
    for key in new:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if isinstance(before, str) and isinstance(after, str):
            lines = list(difflib.ndiff(before.splitlines(), after.splitlines()))
            rows = [(line[0], line[2:]) for line in lines if line[:1] in "+- "]
        else:
            rows = [
                ("-", json.dumps(before, ensure_ascii=False, indent=1)),
                ("+", json.dumps(after, ensure_ascii=False, indent=1)),
            ]
        changes.append({"field": key, "rows": rows})
    return changes


def _revision_or_404(case, pk):
    revision = selectors.revision_of(case=case, pk=pk)
    if revision is None:
        raise Http404
    return revision


@guard("cases.moderate_case", signed_in=True, get=network_case, message=NOT_YOURS)
def revision_detail(request, case, pk):
    revision = _revision_or_404(case, pk)
    previous = selectors.revision_before(revision=revision)
    return render(
        request,
        "cases/revision.html",
        {
            "case": case,
            "revision": revision,
            "previous": previous,
            "changes": _diff(previous.data if previous else {}, revision.data),
        },
    )


@guard("cases.moderate_case", signed_in=True, get=network_case, message=NOT_YOURS)
@require_POST
def revision_restore(request, case, pk):
    revision = _revision_or_404(case, pk)
    try:
        services.case_restore(actor=request.user, case=case, revision=revision)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The earlier version has been restored."))
    return redirect("cases:revisions", slug=case.slug)
