import calendar as pycalendar
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.core import exports, params
from samskab.core.client_ip import client_ip
from samskab.core.pagination import paginate
from samskab.groups.models import ThemeGroup

from . import calendar as ical
from . import emails, selectors, services
from .forms import (
    AgendaFormSet,
    CancelEventForm,
    CheckInForm,
    EventForm,
    GuestForm,
    MessageForm,
    PublicSignupForm,
    QuestionFormSet,
    SignupForm,
    StatusForm,
)
from .models import Answer, CalendarToken, Event, Registration

PUBLIC_SIGNUP_SALT = "events.public-signup"
PUBLIC_SIGNUP_MAX_AGE = 60 * 60 * 48


def _network(request):
    if request.network is None:
        raise Http404(_("No network is configured for this address."))
    return request.network


def _event(request, pk, *, perm="events.view_event") -> Event:
    """The event of this network, if the user may see it (or do ``perm`` on it)."""
    event = get_object_or_404(
        Event.objects.select_related("network", "theme_group", "created_by"),
        pk=pk,
        network=_network(request),
    )
    if not request.user.has_perm(perm, event):
        if not request.user.is_authenticated:
            raise _LoginRequired
        if perm == "events.view_event":
            raise PermissionDenied(_("This event is for a closed group of participants."))
        raise PermissionDenied(_("Only the event's organisers may do this."))
    return event


class _LoginRequired(Exception):
    pass


