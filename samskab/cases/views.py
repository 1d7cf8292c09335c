import difflib
import json
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samskab.core import exports, params
from samskab.core.pagecache import public_page
from samskab.core.pagination import paginate
from samskab.networks.models import Organisation
from samskab.networks.predicates import editable_organisation_ids, staff_network_ids

from . import listing, selectors, services
from .forms import CaseForm, CommentForm, MaterialForm, ReportForm, SendBackForm
from .models import Case, CaseMaterial, CaseRevision, Comment, Follow, Notification

SCALE_STEPS = list(Case.Scale)


# --- reading ---------------------------------------------------------------------------


@require_GET
@public_page
def case_list(request):
    filters = selectors.CaseFilters.from_query(
        request.GET, on_invalid_number=partial(params.warn_ignored, request)
    )
    page, facets = listing.case_listing(
        network=request.network, filters=filters, page=params.page_number(request)
    )
    context = {
        "page_obj": page,
        "cases": page.object_list,
        "filters": filters,
        "facets": facets,
        "can_add": request.user.is_authenticated
        and request.user.has_perm("cases.add_case", request.network),
        "is_staff": request.user.is_authenticated
        and request.user.has_perm("cases.view_queue", request.network),
    }
    if request.htmx:
        return render(request, "cases/partials/_results.html", context)
    return render(request, "cases/list.html", context)


def _case_or_404(request, slug, perm="cases.view_case"):
    case = get_object_or_404(Case.objects.select_related("network", "organisation"), slug=slug)
    if not request.user.has_perm(perm, case):
        if perm == "cases.view_case":
            raise Http404
        raise PermissionDenied(_("You may not do this with this case."))
    return case


def _readable_here(request, case, can_change: bool) -> bool:
    """A case is read in its own network, or in a sister network when it is shared."""
    network = request.network
    return case.shared or network is None or case.network_id == network.id or can_change


@require_GET
def case_detail(request, slug):
    # Not behind the page cache: every reading is counted.
    case = selectors.case_for_page(slug=slug)
    if case is None or not request.user.has_perm("cases.view_case", case):
        raise Http404
    user = request.user
    can_change = user.has_perm("cases.change_case", case)
    if not _readable_here(request, case, can_change):
        raise Http404
    if case.is_published:
        services.case_record_view(case=case)
    following = False
    if user.is_authenticated:
        following = Follow.objects.filter(user=user, case=case).exists()
    quality = {q.criterion: q for q in case.quality.all()}
    from .models import QualityCriterion

    context = {
        "case": case,
        "sections": [
            (Case._meta.get_field(name).verbose_name, getattr(case, name))
            for name in Case.TEXT_SECTIONS
            if getattr(case, name).strip()
        ],
        "assessments": [
            (_("Is the purpose met?"), case.purpose_met),
            (_("Was it implemented as planned?"), case.implemented_as_planned),
        ],
        "scale": SCALE_STEPS,
        "quality_profile": [(c, quality.get(c.value)) for c in QualityCriterion],
        "has_quality": bool(quality),
        "related": selectors.related_cases(case=case, network=request.network),
        "comments": selectors.comment_threads(case=case),
        "comment_form": CommentForm(),
        "following": following,
        "can_change": can_change,
        "can_moderate": user.has_perm("cases.moderate_case", case),
        "can_comment": user.has_perm("cases.comment_case", case),
        "staff_network_ids": staff_network_ids(user),
    }
    return render(request, "cases/detail.html", context)


