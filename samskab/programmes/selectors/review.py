"""Reads for the review of a call's applications and its named reviewers."""

from django.db.models import (
    Avg,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    Min,
    Q,
)
from django.db.models.functions import Cast
from django.http import Http404

from samskab.networks.models import Organisation

from ..models import (
    Application,
    Call,
    Criterion,
    Review,
    ReviewerInvitation,
)
from ..tokens import read_invitation_token

S = Application.Status


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