def _guard(view):
    """Send anonymous visitors of a protected page to the log-in page."""

    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _validation_messages(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


# --- lists and calendars -----------------------------------------------------------------


def _filters(request, network):
    kind = request.GET.get("kind", "")
    kind = kind if kind in Event.Kind.values else ""
    form = request.GET.get("form", "")
    form = form if form in ("online", "on_site") else ""
    group_id = params.query_int(
        request, "group", min_value=1, max_value=params.MAX_ID, label=_("Theme group")
    )
    return {
        "kind": kind,
        "form": form,
        "group_id": group_id,
        "groups": ThemeGroup.objects.filter(network=network).order_by("name"),
        "kinds": Event.Kind.choices,
    }


def _list(request, *, past: bool):
    network = _network(request)
    filters = _filters(request, network)
    events = selectors.filtered_events(
        network=network,
        user=request.user,
        kind=filters["kind"],
        theme_group_id=filters["group_id"],
        form=filters["form"],
        past=past,
    )
    page = paginate(request, events, per_page=20)
    context = {
        "page_obj": page,
        "events": page.object_list,
        "past": past,
        **filters,
        "filtered": bool(filters["kind"] or filters["form"] or filters["group_id"]),
        "can_add": request.user.has_perm("events.add_event", network),
    }
    if request.htmx:
        return render(request, "events/partials/_results.html", context)
    return render(request, "events/list.html", context)


def event_list(request):
    return _list(request, past=False)


def event_past(request):
    return _list(request, past=True)


def event_month(request, year=None, month=None):
    network = _network(request)
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404(_("No such month."))
    tz = timezone.get_current_timezone()
    first = datetime.date(year, month, 1)
    nxt = (first + datetime.timedelta(days=32)).replace(day=1)
    prev = (first - datetime.timedelta(days=1)).replace(day=1)
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(nxt, datetime.time.min, tzinfo=tz)
    filters = _filters(request, network)
    events = list(
        selectors.events_in_range(
            network=network,
            user=request.user,
            start=start,
            end=end,
            kind=filters["kind"],
            theme_group_id=filters["group_id"],
            form=filters["form"],
        )
    )
    by_day: dict[datetime.date, list] = {}
    for event in events:
        day = max(timezone.localtime(event.starts_at).date(), first)
        last = min(timezone.localtime(event.ends_at).date(), nxt - datetime.timedelta(days=1))
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = [
        [
            {
                "date": d,
                "in_month": d.month == month,
                "events": by_day.get(d, []),
                "today": d == today,
            }
            for d in week
        ]
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    context = {
        "weeks": weeks,
        "month": first,
        "prev": prev,
        "next": nxt,
        "events": events,
        "weekdays": [weeks[0][i]["date"] for i in range(7)],
        "can_add": request.user.has_perm("events.add_event", network),
        "query": ("?" + request.GET.urlencode()) if request.GET else "",
        **filters,
    }
    return render(request, "events/month.html", context)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def network_feed(request):
    """All upcoming and recent open events of the network (public fields only)."""
    network = _network(request)
    since = timezone.now() - datetime.timedelta(days=90)
    events = selectors.visible_events(user=None, network=network).filter(ends_at__gte=since)
    return _ics_response(
        ical.calendar(events, name=network.name, request=request), f"{network.slug}.ics"
    )


def group_feed(request, slug):
    network = _network(request)
    group = get_object_or_404(ThemeGroup, network=network, slug=slug)
    since = timezone.now() - datetime.timedelta(days=90)
    events = selectors.visible_events(user=None, network=network).filter(
        theme_group=group, ends_at__gte=since
    )
    return _ics_response(
        ical.calendar(events, name=f"{group.name} – {network.name}", request=request), f"{slug}.ics"
    )


def personal_feed(request, token):
    """A person's own sign-ups, by the secret in the URL. Public fields only: the link to
    each event's page leads to the online link after logging in."""
    feed = get_object_or_404(CalendarToken.objects.select_related("user"), token=token)
    user = feed.user
    events = (
        Event.objects.filter(registrations__in=Registration.objects.active().filter(user=user))
        .select_related("network")
        .distinct()
    )
    return _ics_response(
        ical.calendar(events, name=_("My events"), request=request), "my-events.ics"
    )


@_guard
def event_ics(request, pk):
    event = _event(request, pk)
    mine = selectors.registration_for_user(event=event, user=request.user)
    private = bool(mine and mine.is_confirmed and not event.is_cancelled)
    return _ics_response(
        ical.event_ics(event, private=private, request=request), f"event-{event.pk}.ics"
    )


# --- the event page and sign-up ---------------------------------------------------------


@_guard
def event_detail(request, pk):
    event = _event(request, pk)
    user = request.user
    mine = selectors.registration_for_user(event=event, user=user)
    can_manage = user.has_perm("events.manage_registrations", event)
    guests = []
    if user.is_authenticated:
        guests = list(
            Registration.objects.active().filter(event=event, registered_by=user).exclude(user=user)
        )
    state = event.signup_state()
    waiting_position = None
    if mine is not None and mine.status == Registration.Status.WAITING:
        waiting_position = (
            Registration.objects.filter(event=event)
            .waiting()
            .filter(
                Q(created_at__lt=mine.created_at) | Q(created_at=mine.created_at, id__lt=mine.id)
            )
            .count()
            + 1
        )
    context = {
        "waiting_position": waiting_position,
        "event": event,
        "mine": mine,
        "guests": guests,
        "can_manage": can_manage,
        "show_private": can_manage or bool(mine and mine.is_confirmed and not event.is_cancelled),
        "state": state,
        "places_left": services.places_left(event),
        "agenda": event.agenda_items.all(),
        "can_register": user.has_perm("events.register_self", event),
        "can_register_guest": user.has_perm("events.register_guest", event),
        "can_register_public": user.has_perm("events.register_without_account", event),
        "signup_form": SignupForm(event=event),
    }
    if can_manage:
        counts = dict.fromkeys(Registration.Status.values, 0)
        for status in event.registrations.values_list("status", flat=True):
            counts[status] += 1
        context["counts"] = counts
    return render(request, "events/detail.html", context)


@login_required
@_guard
def register_self(request, pk):
    event = _event(request, pk)
    form = SignupForm(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                actor=request.user,
                event=event,
                answers=form.answers(),
                language=translation.get_language(),
            )
        except ValidationError as exc:
            for message in _validation_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _status_message(registration))
            return redirect(event)
    return render(request, "events/register.html", {"event": event, "form": form, "guest": False})


def _status_message(registration) -> str:
    if registration.status == Registration.Status.CONFIRMED:
        return _("You are signed up. Your confirmation code is %(code)s.") % {
            "code": registration.code
        }
    if registration.status == Registration.Status.WAITING:
        return _(
            "The event is full: you are on the waiting list. We write to you as soon "
            "as a place is free."
        )
    return _("Thank you. The organisers will approve your sign-up.")


@login_required
@_guard
def register_guest(request, pk):
    event = _event(request, pk, perm="events.register_guest")
    form = GuestForm(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.registration_create(
                actor=request.user,
                event=event,
                attendee=services.Attendee(data["name"], data["email"], data["organisation"]),
                answers=form.answers(),
                language=translation.get_language(),
            )
        except ValidationError as exc:
            for message in _validation_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("%(name)s is signed up (%(status)s) and gets an e-mail about it.")
                % {"name": registration.name, "status": registration.get_status_display()},
            )
            return redirect(event)
    return render(request, "events/register.html", {"event": event, "form": form, "guest": True})


PUBLIC_SIGNUP_LIMIT = 10  # confirmation mails per hour, per address and per IP address


def _too_many_mails(request, email: str) -> bool:
    """Keep the public form from being used to send mail to strangers in bulk."""
    from django.core.cache import cache

    keys = [
        f"events:signup-mail:ip:{client_ip(request)}",
        f"events:signup-mail:to:{email.lower()}",
    ]
    too_many = False
    for key in keys:
        cache.add(key, 0, 3600)
        too_many |= cache.incr(key) > PUBLIC_SIGNUP_LIMIT
    return too_many


def register_public(request, pk):
    """Sign-up without an account (public events): we e-mail a signed link to confirm."""
    event = get_object_or_404(
        Event.objects.select_related("network"), pk=pk, network=_network(request)
    )
    if request.user.is_authenticated:
        return redirect("events:register", pk=event.pk)
    if not request.user.has_perm("events.register_without_account", event):
        return redirect_to_login(request.get_full_path())
    form = PublicSignupForm(request.POST if request.method == "POST" else None, event=event)
    sent = False
    if request.method == "POST" and form.is_valid():
        if event.signup_state() != "open":
            form.add_error(None, _("Sign-up is not open."))
        elif _too_many_mails(request, form.cleaned_data["email"]):
            form.add_error(
                None, _("Too many sign-ups from here just now. Please try again in an hour.")
            )
        else:
            data = form.cleaned_data
            payload = {
                "e": event.pk,
                "n": data["name"],
                "m": data["email"].lower(),
                "o": data["organisation"],
                "l": translation.get_language(),
                "a": {str(k): v for k, v in form.answers().items() if v},
            }
            token = signing.dumps(payload, salt=PUBLIC_SIGNUP_SALT, compress=True)
            link = request.build_absolute_uri(
                reverse("events:register_public_confirm", args=[event.pk, token])
            )
            with transaction.atomic():
                emails.public_signup_confirm(
                    event=event, email=payload["m"], link=link, language=payload["l"]
                )
            sent = True
    return render(
        request, "events/register_public.html", {"event": event, "form": form, "sent": sent}
    )


def register_public_confirm(request, pk, token):
    """The link from the e-mail: shows a button (mail scanners follow links with GET);
    the POST creates the registration."""
    event = get_object_or_404(
        Event.objects.select_related("network"), pk=pk, network=_network(request)
    )
    try:
        payload = signing.loads(token, salt=PUBLIC_SIGNUP_SALT, max_age=PUBLIC_SIGNUP_MAX_AGE)
    except signing.SignatureExpired:
        return render(
            request,
            "events/message.html",
            {
                "event": event,
                "title": _("The link has expired"),
                "text": _("Please sign up again; the link is valid for two days."),
            },
            status=400,
        )
    except signing.BadSignature:
        return render(
            request,
            "events/message.html",
            {
                "event": event,
                "title": _("The link is not valid"),
                "text": _("Please sign up again."),
            },
            status=400,
        )
    if payload.get("e") != event.pk:
        raise Http404
    existing = Registration.objects.active().filter(event=event, email=payload["m"]).first()
    if existing is not None:
        return render(
            request,
            "events/message.html",
            {"event": event, "title": _("You are signed up"), "text": _status_message(existing)},
        )
    error = ""
    if request.method == "POST":
        try:
            registration = services.registration_create(
                actor=None,
                event=event,
                attendee=services.Attendee(payload["n"], payload["m"], payload.get("o", "")),
                answers=payload.get("a"),
                language=payload.get("l", "da"),
            )
        except (ValidationError, PermissionDenied) as exc:
            error = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        else:
            return render(
                request,
                "events/message.html",
                {
                    "event": event,
                    "title": _("You are signed up"),
                    "text": _status_message(registration),
                },
            )
    return render(
        request,
        "events/register_public_confirm.html",
        {"event": event, "payload": payload, "error": error},
    )


@require_POST
@login_required
@_guard
def registration_cancel(request, pk, rid):
    event = _event(request, pk)
    registration = get_object_or_404(Registration, pk=rid, event=event)
    try:
        services.registration_cancel(actor=request.user, registration=registration)
    except ValidationError as exc:
        for message in _validation_messages(exc):
            messages.error(request, message)
    else:
        messages.success(
            request, _("The registration of %(name)s is cancelled.") % {"name": registration.name}
        )
    if request.POST.get("next") == "participants" and request.user.has_perm(
        "events.manage_registrations", event
    ):
        return redirect("events:participants", pk=event.pk)
    return redirect(event)


def cancel_by_link(request, token):
    """Cancel a registration made without an account, from the link in its e-mail."""
    try:
        data = signing.loads(token, salt=emails.CANCEL_SALT)
    except signing.BadSignature as exc:
        raise Http404(_("The link is not valid.")) from exc
    registration = get_object_or_404(
        Registration.objects.select_related("event__network"), pk=data.get("r"), code=data.get("c")
    )
    event = registration.event
    done = registration.status == Registration.Status.CANCELLED
    error = ""
    if request.method == "POST" and not done:
        try:
            services.registration_cancel(
                actor=None, registration=registration, via_signed_link=True
            )
            done = True
        except ValidationError as exc:
            error = " ".join(exc.messages)
    return render(
        request,
        "events/cancel_by_link.html",
        {"event": event, "registration": registration, "done": done, "error": error},
    )


@login_required
def my_events(request):
    network = _network(request)
    registrations = (
        Registration.objects.filter(user=request.user, event__network=network)
        .select_related("event", "event__theme_group")
        .order_by("-event__starts_at")
    )
    token = services.calendar_token_for(request.user)
    feed_url = request.build_absolute_uri(reverse("events:personal_feed", args=[token.token]))
    now = timezone.now()
    return render(
        request,
        "events/mine.html",
        {
            "upcoming": [r for r in registrations if r.event.ends_at >= now],
            "past": [r for r in registrations if r.event.ends_at < now],
            "feed_url": feed_url,
            "can_add": request.user.has_perm("events.add_event", network),
        },
    )


@require_POST
@login_required
def calendar_reset(request):
    services.calendar_token_reset(actor=request.user)
    messages.success(request, _("Your calendar address is renewed; the old one no longer works."))
    return redirect("events:mine")


# --- organisers ------------------------------------------------------------------------


def _groups_for(user, network):
    groups = ThemeGroup.objects.filter(network=network).order_by("name")
    if user.has_perm("networks.manage_network", network):
        return groups
    from .predicates import coordinated_group_ids

    return groups.filter(id__in=coordinated_group_ids(user))


def _event_form_page(request, *, event, network):
    instance = event or Event(network=network)
    groups = _groups_for(request.user, network)
    if event is not None and event.theme_group_id:
        groups = groups | ThemeGroup.objects.filter(pk=event.theme_group_id)
    form = EventForm(
        request.POST or None,
        instance=instance,
        network=network,
        groups=groups,
    )
    agenda = AgendaFormSet(
        request.POST if request.method == "POST" else None, instance=instance, prefix="agenda"
    )
    questions = QuestionFormSet(
        request.POST if request.method == "POST" else None, instance=instance, prefix="questions"
    )
    if request.method == "POST" and form.is_valid() and agenda.is_valid() and questions.is_valid():
        try:
            with transaction.atomic():
                if event is None:
                    saved = services.event_create(
                        actor=request.user,
                        network=network,
                        data=form.event_data(),
                        invitations=form.cleaned_data["invitations"],
                    )
                else:
                    saved = services.event_update(
                        actor=request.user,
                        event=event,
                        data=form.event_data(),
                        invitations=form.cleaned_data["invitations"],
                    )
                for formset in (agenda, questions):
                    formset.instance = saved
                    formset.save()
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            else:
                for message in exc.messages:
                    form.add_error(None, message)
        else:
            messages.success(request, _("The event is saved."))
            return redirect(saved)
    return render(
        request,
        "events/edit.html",
        {"form": form, "agenda": agenda, "questions": questions, "event": event},
    )


@login_required
def event_create(request):
    network = _network(request)
    if not request.user.has_perm("events.add_event", network):
        raise PermissionDenied(
            _("Only the secretariat and theme-group coordinators may create events.")
        )
    return _event_form_page(request, event=None, network=network)


@login_required
@_guard
def event_edit(request, pk):
    event = _event(request, pk, perm="events.change_event")
    if event.is_cancelled:
        messages.error(request, _("A cancelled event cannot be changed."))
        return redirect(event)
    return _event_form_page(request, event=event, network=event.network)


@login_required
@_guard
def event_cancel(request, pk):
    event = _event(request, pk, perm="events.change_event")
    form = CancelEventForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.event_cancel(actor=request.user, event=event, message=form.cleaned_data["message"])
        messages.success(request, _("The event is cancelled and everyone signed up is told."))
        return redirect(event)
    return render(request, "events/cancel.html", {"event": event, "form": form})


STATUS_ORDER = Case(
    *(
        When(status=status, then=Value(i))
        for i, status in enumerate(
            [
                Registration.Status.CONFIRMED,
                Registration.Status.AWAITING_APPROVAL,
                Registration.Status.WAITING,
                Registration.Status.CANCELLED,
            ]
        )
    ),
    output_field=IntegerField(),
)


def _participants(event):
    return list(
        event.registrations.select_related("registered_by")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("question")))
        .order_by(STATUS_ORDER, "created_at", "id")
    )


