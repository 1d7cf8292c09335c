"""Reads for the public and applicant pages: programmes, editions, calls, applications."""

from django.db.models import (
    Prefetch,
)
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.networks.models import Organisation

from ..models import (
    Application,
    ApplicationFile,
    Call,
    Edition,
    Programme,
)
from ..predicates import applicable_organisation_ids, applicant_organisation_ids

S = Application.Status


def programme_list(*, network):
    return (
        Programme.objects.filter(network=network)
        .prefetch_related(
            Prefetch(
                "editions",
                queryset=Edition.objects.select_related("call")
                .prefetch_related("tracks")
                .order_by("-year"),
            )
        )
        .order_by("name")
    )


def programme_for_page(*, network, slug: str) -> Programme:
    programme = Programme.objects.filter(network=network, slug=slug).select_related("network")
    found = programme.first()
    if found is None:
        raise Http404
    return found


def edition_for_page(*, network, slug: str, year: int) -> Edition:
    edition = (
        Edition.objects.filter(programme__network=network, programme__slug=slug, year=year)
        .select_related("programme__network")
        .prefetch_related("tracks")
        .first()
    )
    if edition is None:
        raise Http404
    return edition


def call_of(edition: Edition) -> Call | None:
    return Call.objects.filter(edition=edition).select_related("form", "edition__programme").first()


def call_for_page(*, network, slug: str, year: int) -> Call:
    edition = edition_for_page(network=network, slug=slug, year=year)
    call = call_of(edition)
    if call is None:
        raise Http404
    return call


def application_for_page(*, network, pk: int) -> Application:
    application = (
        Application.objects.filter(pk=pk, call__edition__programme__network=network)
        .select_related(
            "call__edition__programme__network",
            "organisation__region",
            "form_version",
            "call__form",
        )
        .first()
    )
    if application is None:
        raise Http404
    return application


def application_file(*, application: Application, pk: int) -> ApplicationFile:
    record = ApplicationFile.objects.filter(application=application, pk=pk).first()
    if record is None:
        raise Http404
    return record


def apply_status(user, call: Call) -> dict:
    """What the visitor can do about the call: the organisations they may apply for, their
    applications, and, when they cannot apply, why (in their language)."""
    state = call.state(timezone.now())
    mine = Application.objects.filter(
        call=call, organisation_id__in=applicant_organisation_ids(user)
    ).select_related("organisation")
    existing = {a.organisation_id for a in mine}
    orgs = list(
        Organisation.objects.filter(id__in=applicable_organisation_ids(user, call))
        .exclude(id__in=existing)
        .order_by("name")
    )
    reason = ""
    if state == "not_yet":
        reason = _("The call is not open yet.")
    elif state == "closed":
        reason = _("The deadline has passed.")
    elif not user.is_authenticated:
        reason = _("Log in to apply on behalf of your organisation.")
    elif not applicant_organisation_ids(user):
        reason = _(
            "Only an organisation's editors and its administrative contact can apply. "
            "Ask your organisation or the secretariat for that role."
        )
    elif not orgs and not existing:
        reason = {
            Call.Eligibility.COUNTRY: _(
                "Only municipalities in the network's country may apply to this call."
            ),
            Call.Eligibility.MEMBERS: _("Only the network's member municipalities may apply."),
            Call.Eligibility.LISTED: _("Only the organisations the secretariat invited may apply."),
        }[call.eligibility]
    return {
        "state": state,
        "organisations": orgs if state == "open" else [],
        "mine": list(mine),
        "reason": reason,
    }


def applications_of_user(user):
    return (
        Application.objects.filter(organisation_id__in=applicant_organisation_ids(user))
        .select_related("call__edition__programme", "organisation")
        .order_by("-updated_at")
    )


# --- for the form builder (registered in apps.py) -------------------------------------------


def answers_on_form(form) -> int:
    return Application.objects.filter(call__form=form).count()


def owner_of_form(form):
    call = Call.objects.filter(form=form).select_related("edition__programme").first()
    if call is None:
        return None
    edition = call.edition
    return (
        str(edition),
        reverse("programmes:edition", args=[edition.programme.slug, edition.year]),
    )


# --- an edition's sessions ------------------------------------------------------------------


def dashboard_applications(user, network) -> dict | None:
    """The applications of the user's organisations to the network's programmes."""
    if network is None:
        return None
    applications = list(
        applications_of_user(user).filter(call__edition__programme__network=network)[:10]
    )
    return {
        "key": "applications",
        "template": "programmes/_dashboard.html",
        "applications": applications,
    }


def organisation_programmes(organisation, network, user) -> dict | None:
    """A section of the organisation's page: the editions of the network's programmes it
    takes part in (its accepted applications), newest first."""
    if network is None:
        return None
    editions = list(
        Edition.objects.filter(
            programme__network=network,
            call__applications__organisation=organisation,
            call__applications__status=S.ACCEPTED,
        )
        .select_related("programme")
        .distinct()
        .order_by("-year", "programme__name")
    )
    return {"key": "programmes", "template": "programmes/_organisation.html", "editions": editions}


# The news desk links articles to programmes and sits above this app; it registers how to
# show a programme's newest articles (``NewsConfig.ready``), so this app imports nothing
# of it. Without that app the section is not shown.
_news_source = None


def register_programme_news(source) -> None:
    """``source(programme)`` returns the HTML of the programme's news section ("" for none)."""
    global _news_source
    _news_source = source


def news_for(programme: Programme) -> str:
    if _news_source is None:
        return ""
    return _news_source(programme)
