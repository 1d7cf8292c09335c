"""What every reader sees: the list, a case's page, its files and the downloads."""

from functools import partial

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samskab.core import exports, params
from samskab.core.guards import guard
from samskab.core.pagecache import public_page
from samskab.networks.predicates import staff_network_ids

from .. import listing, selectors, services
from ..forms import CommentForm
from ..models import Case, QualityCriterion
from ._get import network_or_none, page_case, readable_case

SCALE_STEPS = list(Case.Scale)


@require_GET
@public_page
@guard(None, get=network_or_none)
def case_list(request, network):
    filters = selectors.CaseFilters.from_query(
        request.GET, on_invalid_number=partial(params.warn_ignored, request)
    )
    page, facets = listing.case_listing(
        network=network, filters=filters, page=params.page_number(request)
    )
    context = {
        "page_obj": page,
        "cases": page.object_list,
        "filters": filters,
        "facets": facets,
        "can_add": request.user.is_authenticated
        and request.user.has_perm("cases.add_case", network),
        "is_staff": request.user.is_authenticated
        and request.user.has_perm("cases.view_queue", network),
    }
    if request.htmx:
        return render(request, "cases/partials/_results.html", context)
    return render(request, "cases/list.html", context)


def _counts_in_cache() -> bool:
    return settings.READ_COUNTS_IN_CACHE


def _count_cached_reading(case_id) -> None:
    services.case_record_view_by_id(case_id=case_id)


@require_GET
@public_page(when=_counts_in_cache, on_hit=_count_cached_reading)
@guard("cases.view_case", get=page_case, hidden=True)
def case_detail(request, case):
    # Every reading is counted: with the counter in the cache (READ_COUNTS_IN_CACHE) the
    # page cache serves anonymous readers and counts each page it serves.
    user = request.user
    if case.is_published:
        services.case_record_view(case=case)
    quality = {q.criterion: q for q in case.quality.all()}
    context = {
        "case": case,
        "read_count": selectors.case_read_count(case=case),
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
        "related": selectors.related_cases(case=case, network=network_or_none(request)),
        "comments": selectors.comment_threads(case=case),
        "comment_form": CommentForm(),
        "following": selectors.follows_case(user=user, case=case),
        "can_change": user.has_perm("cases.change_case", case),
        "can_moderate": user.has_perm("cases.moderate_case", case),
        "can_comment": user.has_perm("cases.comment_case", case),
        "staff_network_ids": staff_network_ids(user),
    }
    response = render(request, "cases/detail.html", context)
    if case.is_published:
        response.page_cache_meta = case.pk
    return response


@require_GET
@guard("cases.view_case", get=readable_case, hidden=True)
def material_download(request, case, pk, filename):
    material = selectors.material_of(case=case, pk=pk)
    if material is None:
        raise Http404
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


# --- downloads -------------------------------------------------------------------------

# The export's columns: the model's field names as headers and every choice and topic by
# its label, all in the reader's language (as the participant export is).
EXPORT_FIELDS = [
    "title",
    "organisation",
    "network",
    "language",
    "kind",
    "budget_band",
    "period_start",
    "period_end",
    "topics",
    "prevention_types",
    "evaluation",
    "purpose_met",
    "implemented_as_planned",
    "target_group",
    "summary",
]


def _export_header():
    fields = [str(capfirst(Case._meta.get_field(name).verbose_name)) for name in EXPORT_FIELDS]
    return [*fields, _("Web address")]


def _export_rows(request, network):
    filters = selectors.CaseFilters.from_query(request.GET, on_invalid_number=params.reject)
    cases = selectors.case_list(network=network, filters=filters)[:5000]
    yield _export_header()
    for case in cases:
        yield [
            case.title,
            case.organisation.name,
            case.network.name,
            case.get_language_display(),
            case.get_kind_display(),
            case.get_budget_band_display(),
            case.period_start.isoformat() if case.period_start else "",
            case.period_end.isoformat() if case.period_end else "",
            ", ".join(t.label for t in case.topics.all()),
            ", ".join(t.label for t in case.prevention_types.all()),
            case.get_evaluation_display(),
            case.get_purpose_met_display(),
            case.get_implemented_as_planned_display(),
            case.target_group,
            case.summary,
            request.build_absolute_uri(case.get_absolute_url()),
        ]


@require_GET
@guard(None, get=network_or_none)
def export_csv(request, network):
    stamp = timezone.localdate().isoformat()
    return exports.csv_response(_export_rows(request, network), filename=f"cases-{stamp}.csv")


@require_GET
@guard(None, get=network_or_none)
def export_xlsx(request, network):
    stamp = timezone.localdate().isoformat()
    return exports.xlsx_response(
        _export_rows(request, network), filename=f"cases-{stamp}.xlsx", sheet_title=_("Cases")
    )
