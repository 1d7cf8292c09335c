"""What logged-in readers use: following a case, its notifications, and comments; and the
unfollow link in case e-mails (a page with a button, so a mail scanner that follows the
link changes nothing)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from samskab.core.guards import guard
from samskab.core.pagination import paginate

from .. import selectors, services
from ..forms import CommentForm, ReportForm
from ._get import network_or_none, readable_case, readable_comment

# --- follow, notifications -------------------------------------------------------------


@guard("cases.view_case", signed_in=True, get=readable_case, hidden=True)
@require_POST
def follow(request, case):
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


@guard(None, get=network_or_none)
def unfollow_token(request, network, token):
    """GET shows the case and a button; only the button's POST stops the following."""
    if request.method == "POST":
        case = services.follow_delete_by_token(token=token)
        if case is None:
            return render(request, "cases/unfollowed.html", {"case": None}, status=400)
        return render(request, "cases/unfollowed.html", {"case": case, "done": True})
    case, good = selectors.follow_token_case(token=token)
    if not good:
        return render(request, "cases/unfollowed.html", {"case": None}, status=400)
    return render(request, "cases/unfollowed.html", {"case": case, "done": False})


@guard(None, signed_in=True)
@require_http_methods(["GET", "POST"])
def following(request, network):
    if request.method == "POST":
        services.notifications_mark_read(actor=request.user)
        messages.success(request, _("All notifications are marked as read."))
        return redirect("cases:following")
    notifications = paginate(request, selectors.notifications_of(user=request.user), per_page=30)
    return render(
        request,
        "cases/following.html",
        {
            "follows": selectors.follows_of(user=request.user),
            "page_obj": notifications,
            "notifications": notifications,
            "unread": selectors.unread_count(user=request.user),
        },
    )


# --- comments --------------------------------------------------------------------------


def _back_to_comments(case):
    return redirect(reverse("cases:detail", kwargs={"slug": case.slug}) + "#comments")


@guard("cases.view_case", signed_in=True, get=readable_case, hidden=True)
@require_POST
def comment_add(request, case):
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = selectors.comment_on(case=case, pk=form.cleaned_data.get("parent"))
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


@guard(
    "cases.change_comment",
    signed_in=True,
    get=readable_comment,
    message=gettext_lazy("You can only edit your own comments."),
)
def comment_edit(request, comment):
    form = CommentForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        services.comment_update(actor=request.user, comment=comment, text=form.cleaned_data["text"])
        messages.success(request, _("Your comment has been changed."))
        return _back_to_comments(comment.case)
    return render(
        request, "cases/comment_edit.html", {"form": form, "comment": comment, "case": comment.case}
    )


@guard(
    "cases.delete_comment",
    signed_in=True,
    get=readable_comment,
    message=gettext_lazy("You can only delete your own comments."),
)
@require_POST
def comment_delete(request, comment):
    services.comment_delete(actor=request.user, comment=comment)
    messages.success(request, _("The comment has been deleted."))
    return _back_to_comments(comment.case)


@guard("cases.report_comment", signed_in=True, get=readable_comment)
@require_POST
def comment_report(request, comment):
    form = ReportForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.comment_report(actor=request.user, comment=comment, reason=reason)
    messages.success(request, _("Thank you. A moderator will look at the comment."))
    return _back_to_comments(comment.case)


@guard(
    "cases.moderate_comment",
    signed_in=True,
    get=readable_comment,
    message=gettext_lazy("Only the network's secretariat may hide comments."),
)
@require_POST
def comment_moderate(request, comment):
    if request.POST.get("action") == "restore":
        services.comment_restore(actor=request.user, comment=comment)
        messages.success(request, _("The comment is visible again."))
    else:
        services.comment_hide(actor=request.user, comment=comment)
        messages.success(request, _("The comment has been hidden."))
    if request.POST.get("next") == "queue":
        return redirect("cases:queue")
    return _back_to_comments(comment.case)
