"""Topic suggestions: making, supporting and deciding on them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require

from ..models import SuggestionSupport, ThemeGroup, TopicSuggestion


@transaction.atomic
def suggestion_create(
    *, actor, group: ThemeGroup, title: str, description: str = ""
) -> TopicSuggestion:
    require(actor, "groups.suggest_topic", group, _("Only the group's members may suggest topics."))
    suggestion = TopicSuggestion(
        group=group, author=actor, title=" ".join(title.split()), description=description or ""
    )
    suggestion.full_clean()
    suggestion.save()
    return suggestion


@transaction.atomic
def suggestion_support(*, actor, suggestion: TopicSuggestion) -> SuggestionSupport:
    """Support another member's open suggestion; supporting twice changes nothing."""
    require(
        actor,
        "groups.support_suggestion",
        suggestion,
        _("Only other members of the group may support an open suggestion."),
    )
    support, _created = SuggestionSupport.objects.get_or_create(suggestion=suggestion, user=actor)
    return support


@transaction.atomic
def suggestion_withdraw_support(*, actor, suggestion: TopicSuggestion) -> None:
    require(
        actor,
        "groups.view_suggestions",
        suggestion.group,
        _("Only the group's members may support suggestions."),
    )
    if suggestion.status != TopicSuggestion.Status.OPEN:
        raise ValidationError(_("The coordinators have already decided on this suggestion."))
    SuggestionSupport.objects.filter(suggestion=suggestion, user=actor).delete()


@transaction.atomic
def suggestion_decide(
    *, actor, suggestion: TopicSuggestion, status: str, note: str = "", planned_for=None
) -> TopicSuggestion:
    """Mark a suggestion planned (optionally with a note and a date) or declined, or open
    it again."""
    require(
        actor,
        "groups.decide_suggestion",
        suggestion,
        _("Only the group's coordinators and the secretariat may decide on suggestions."),
    )
    if status not in TopicSuggestion.Status.values:
        raise ValidationError({"status": _("Unknown status.")})
    if planned_for and status != TopicSuggestion.Status.PLANNED:
        raise ValidationError({"planned_for": _("Only a planned topic has a date.")})
    suggestion.status = status
    suggestion.decision_note = note or ""
    suggestion.planned_for = planned_for
    if status == TopicSuggestion.Status.OPEN:
        suggestion.decided_by, suggestion.decided_at = None, None
    else:
        suggestion.decided_by, suggestion.decided_at = actor, timezone.now()
    suggestion.full_clean()
    suggestion.save()
    return suggestion
