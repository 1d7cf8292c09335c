"""What the organisers do: create, edit and cancel events; participants, export, statuses,
messages, check-in and attendance."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core import exports, params
from samskab.core.forms import add_errors
from samskab.core.guards import guard
from samskab.groups.models import ThemeGroup

from .. import selectors, services
from ..forms import (
    AgendaFormSet,
    CancelEventForm,
    CheckInForm,
    EventForm,
    MessageForm,
    QuestionFormSet,
    StatusForm,
)
from ..models import Event, Registration
from ..predicates import coordinated_group_ids
from .common import ORGANISERS_ONLY, event_of_network

MANAGE = "events.manage_registrations"


def _groups_for(user, network):
    groups = ThemeGroup.objects.filter(network=network).order_by("name")
    if user.has_perm("networks.manage_network", network):
        return groups
    return groups.filter(id__in=coordinated_group_ids(user))


def _event_form_page(request, *, event, network):
    instance = event or Event(network=network)
    groups = _groups_for(request.user, network)
    if event is not None and event.theme_group_id:
        groups = groups | ThemeGroup.objects.filter(pk=event.theme_group_id)
    post = request.POST if request.method == "POST" else None
    form = EventForm(request.POST or None, instance=instance, network=network, groups=groups)
    agenda = AgendaFormSet(post, instance=instance, prefix="agenda")
    questions = QuestionFormSet(post, instance=instance, prefix="questions")
    if request.method == "POST" and form.is_valid() and agenda.is_valid() and questions.is_valid():
        content = {
            "data": form.event_data(),
            "invitations": form.cleaned_data["invitations"],
            "agenda": agenda.cleaned_data,
            "questions": questions.cleaned_data,
        }
        try:
            if event is None:
                saved = services.event_create(actor=request.user, network=network, **content)
            else:
                saved = services.event_update(actor=request.user, event=event, **content)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The event is saved."))
            return redirect(saved)
    return render(
        request,
        "events/edit.html",
        {"form": form, "agenda": agenda, "questions": questions, "event": event},
    )


@guard(
    "events.add_event",
    message=gettext_lazy("Only the secretariat and theme-group coordinators may create events."),
)
def event_create(request, network):
    return _event_form_page(request, event=None, network=network)


@guard("events.change_event", get=event_of_network, message=ORGANISERS_ONLY)
def event_edit(request, event):
    if event.is_cancelled:
        messages.error(request, _("A cancelled event cannot be changed."))
        return redirect(event)
    return _event_form_page(request, event=event, network=event.network)


@guard("events.change_event", get=event_of_network, message=ORGANISERS_ONLY)
def event_cancel(request, event):
    form = CancelEventForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.event_cancel(actor=request.user, event=event, message=form.cleaned_data["message"])
        messages.success(request, _("The event is cancelled and everyone signed up is told."))
        return redirect(event)
    return render(request, "events/cancel.html", {"event": event, "form": form})


@guard(MANAGE, get=event_of_network, message=ORGANISERS_ONLY)
def participants(request, event):
    questions = list(event.questions.all())
    registrations = selectors.participant_list(event)
    rows = [
        {"r": r, "answers": [r.answer_map.get(q.pk, "") for q in questions]} for r in registrations
    ]
    context = {
        "event": event,
        "rows": rows,
        "questions": questions,
        "statuses": Registration.Status.choices,
        **selectors.participant_summary(registrations),
        "places_left": selectors.places_left(event),
    }
    return render(request, "events/participants.html", context)


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _export_rows(event):
    questions = list(event.questions.all())
    header = [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Status"),
        _("Code"),
        _("Signed up"),
        _("Signed up by"),
        _("Signed up by (e-mail)"),
        _("Checked in"),
        _("Attended"),
    ]
    rows = [header + [q.label for q in questions]]
    for r in selectors.participant_list(event):
        rows.append(
            [
                r.name,
                r.email,
                r.organisation_name,
                r.get_status_display(),
                r.code,
                _local(r.created_at),
                r.registered_by.get_full_name() if r.registered_by_id else "",
                r.registered_by.email if r.registered_by_id else "",
                _local(r.checked_in_at),
                {True: _("yes"), False: _("no"), None: ""}[r.attended],
            ]
            + [r.answer_map.get(q.pk, "") for q in questions]
        )
    return rows


@guard(MANAGE, get=event_of_network, message=ORGANISERS_ONLY)
def participants_export(request, event, fmt):
    filename = f"participants-{event.pk}.{fmt}"
    if fmt == "csv":
        return exports.csv_response(_export_rows(event), filename=filename)
    if fmt == "xlsx":
        return exports.xlsx_response(
            _export_rows(event), filename=filename, sheet_title=_("Participants")
        )
    raise Http404


@require_POST
@guard(MANAGE, get=event_of_network, message=ORGANISERS_ONLY)
def registration_status(request, event, rid):
    registration = get_object_or_404(Registration, pk=rid, event=event)
    action = request.POST.get("action", "")
    try:
        if action == "approve":
            registration = services.registration_approve(
                actor=request.user, registration=registration
            )
        else:
            form = StatusForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose a status."))
            registration = services.registration_set_status(
                actor=request.user, registration=registration, status=form.cleaned_data["status"]
            )
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {"name": registration.name, "status": registration.get_status_display()},
        )
    return redirect("events:participants", pk=event.pk)


@guard(MANAGE, get=event_of_network, message=ORGANISERS_ONLY)
def message(request, event):
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.event_message_participants(
                actor=request.user,
                event=event,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request,
                _("The message is on its way to %(count)s participants.") % {"count": count},
            )
            return redirect("events:participants", pk=event.pk)
    return render(request, "events/message_form.html", {"event": event, "form": form})


@guard(MANAGE, get=event_of_network, message=ORGANISERS_ONLY)
def check_in(request, event):
    form = CheckInForm(request.POST if request.method == "POST" else None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            registration, first = services.registration_check_in(
                actor=request.user, event=event, code=form.cleaned_data["code"]
            )
            result = {"ok": True, "registration": registration, "first": first}
            form = CheckInForm()
        except ValidationError as exc:
            result = {"ok": False, "error": " ".join(exc.messages)}
    context = {"event": event, "form": form, "result": result, **selectors.check_in_counts(event)}
    if request.htmx:
        return render(request, "events/partials/_check_in.html", context)
    return render(request, "events/check_in.html", context)


@guard(MANAGE, get=event_of_network, message=ORGANISERS_ONLY)
def attendance(request, event):
    confirmed = selectors.confirmed_participants(event)
    if request.method == "POST":
        ids = set()
        for value in request.POST.getlist("attended"):
            try:
                ids.add(params.parse_int(value, min_value=1, max_value=params.MAX_ID))
            except params.InvalidNumber:
                continue  # not a registration of this event either
        count = services.registrations_set_attendance(
            actor=request.user, event=event, attended_ids=ids
        )
        messages.success(
            request,
            _("Attendance saved: %(count)s of %(total)s came.")
            % {"count": count, "total": len(confirmed)},
        )
        return redirect("events:participants", pk=event.pk)
    return render(request, "events/attendance.html", {"event": event, "confirmed": confirmed})
