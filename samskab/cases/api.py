"""Read API: GET /api/v1/cases (paginated, the list's filters) and /api/v1/cases/{slug}."""

from django.http import Http404
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from samskab.core.api import LazyPage, PageNumberPagination
from samskab.core.params import ApiInt

from . import selectors
from .exchange import case_to_dict
from .models import Case
from .selectors import YEAR_MAX, YEAR_MIN

router = Router(tags=["cases"])


class CaseFilterQuery(Schema):
    topic: str = ""
    type: str = ""
    target: str = ""
    municipality: str = ""
    region: str = ""
    budget: str = ""
    evaluation: str = ""
    year: ApiInt(YEAR_MIN, YEAR_MAX, optional=True) = None
    network: str = ""
    quality: str = ""
    language: str = ""


class Organisation(Schema):
    name: str
    code: str


class Contact(Schema):
    name: str
    title: str
    organisation: str
    phone: str
    email: str
    public: bool


class Period(Schema):
    start: str | None
    end: str | None


class Quote(Schema):
    text: str
    speaker: str


class Link(Schema):
    title: str
    url: str


class Material(Schema):
    title: str
    filename: str
    url: str


class Quality(Schema):
    criterion: str
    note: str


class CaseOut(Schema):
    slug: str
    url: str
    network: str
    language: str
    title: str
    summary: str
    organisation: Organisation
    contact: Contact
    kind: str
    budget_band: str | None
    purpose: str
    target_group: str
    arena: str
    description: str
    partners: str
    recruitment: str
    funding: str
    effect: str
    further_comments: str
    implementation_notes: str
    barriers: str
    promoting_factors: str
    period: Period
    topics: list[str]
    prevention_types: list[str]
    quote: Quote | None
    evaluation: str
    purpose_met: str | None
    implemented_as_planned: str | None
    links: list[Link]
    materials: list[Material]
    quality: list[Quality]
    shared: bool
    status: str


def _out(request, case: Case) -> dict:
    data = case_to_dict(case, with_content=False)
    if not case.contact_public:
        data["contact"]["phone"] = ""
        data["contact"]["email"] = ""
    data["url"] = request.build_absolute_uri(case.get_absolute_url())
    data["materials"] = [
        {
            "title": m.title,
            "filename": m.filename,
            "url": request.build_absolute_uri(m.get_absolute_url()),
        }
        for m in case.materials.all()
    ]
    return data


@router.get("", response=list[CaseOut])
@paginate(PageNumberPagination, page_size=20)
def list_cases(request, filters: Query[CaseFilterQuery]):
    chosen = selectors.CaseFilters.from_query(filters.dict())
    cases = selectors.export_queryset(selectors.case_list(network=request.network, filters=chosen))
    return LazyPage(request, cases, _out)


@router.get("/{slug}", response=CaseOut)
def get_case(request, slug: str):
    case = (
        selectors.export_queryset(
            Case.objects.readable_in_network(request.network).select_related(
                "network", "organisation"
            )
        )
        .filter(slug=slug)
        .first()
    )
    if case is None:
        raise Http404("No published case with this slug.")
    return _out(request, case)