@require_GET
def material_download(request, slug, pk, filename):
    case = _case_or_404(request, slug)
    if not _readable_here(request, case, request.user.has_perm("cases.change_case", case)):
        raise Http404
    material = get_object_or_404(CaseMaterial, pk=pk, case=case)
    if material.filename != filename:
        return redirect(material.get_absolute_url())
    response = FileResponse(
        material.file.open("rb"),
        content_type=material.content_type,
        as_attachment=not material.content_type.startswith("image/"),
        filename=material.filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- writing ---------------------------------------------------------------------------


def _organisations_for(user, network):
    if user.has_perm("cases.view_queue", network):
        return Organisation.objects.members_of(network).order_by("name")
    members = Organisation.objects.members_of(network).values("pk")
    return (
        Organisation.objects.filter(pk__in=editable_organisation_ids(user))
        .filter(pk__in=members)
        .order_by("name")
    )


def _apply_service_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def case_create(request):
    network = request.network
    if not request.user.has_perm("cases.add_case", network):
        raise PermissionDenied(
            _(
                "Only editors of a member organisation and the secretariat "
                "can add cases. Ask your organisation's administrative "
                "contact to make you an editor."
            )
        )
    organisations = _organisations_for(request.user, network)
    initial = {
        "language": request.LANGUAGE_CODE if request.LANGUAGE_CODE in Case.Language.values else "da"
    }
    if organisations.count() == 1:
        initial["organisation"] = organisations.first()
    form = CaseForm(request.POST or None, organisations=organisations, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(
                actor=request.user,
                network=network,
                organisation=form.cleaned_data["organisation"],
                data=form.service_data(),
            )
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "The draft has been saved. Add files, preview it and "
                    "submit it when it is ready."
                ),
            )
            return redirect("cases:edit", slug=case.slug)
    return render(request, "cases/form.html", {"form": form, "case": None})


@login_required
def case_edit(request, slug):
    case = _case_or_404(request, slug, "cases.change_case")
    allowed = _organisations_for(request.user, case.network).values("pk")
    organisations = Organisation.objects.filter(
        Q(pk__in=allowed) | Q(pk=case.organisation_id)
    ).order_by("name")
    form = CaseForm(request.POST or None, instance=case, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "save")
        try:
            services.case_update(
                actor=request.user,
                case=case,
                data=form.service_data(),
                organisation=form.cleaned_data["organisation"],
            )
            if action == "submit" and case.status == Case.Status.DRAFT:
                try:
                    services.case_submit(actor=request.user, case=case)
                except ValidationError:
                    messages.warning(
                        request,
                        _(
                            "Your changes are saved as a draft, but the case cannot be "
                            "submitted yet."
                        ),
                    )
                    raise
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            if action == "submit":
                messages.success(
                    request, _("Thank you! The case has been sent to the secretariat for review.")
                )
                return redirect("cases:detail", slug=case.slug)
            if action == "preview":
                return redirect("cases:detail", slug=case.slug)
            messages.success(request, _("Your changes have been saved."))
            return redirect("cases:edit", slug=case.slug)
    return render(
        request,
        "cases/form.html",
        {
            "form": form,
            "case": case,
            "material_form": MaterialForm(),
            "materials": case.materials.all(),
            "submit_problems": services.submit_problems(case)
            if case.status == Case.Status.DRAFT
            else {},
        },
    )


@login_required
@require_POST
def case_submit(request, slug):
    case = _case_or_404(request, slug, "cases.change_case")
    try:
        services.case_submit(actor=request.user, case=case)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("cases:edit", slug=case.slug)
    messages.success(request, _("Thank you! The case has been sent to the secretariat for review."))
    return redirect("cases:detail", slug=case.slug)


@login_required
def case_delete(request, slug):
    case = _case_or_404(request, slug, "cases.change_case")
    if request.method == "POST":
        services.case_delete(actor=request.user, case=case)
        messages.success(request, _("The case has been deleted."))
        return redirect("cases:list")
    return render(
        request,
        "cases/confirm.html",
        {
            "case": case,
            "title": _("Delete the case?"),
            "text": _("The case and its files are deleted for good."),
            "button": _("Delete"),
            "danger": True,
        },
    )


@login_required
@require_POST
def material_add(request, slug):
    case = _case_or_404(request, slug, "cases.change_case")
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.material_add(
                actor=request.user,
                case=case,
                title=form.cleaned_data["title"],
                filename=form.cleaned_data["file"].name,
                content=form.content,
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, _("The file has been added."))
            return redirect(reverse("cases:edit", kwargs={"slug": case.slug}) + "#materials")
    return render(
        request, "cases/material_error.html", {"case": case, "material_form": form}, status=400
    )


@login_required
@require_POST
def material_delete(request, slug, pk):
    case = _case_or_404(request, slug, "cases.change_case")
    material = get_object_or_404(CaseMaterial, pk=pk, case=case)
    services.material_delete(actor=request.user, case=case, material=material)
    messages.success(request, _("The file has been removed."))
    return redirect(reverse("cases:edit", kwargs={"slug": case.slug}) + "#materials")


