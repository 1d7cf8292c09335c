"""Reads of the programmes app."""

from django.db.models import (
    Avg,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    Min,
    Prefetch,
    Q,
)
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.networks.models import Organisation

from .models import (
    Application,
    ApplicationFile,
    Call,
    Criterion,
    Edition,
    Programme,
    Review,
    ReviewerInvitation,
    Session,
    SessionTrack,
)
from .predicates import applicable_organisation_ids, applicant_organisation_ids
from .tokens import read_invitation_token

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


def applications_for_review(*, call: Call, status: str = "", region: int | None = None):
    qs = (
        Application.objects.filter(call=call)
        .exclude(status=S.DRAFT)
        .select_related("organisation__region")
        .order_by("organisation__name")
    )
    # Each score as a share of its criterion's own scale (the lowest 0 %, the highest
    # 100 %), so criteria on different scales ("1–5", "0–3") count alike in the mean.
    share = ExpressionWrapper(
        Cast(F("reviews__scores__value") - F("reviews__scores__criterion__scale_min"), FloatField())
        * 100.0
        / Cast(
            F("reviews__scores__criterion__scale_max") - F("reviews__scores__criterion__scale_min"),
            FloatField(),
        ),
        output_field=FloatField(),
    )
    qs = qs.annotate(
        score_mean=Avg(share, output_field=FloatField()),
        score_low=Min(share, output_field=FloatField()),
        score_high=Max(share, output_field=FloatField()),
        reviewers=Count("reviews", distinct=True),
    )
    if status:
        qs = qs.filter(status=status)
    if region:
        qs = qs.filter(organisation__region_id=region)
    return qs


def reviews_for_page(application: Application, user) -> dict:
    """The application's reviews (internal), per criterion the mean and the spread, and the
    user's own review."""
    criteria = list(Criterion.objects.filter(call_id=application.call_id))
    reviews = list(
        Review.objects.filter(application=application)
        .select_related("reviewer")
        .prefetch_related("scores")
        .order_by("updated_at")
    )
    rows = []
    for criterion in criteria:
        values = [
            s.value for r in reviews for s in r.scores.all() if s.criterion_id == criterion.pk
        ]
        rows.append(
            {
                "criterion": criterion,
                "mean": sum(values) / len(values) if values else None,
                "low": min(values) if values else None,
                "high": max(values) if values else None,
                "count": len(values),
            }
        )
    for review in reviews:
        by_criterion = {s.criterion_id: s.value for s in review.scores.all()}
        review.score_list = [(c, by_criterion.get(c.pk)) for c in criteria]
    own = next((r for r in reviews if r.reviewer_id == getattr(user, "pk", None)), None)
    return {"criteria": criteria, "rows": rows, "reviews": reviews, "own": own}


def neighbours(application: Application) -> tuple:
    """The previous and the next application in the review list's order, so a reviewer goes
    through them one page after the other."""
    ids = list(
        Application.objects.filter(call_id=application.call_id)
        .exclude(status=S.DRAFT)
        .order_by("organisation__name")
        .values_list("pk", flat=True)
    )
    if application.pk not in ids:
        return None, None
    i = ids.index(application.pk)
    return (ids[i - 1] if i > 0 else None), (ids[i + 1] if i + 1 < len(ids) else None)