def _answer_map(registration) -> dict[int, str]:
    return {a.question_id: a.value for a in registration.answers.all()}


@login_required
@_guard
def participants(request, pk):
    event = _event(request, pk, perm="events.manage_registrations")
    questions = list(event.questions.all())
    rows = []
    for registration in _participants(event):
        answers = _answer_map(registration)
        rows.append({"r": registration, "answers": [answers.get(q.pk, "") for q in questions]})
    statuses = Registration.Status
    context = {
        "event": event,
        "rows": rows,
        "questions": questions,
        "statuses": statuses.choices,
        "confirmed": sum(1 for r in rows if r["r"].status == statuses.CONFIRMED),
        "waiting": sum(1 for r in rows if r["r"].status == statuses.WAITING),
        "awaiting": sum(1 for r in rows if r["r"].status == statuses.AWAITING_APPROVAL),
        "attended": sum(1 for r in rows if r["r"].status == statuses.CONFIRMED and r["r"].attended),
        "no_shows": sum(
            1 for r in rows if r["r"].status == statuses.CONFIRMED and r["r"].attended is False
        ),
        "places_left": services.places_left(event),
    }
    return render(request, "events/participants.html", context)


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
    header += [q.label for q in questions]
    rows = [header]
    for r in _participants(event):
        answers = _answer_map(r)
        rows.append(
            [
                r.name,
                r.email,
                r.organisation,
                r.get_status_display(),
                r.code,
                timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
                r.registered_by.get_full_name() if r.registered_by_id else "",
                r.registered_by.email if r.registered_by_id else "",
                timezone.localtime(r.checked_in_at).strftime("%Y-%m-%d %H:%M")
                if r.checked_in_at
                else "",
                {True: _("yes"), False: _("no"), None: ""}[r.attended],
            ]
            + [answers.get(q.pk, "") for q in questions]
        )
    return rows