@login_required
def my_cases(request):
    return render(
        request, "cases/mine.html", {"cases": selectors.cases_for_editor(user=request.user)}
    )


# --- moderation ------------------------------------------------------------------------


@login_required
def queue(request):
    if not request.user.has_perm("cases.view_queue", request.network):
        raise PermissionDenied(_("Only the network's secretariat sees the moderation queue."))
    return render(
        request,
        "cases/queue.html",
        {
            "cases": selectors.moderation_queue(network=request.network),
            "reported": selectors.reported_comments(network=request.network),
            "send_back_form": SendBackForm(),
        },
    )


@login_required
@require_POST
def case_publish(request, slug):
    case = _case_or_404(request, slug, "cases.moderate_case")
    try:
        services.case_publish(actor=request.user, case=case)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("cases:detail", slug=case.slug)
    messages.success(request, _("The case has been published and the author told."))
    return redirect("cases:queue")


@login_required
def case_send_back(request, slug):
    case = _case_or_404(request, slug, "cases.moderate_case")
    form = SendBackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.case_send_back(actor=request.user, case=case, comment=form.cleaned_data["comment"])
        messages.success(request, _("The case has been sent back and the author told."))
        return redirect("cases:queue")
    return render(request, "cases/send_back.html", {"case": case, "form": form})


@login_required
def revisions(request, slug):
    case = _case_or_404(request, slug, "cases.moderate_case")
    return render(
        request,
        "cases/revisions.html",
        {"case": case, "revisions": case.revisions.select_related("author")},
    )


