"""An option's page with its comments, and writing, deleting, reporting and moderating
comments (as the case bank's comments work)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import selectors, services
from ..forms import CommentForm, ReportForm
from .common import comment_of_consultation, consultation_of_network, option_in


def _option_page(request, consultation, option, form=None, status=200):
    user = request.user
    return render(
        request,
        "decisions/option.html",
        {
            "consultation": consultation,
            "option": option,
            "comments": selectors.option_comments(option),
            "form": form or CommentForm(),
            "can_comment": user.has_perm("decisions.comment_option", consultation),
            "can_moderate": user.has_perm("decisions.run_consultation", consultation),
        },
        status=status,
    )


def _back(comment):
    option = comment.option
    return redirect(
        reverse("decisions:option", args=[option.consultation.slug, option.pk]) + "#comments"
    )


@require_GET
@guard("decisions.view_consultation", get=consultation_of_network, hidden=True)
def option_detail(request, consultation, pk):
    return _option_page(request, consultation, option_in(consultation, pk))


@require_POST
@guard(
    "decisions.comment_option",
    signed_in=True,
    get=consultation_of_network,
    message=gettext_lazy(
        "Contacts of member municipalities and the secretariat discuss the options while "
        "proposals are open and until the deadline."
    ),
)
def comment_add(request, consultation, pk):
    option = option_in(consultation, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_create(
                actor=request.user, option=option, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Your comment has been posted."))
            return redirect(
                reverse("decisions:option", args=[consultation.slug, option.pk]) + "#comments"
            )
    return _option_page(request, consultation, option, form=form)


@require_POST
@guard(
    "decisions.delete_comment",
    signed_in=True,
    get=comment_of_consultation,
    message=gettext_lazy("You can only delete your own comments."),
)
def comment_delete(request, comment):
    services.comment_delete(actor=request.user, comment=comment)
    messages.success(request, _("The comment has been deleted."))
    return _back(comment)


@require_POST
@guard("decisions.report_comment", signed_in=True, get=comment_of_consultation)
def comment_report(request, comment):
    form = ReportForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.comment_report(actor=request.user, comment=comment, reason=reason)
    messages.success(request, _("Thank you. The secretariat will look at the comment."))
    return _back(comment)


@require_POST
@guard(
    "decisions.moderate_comment",
    signed_in=True,
    get=comment_of_consultation,
    message=gettext_lazy("Only the network's secretariat may hide comments."),
)
def comment_moderate(request, comment):
    if request.POST.get("action") == "restore":
        services.comment_restore(actor=request.user, comment=comment)
        messages.success(request, _("The comment is visible again."))
    else:
        services.comment_hide(actor=request.user, comment=comment)
        messages.success(request, _("The comment has been hidden."))
    if request.POST.get("next") == "consultation":
        return redirect(comment.option.consultation.get_absolute_url() + "#reported")
    return _back(comment)
