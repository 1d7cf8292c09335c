"""The secretariat's internal review: criteria with the call's own scale, and per reviewer
a score per criterion and a comment. Criteria that have scores are never deleted (a review
form changed after reviews exist must not lose them)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.core.text import single_line

from ..models import Application, Call, Criterion, Review, Score
from .applications import log


def criteria_set(*, actor, call: Call, criteria: list[tuple[str, int, int]]) -> None:
    """The call's criteria in this order; a criterion keeps its id (and its scores) while
    its name stays. Removing one that has scores is refused."""
    require(actor, "programmes.change_edition", call.edition, _("Only the secretariat does this."))
    existing = {c.name: c for c in call.criteria.all()}
    keep = set()
    for position, (name, low, high) in enumerate(criteria):
        name = single_line(name)
        if high <= low:
            raise ValidationError(
                {"criteria": _("A criterion's highest score must be above its lowest.")}
            )
        criterion = existing.get(name) or Criterion(call=call, name=name)
        rescaled = (criterion.scale_min, criterion.scale_max) != (low, high)
        if criterion.pk and rescaled and criterion.scores.exists():
            raise ValidationError(
                {
                    "criteria": _("“%(name)s” already has scores: its scale can no longer change.")
                    % {"name": name}
                }
            )
        criterion.scale_min, criterion.scale_max, criterion.position = low, high, position
        criterion.save()
        keep.add(criterion.pk)
    for criterion in existing.values():
        if criterion.pk in keep:
            continue
        if criterion.scores.exists():
            raise ValidationError(
                {
                    "criteria": _("“%(name)s” already has scores and cannot be removed.")
                    % {"name": criterion.name}
                }
            )
        criterion.delete()


@transaction.atomic
def review_save(
    *, actor, application: Application, scores: dict[int, int | None], comment: str = ""
) -> Review:
    """The actor's review of the application: ``scores`` maps criterion ids to a score on
    the criterion's scale (``None`` leaves it unscored)."""
    require(
        actor,
        "programmes.review_application",
        application,
        _("Only the secretariat reviews submitted applications."),
    )
    criteria = {c.pk: c for c in application.call.criteria.all()}
    errors = {}
    for criterion_id, value in scores.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise ValidationError(_("That criterion is no longer on the call."))
        if value is not None and not criterion.scale_min <= value <= criterion.scale_max:
            errors[f"c{criterion_id}"] = _("Score %(name)s from %(min)s to %(max)s.") % {
                "name": criterion.name,
                "min": criterion.scale_min,
                "max": criterion.scale_max,
            }
    if errors:
        raise ValidationError(errors)
    review, _created = Review.objects.get_or_create(application=application, reviewer=actor)
    review.comment = comment
    review.save()
    for criterion_id, value in scores.items():
        if value is None:
            Score.objects.filter(review=review, criterion_id=criterion_id).delete()
        else:
            Score.objects.update_or_create(
                review=review, criterion_id=criterion_id, defaults={"value": value}
            )
    log(application, "reviewed", actor)
    return review