ACTION_LABELS = {
    "created": _("created"),
    "edited": _("edited"),
    "submitted": _("submitted"),
    "published": _("published"),
    "sent_back": _("sent back"),
    "restored": _("restored"),
    "imported": _("imported"),
    "material_added": _("file added"),
    "material_removed": _("file removed"),
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


@login_required
def revision_detail(request, slug, pk):
    case = _case_or_404(request, slug, "cases.moderate_case")
    revision = get_object_or_404(CaseRevision.objects.select_related("author"), pk=pk, case=case)
    previous = (
        case.revisions.filter(
            Q(created_at__lt=revision.created_at)
            | Q(created_at=revision.created_at, id__lt=revision.id)
        )
        .order_by("-created_at", "-id")
        .first()
    )
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


@login_required
@require_POST
def revision_restore(request, slug, pk):
    case = _case_or_404(request, slug, "cases.moderate_case")
    revision = get_object_or_404(CaseRevision, pk=pk, case=case)
    try:
        services.case_restore(actor=request.user, case=case, revision=revision)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The earlier version has been restored."))
    return redirect("cases:revisions", slug=case.slug)


# --- follow, notifications -------------------------------------------------------------


@login_required
@require_POST
def follow(request, slug):
    case = _case_or_404(request, slug)
    if request.POST.get("action") == "unfollow":
        services.case_unfollow(actor=request.user, case=case)
        messages.success(request, _("You no longer follow this case."))
    else:
        services.case_follow(actor=request.user, case=case)
        messages.success(
            request,
            _("You now follow this case and will be told when it changes or gets comments."),
        )
    return redirect("cases:detail", slug=case.slug)


@require_GET
def unfollow_token(request, token):
    case = services.unfollow_by_token(token)
    if case is None:
        return render(request, "cases/unfollowed.html", {"case": None}, status=400)
    return render(request, "cases/unfollowed.html", {"case": case})


@login_required
def following(request):
    if request.method == "POST":
        services.notifications_mark_read(actor=request.user)
        messages.success(request, _("All notifications are marked as read."))
        return redirect("cases:following")
    follows = Follow.objects.filter(user=request.user).select_related("case", "case__organisation")
    notifications = paginate(
        request, Notification.objects.filter(user=request.user).select_related("case"), per_page=30
    )
    return render(
        request,
        "cases/following.html",
        {
            "follows": follows,
            "page_obj": notifications,
            "notifications": notifications,
            "unread": Notification.objects.filter(user=request.user, read_at__isnull=True).count(),
        },
    )


# --- comments --------------------------------------------------------------------------


def _comment_or_404(slug, pk) -> Comment:
    return get_object_or_404(
        Comment.objects.select_related("case", "case__network"), pk=pk, case__slug=slug
    )


def _back_to_comments(case):
    return redirect(reverse("cases:detail", kwargs={"slug": case.slug}) + "#comments")


@login_required
@require_POST
def comment_add(request, slug):
    case = _case_or_404(request, slug)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data.get("parent"):
            parent = Comment.objects.filter(pk=form.cleaned_data["parent"], case=case).first()
        try:
            services.comment_create(
                actor=request.user, case=case, text=form.cleaned_data["text"], parent=parent
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your comment has been posted."))
    else:
        messages.error(request, _("Write a comment of at most 5,000 characters."))
    return _back_to_comments(case)


@login_required
def comment_edit(request, slug, pk):
    comment = _comment_or_404(slug, pk)
    if not request.user.has_perm("cases.change_comment", comment):
        raise PermissionDenied(_("You can only edit your own comments."))
    form = CommentForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        services.comment_update(actor=request.user, comment=comment, text=form.cleaned_data["text"])
        messages.success(request, _("Your comment has been changed."))
        return _back_to_comments(comment.case)
    return render(
        request, "cases/comment_edit.html", {"form": form, "comment": comment, "case": comment.case}
    )


@login_required
@require_POST
def comment_delete(request, slug, pk):
    comment = _comment_or_404(slug, pk)
    services.comment_delete(actor=request.user, comment=comment)
    messages.success(request, _("The comment has been deleted."))
    return _back_to_comments(comment.case)


@login_required
@require_POST
def comment_report(request, slug, pk):
    comment = _comment_or_404(slug, pk)
    form = ReportForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.comment_report(actor=request.user, comment=comment, reason=reason)
    messages.success(request, _("Thank you. A moderator will look at the comment."))
    return _back_to_comments(comment.case)


@login_required
@require_POST
def comment_moderate(request, slug, pk):
    comment = _comment_or_404(slug, pk)
    if request.POST.get("action") == "restore":
        services.comment_restore(actor=request.user, comment=comment)
        messages.success(request, _("The comment is visible again."))
    else:
        services.comment_hide(actor=request.user, comment=comment)
        messages.success(request, _("The comment has been hidden."))
    if request.POST.get("next") == "queue":
        return redirect("cases:queue")
    return _back_to_comments(comment.case)


# --- downloads -------------------------------------------------------------------------

EXPORT_COLUMNS = [
    ("slug", "slug"),
    ("title", "title"),
    ("organisation", "organisation"),
    ("network", "network"),
    ("language", "language"),
    ("kind", "kind"),
    ("budget_band", "budget_band"),
    ("period_start", "period_start"),
    ("period_end", "period_end"),
    ("topics", "topics"),
    ("prevention_types", "prevention_types"),
    ("evaluation", "evaluation"),
    ("purpose_met", "purpose_met"),
    ("implemented_as_planned", "implemented_as_planned"),
    ("target_group", "target_group"),
    ("summary", "summary"),
    ("url", "url"),
]


def _export_rows(request):
    filters = selectors.CaseFilters.from_query(request.GET, on_invalid_number=params.reject)
    cases = selectors.case_list(network=request.network, filters=filters)[:5000]
    yield [c[0] for c in EXPORT_COLUMNS]
    for case in cases:
        yield [
            case.slug,
            case.title,
            case.organisation.name,
            case.network.slug,
            case.language,
            case.kind,
            case.budget_band,
            case.period_start.isoformat() if case.period_start else "",
            case.period_end.isoformat() if case.period_end else "",
            ", ".join(t.slug for t in case.topics.all()),
            ", ".join(t.slug for t in case.prevention_types.all()),
            case.evaluation,
            case.purpose_met,
            case.implemented_as_planned,
            case.target_group,
            case.summary,
            request.build_absolute_uri(case.get_absolute_url()),
        ]


@require_GET
def export_csv(request):
    stamp = timezone.localdate().isoformat()
    return exports.csv_response(_export_rows(request), filename=f"cases-{stamp}.csv")


@require_GET
def export_xlsx(request):
    stamp = timezone.localdate().isoformat()
    return exports.xlsx_response(
        _export_rows(request), filename=f"cases-{stamp}.xlsx", sheet_title="cases"
    )
