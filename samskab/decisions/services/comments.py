"""Comments on options, moderated as the case bank's comments are: an author deletes their
own (the place stays, so the thread keeps its order), readers report, the network's
secretariat hides and restores."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.core.text import single_line

from ..models import Consultation, Option, OptionComment, OptionCommentReport

MAX_COMMENT = 5000


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a comment first.")})
    if len(text) > MAX_COMMENT:
        raise ValidationError({"text": _("A comment can be at most 5,000 characters.")})
    return text


@transaction.atomic
def comment_create(*, actor, option: Option, text: str) -> OptionComment:
    # the phase as it is now, not as the caller last read it
    consultation = Consultation.objects.select_related("network").get(pk=option.consultation_id)
    require(
        actor,
        "decisions.comment_option",
        consultation,
        _(
            "Contacts of member municipalities and the secretariat discuss the options while "
            "proposals are open and until the deadline."
        ),
    )
    comment = OptionComment(option=option, author=actor, text=_clean_text(text))
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_delete(*, actor, comment: OptionComment) -> None:
    """The text goes; the place in the thread stays."""
    require(actor, "decisions.delete_comment", comment, _("You can only delete your own comments."))
    comment.text = ""
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["text", "deleted_at"])
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())


@transaction.atomic
def comment_report(*, actor, comment: OptionComment, reason: str = "") -> OptionCommentReport:
    require(actor, "decisions.report_comment", comment, _("Log in to report a comment."))
    report, _created = OptionCommentReport.objects.get_or_create(
        comment=comment, user=actor, defaults={"reason": single_line(reason)[:500]}
    )
    return report


@transaction.atomic
def comment_hide(*, actor, comment: OptionComment) -> OptionComment:
    require(
        actor,
        "decisions.moderate_comment",
        comment,
        _("Only the network's secretariat may hide comments."),
    )
    comment.hidden_at = timezone.now()
    comment.hidden_by = actor
    comment.save(update_fields=["hidden_at", "hidden_by"])
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    return comment


@transaction.atomic
def comment_restore(*, actor, comment: OptionComment) -> OptionComment:
    require(
        actor,
        "decisions.moderate_comment",
        comment,
        _("Only the network's secretariat may restore comments."),
    )
    comment.hidden_at = None
    comment.hidden_by = None
    comment.save(update_fields=["hidden_at", "hidden_by"])
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    return comment