def call_statistics(call: Call) -> dict:
    counts = dict(
        Application.objects.filter(call=call)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    by_region = list(
        Application.objects.filter(call=call)
        .exclude(status__in=[S.DRAFT, S.WITHDRAWN])
        .values("organisation__region__name")
        .annotate(n=Count("id"), accepted=Count("id", filter=Q(status=S.ACCEPTED)))
        .order_by("organisation__region__name")
    )
    applied = sum(n for s, n in counts.items() if s not in (S.DRAFT,))
    return {
        "counts": {s: counts.get(s, 0) for s in S.values},
        "applied": applied,
        "by_region": by_region,
        "seats_left": max(call.seats - counts.get(S.ACCEPTED, 0), 0),
    }


def regions_of(call: Call):
    return (
        Organisation.objects.filter(municipalities__programme_applications__call=call)
        .distinct()
        .order_by("name")
    )


def participants(edition: Edition):
    """The edition's participating organisations: its accepted applications."""
    return (
        Application.objects.filter(call__edition=edition, status=S.ACCEPTED)
        .select_related("organisation")
        .order_by("organisation__name")
    )


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


def sessions_of(edition: Edition) -> list:
    """The edition's sessions in time order with their events and their tracks' topics
    (three queries, however many sessions and tracks)."""
    return list(
        Session.objects.filter(edition=edition)
        .select_related("event")
        .prefetch_related(
            Prefetch(
                "session_tracks",
                queryset=SessionTrack.objects.select_related("track").order_by(
                    "track__position", "track_id"
                ),
            )
        )
        .order_by("event__starts_at", "id")
    )


def session_table(edition: Edition, tracks: list, sessions: list) -> list[dict]:
    """The seed's table: a row per session, a cell per track (the topic, or None where the
    session is not in that track)."""
    rows = []
    for session in sessions:
        by_track = {st.track_id: st for st in session.session_tracks.all()}
        rows.append(
            {
                "session": session,
                "cells": [
                    {
                        "track": track,
                        "in_track": track.pk in by_track,
                        "row": by_track.get(track.pk),
                    }
                    for track in tracks
                ],
            }
        )
    return rows


def session_for_page(*, edition: Edition, pk: int) -> Session:
    session = (
        Session.objects.filter(edition=edition, pk=pk)
        .select_related("event", "edition__programme__network")
        .prefetch_related("session_tracks")
        .first()
    )
    if session is None:
        raise Http404
    return session


# --- the municipalities' people ------------------------------------------------------------

LEADER_ROLES = {"leder", "chef", "leader"}


def participants_from_answers(application: Application, tracks: list) -> list[dict]:
    """The people list of the application's answers (entries with a name), as rows for
    ``participants_set``: leaders in the first track, everyone else in the last."""
    rows = []
    for value in (application.answers or {}).values():
        if not isinstance(value, list):
            continue
        for entry in value:
            if (
                not isinstance(entry, dict)
                or not entry.get("name")
                or entry.get("role") == "kontakt"
            ):
                continue
            track = None
            if tracks:
                track = tracks[0] if entry.get("role") in LEADER_ROLES else tracks[-1]
            rows.append(
                {
                    "name": str(entry.get("name", "")),
                    "title": str(entry.get("title", "")),
                    "email": str(entry.get("email", "")),
                    "track": track,
                }
            )
    return rows


def participants_of(application: Application) -> list:
    return list(application.participants.select_related("track"))


def participant_for_page(*, application: Application, pk: int):
    participant = (
        application.participants.filter(pk=pk).select_related("track", "application").first()
    )
    if participant is None:
        raise Http404
    return participant


def sessions_of_participant(participant) -> list:
    """The sessions of the participant's track, with whether they declined each."""
    if participant.track_id is None:
        return []
    declined = set(participant.substitutions.values_list("session_id", flat=True))
    sessions = list(
        Session.objects.filter(
            edition_id=participant.application.call.edition_id,
            session_tracks__track_id=participant.track_id,
        )
        .select_related("event")
        .order_by("event__starts_at")
    )
    for session in sessions:
        session.declined = session.pk in declined
    return sessions


# --- champions ------------------------------------------------------------------------------


def champions_of(application: Application) -> dict:
    """The municipality's champions and its progress against the edition's target
    ("3 of 5")."""
    from .models import Champion

    champions = list(Champion.objects.filter(application=application))
    edition = application.call.edition
    return {
        "champions": champions,
        "count": len(champions),
        "target": edition.champion_target,
        "max": edition.champion_max,
    }


def champion_for_page(*, application: Application, pk: int):
    champion = application.champions.filter(pk=pk).first()
    if champion is None:
        raise Http404
    return champion


# --- My page (registered in apps.py) ---------------------------------------------------------


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


def reviewer_invitations(call: Call):
    """The call's invitations, newest first, with who invited and who accepted."""
    return call.reviewer_invitations.select_related("invited_by", "accepted_by", "revoked_by")


def invitation_for_call(*, call: Call, pk: int):
    invitation = call.reviewer_invitations.filter(pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation


def invitation_for_token(*, network, token: str):
    """The invitation a signed link names, within the network (404 for anything else)."""
    read = read_invitation_token(token)
    if read is None:
        raise Http404
    pk, email = read
    invitation = (
        ReviewerInvitation.objects.filter(pk=pk, call__edition__programme__network=network)
        .select_related("call__edition__programme__network")
        .first()
    )
    if invitation is None or invitation.email.lower() != email:
        raise Http404
    return invitation


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