@login_required
@_guard
def participants_export(request, pk, fmt):
    event = _event(request, pk, perm="events.manage_registrations")
    filename = f"participants-{event.pk}.{fmt}"
    if fmt == "csv":
        return exports.csv_response(_export_rows(event), filename=filename)
    if fmt == "xlsx":
        return exports.xlsx_response(
            _export_rows(event), filename=filename, sheet_title=_("Participants")
        )
    raise Http404


@require_POST
@login_required
@_guard
def registration_status(request, pk, rid):
    event = _event(request, pk, perm="events.manage_registrations")
    registration = get_object_or_404(Registration, pk=rid, event=event)
    action = request.POST.get("action", "")
    try:
        if action == "approve":
            services.registration_approve(actor=request.user, registration=registration)
        else:
            form = StatusForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose a status."))
            services.registration_set_status(
                actor=request.user, registration=registration, status=form.cleaned_data["status"]
            )
    except ValidationError as exc:
        for message in _validation_messages(exc):
            messages.error(request, message)
    else:
        registration.refresh_from_db()
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {"name": registration.name, "status": registration.get_status_display()},
        )
    return redirect("events:participants", pk=event.pk)


@login_required
@_guard
def message(request, pk):
    event = _event(request, pk, perm="events.manage_registrations")
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        count = services.event_message_participants(
            actor=request.user,
            event=event,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
        )
        messages.success(
            request, _("The message is on its way to %(count)s participants.") % {"count": count}
        )
        return redirect("events:participants", pk=event.pk)
    return render(request, "events/message_form.html", {"event": event, "form": form})


@login_required
@_guard
def check_in(request, pk):
    event = _event(request, pk, perm="events.manage_registrations")
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
    checked_in = event.registrations.filter(checked_in_at__isnull=False).count()
    confirmed = event.registrations.confirmed().count()
    context = {
        "event": event,
        "form": form,
        "result": result,
        "checked_in": checked_in,
        "confirmed": confirmed,
    }
    if request.htmx:
        return render(request, "events/partials/_check_in.html", context)
    return render(request, "events/check_in.html", context)


@login_required
@_guard
def attendance(request, pk):
    event = _event(request, pk, perm="events.manage_registrations")
    confirmed = list(event.registrations.confirmed().order_by("name"))
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
