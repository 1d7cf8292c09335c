"""Topic suggestions: the members' list and form, support, the coordinators' decision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard
from samskab.core.pagination import paginate

from .. import selectors, services
from ..forms import DecisionForm, SuggestionForm
from ..models import TopicSuggestion
from .getters import back, error_text, group_of_network, suggestion_of_group


@guard(
    "groups.view_suggestions",
    get=group_of_network,
    login=False,
    message=gettext_lazy("Only the group's members can see and make topic suggestions."),
)
def suggestions(request, group):
    can_suggest = request.user.has_perm("groups.suggest_topic", group)
    form = SuggestionForm(request.POST or None) if can_suggest else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the group's members may suggest topics."))
        if form.is_valid():
            try:
                services.suggestion_create(
                    actor=request.user,
                    group=group,
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Thank you! Your suggestion has been added."))
                return redirect("groups:suggestions", slug=group.slug)
    status = request.GET.get("status")
    if status not in TopicSuggestion.Status.values:
        status = None
    page = paginate(request, selectors.suggestion_list(group, user=request.user, status=status))
    return render(
        request,
        "groups/suggestions.html",
        {
            "group": group,
            "form": form,
            "page_obj": page,
            "suggestions": page.object_list,
            "status": status,
            "statuses": TopicSuggestion.Status.choices,
            "can_decide": request.user.has_perm("groups.manage_members", group),
        },
    )


@require_POST
@guard(
    "groups.view_suggestions",
    get=suggestion_of_group,
    on=lambda suggestion: suggestion.group,
    login=False,
    message=gettext_lazy("Only the group's members may support suggestions."),
)
def suggestion_support(request, suggestion):
    group = suggestion.group
    try:
        if request.POST.get("action") == "withdraw":
            services.suggestion_withdraw_support(actor=request.user, suggestion=suggestion)
            done = _("Your support has been withdrawn.")
        else:
            services.suggestion_support(actor=request.user, suggestion=suggestion)
            done = _("Thank you for your support.")
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        done = None
    if request.htmx:
        annotated = selectors.suggestion_list(group, user=request.user).get(pk=suggestion.pk)
        return render(
            request, "groups/partials/_support.html", {"group": group, "suggestion": annotated}
        )
    if done:
        messages.success(request, done)
    return back(request, group, default="groups:suggestions")


@guard(
    "groups.decide_suggestion",
    get=suggestion_of_group,
    login=False,
    message=gettext_lazy(
        "Only the group's coordinators and the secretariat may decide on suggestions."
    ),
)
def suggestion_decide(request, suggestion):
    group = suggestion.group
    initial = {
        "status": suggestion.status,
        "note": suggestion.decision_note,
        "planned_for": suggestion.planned_for,
    }
    if suggestion.status == TopicSuggestion.Status.OPEN:
        initial["status"] = TopicSuggestion.Status.PLANNED
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.suggestion_decide(
                actor=request.user,
                suggestion=suggestion,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                planned_for=form.cleaned_data["planned_for"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The decision has been saved."))
            return redirect("groups:suggestions", slug=group.slug)
    return render(
        request,
        "groups/suggestion_decide.html",
        {"group": group, "suggestion": suggestion, "form": form},
    )
