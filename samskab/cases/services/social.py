"""Following cases (and the notifications and e-mails followers get), and comments."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskab.audit import services as audit
from samskab.audit.models import Action
from samskab.core.guards import require
from samskab.core.links import absolute
from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.core.text import single_line

from .. import tokens
from ..models import Case, Comment, CommentReport, Follow, Notification


def case_follow(*, actor, case: Case) -> Follow:
    require(actor, "cases.follow_case", case, _("Log in to follow a published case."))
    follow, _created = Follow.objects.get_or_create(user=actor, case=case)
    return follow


def case_unfollow(*, actor, case: Case) -> None:
    """Stop following; allowed for any case one follows, also after it is unpublished."""
    require(actor, "cases.unfollow_case", case, _("Log in to stop following a case."))
    Follow.objects.filter(user=actor, case=case).delete()


def unfollow_token(follow: Follow) -> str:
    """The signed token of the one-click unfollow link in a follower's e-mails."""
    return tokens.follow_token(follow)


@transaction.atomic
def follow_delete_by_token(*, token: str) -> Case | None:
    """Stop following from an e-mail's link (the page's button, a POST). The signed token
    is the actor: it is verified here. Returns the case, or None for a bad token."""
    data = tokens.read_follow_token(token)
    if data is None:
        return None
    user_id, case_id = data
    Follow.objects.filter(user_id=user_id, case_id=case_id).delete()
    return Case.objects.filter(pk=case_id).first()


def followers_notify(*, case: Case, kind: str, actor=None) -> int:
    """An in-site notification and an e-mail (tasks API) for each follower but the actor."""
    follows = list(
        case.follows.select_related("user").exclude(user=actor)
        if actor is not None and actor.is_authenticated
        else case.follows.select_related("user")
    )
    Notification.objects.bulk_create(
        Notification(user=f.user, case=case, kind=kind) for f in follows
    )
    url = absolute(case.get_absolute_url(), network=case.network)
    for follow in follows:
        unfollow_url = absolute(
            reverse("cases:unfollow_token", kwargs={"token": unfollow_token(follow)}),
            network=case.network,
        )
        with translation.override(follow.user.language):
            if kind == Notification.Kind.COMMENTED:
                subject = _("New comment on “%(title)s”") % {"title": single_line(case.title)}
                text = _("Someone commented on a case you follow.")
            else:
                subject = _("“%(title)s” has been updated") % {"title": single_line(case.title)}
                text = _("A case you follow has been updated.")
            body = _(
                "%(text)s\n\n%(url)s\n\nStop following this case with one click:\n%(unfollow)s"
            ) % {"text": text, "url": url, "unfollow": unfollow_url}
        enqueue_on_commit(send_email, subject=subject, body=body, to=[follow.user.email])
    return len(follows)


def notifications_mark_read(*, actor) -> int:
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- comments --------------------------------------------------------------------------


def _clean_comment_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a comment first.")})
    if len(text) > 5000:
        raise ValidationError({"text": _("A comment can be at most 5,000 characters.")})
    return text


@transaction.atomic
def comment_create(*, actor, case: Case, text: str, parent: Comment | None = None) -> Comment:
    require(actor, "cases.comment_case", case, _("Log in to comment on a published case."))
    text = _clean_comment_text(text)
    if parent is not None:
        if parent.case_id != case.pk:
            raise ValidationError(_("You can only reply to a comment on the same case."))
        # Replies are one level deep: a reply to a reply joins the same thread.
        parent = parent.parent or parent
    comment = Comment.objects.create(case=case, author=actor, parent=parent, text=text)
    followers_notify(case=case, kind=Notification.Kind.COMMENTED, actor=actor)
    return comment


@transaction.atomic
def comment_update(*, actor, comment: Comment, text: str) -> Comment:
    require(actor, "cases.change_comment", comment, _("You can only edit your own comments."))
    comment.text = _clean_comment_text(text)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["text", "edited_at"])
    return comment


@transaction.atomic
def comment_delete(*, actor, comment: Comment) -> None:
    """The text goes; the place in the thread stays so replies keep their context."""
    require(actor, "cases.delete_comment", comment, _("You can only delete your own comments."))
    comment.text = ""
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["text", "deleted_at"])


@transaction.atomic
def comment_report(*, actor, comment: Comment, reason: str = "") -> CommentReport:
    require(actor, "cases.report_comment", comment, _("Log in to report a comment."))
    report, _created = CommentReport.objects.get_or_create(
        comment=comment, user=actor, defaults={"reason": single_line(reason)[:500]}
    )
    return report


def _record_moderation(actor, comment: Comment, action: str, before: dict) -> None:
    """The trail names the case, not the comment's words (they are the author's)."""
    audit.record(
        actor=actor,
        network=comment.case.network,
        action=action,
        obj=comment,
        before=before,
        after={"hidden_at": comment.hidden_at},
        label=comment.case.title,
        subject=comment.author,
    )


@transaction.atomic
def comment_hide(*, actor, comment: Comment) -> Comment:
    require(
        actor,
        "cases.moderate_comment",
        comment,
        _("Only the network's secretariat may hide comments."),
    )
    before = {"hidden_at": comment.hidden_at}
    comment.hidden_at = timezone.now()
    comment.hidden_by = actor
    comment.save(update_fields=["hidden_at", "hidden_by"])
    _record_moderation(actor, comment, Action.COMMENT_HIDDEN, before)
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    return comment


@transaction.atomic
def comment_restore(*, actor, comment: Comment) -> Comment:
    require(
        actor,
        "cases.moderate_comment",
        comment,
        _("Only the network's secretariat may restore comments."),
    )
    before = {"hidden_at": comment.hidden_at}
    comment.hidden_at = None
    comment.hidden_by = None
    comment.save(update_fields=["hidden_at", "hidden_by"])
    _record_moderation(actor, comment, Action.COMMENT_RESTORED, before)
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    return comment
