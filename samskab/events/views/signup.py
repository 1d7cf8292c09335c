"""The event page and signing up: for oneself, for a guest, without an account; cancelling;
one's own events and calendar address."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from samskab.core.client_ip import client_ip
from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import selectors, services
from ..forms import GuestForm, PublicSignupForm, SignupForm
from ..models import Registration
from ..services.public_signup import (
    SignupLinkExpired,
    read_cancel_token,
    read_signup_token,
)
from .common import (
    CLOSED,
    ORGANISERS_ONLY,
    event_of_network,
    registration_of_network,
    status_message,
)


@guard("events.view_event", get=event_of_network, message=CLOSED)
def event_detail(request, event):
    user = request.user
    mine = selectors.registration_for_user(event=event, user=user)
    can_manage = user.has_perm("events.manage_registrations", event)
    context = {
        "waiting_position": selectors.waiting_position(mine),
        "event": event,
        "mine": mine,
        "guests": selectors.guests_of(event=event, user=user),
        "can_manage": can_manage,
        "show_private": can_manage or bool(mine and mine.is_confirmed and not event.is_cancelled),
        "state": event.signup_state(),
        "places_left": selectors.places_left(event),
        "agenda": event.agenda_items.all(),
        "can_register": user.has_perm("events.register_self", event),
        "can_register_guest": user.has_perm("events.register_guest", event),
        "can_register_public": user.has_perm("events.register_without_account", event),
        "signup_form": SignupForm(event=event),
    }
    if can_manage:
        context["counts"] = selectors.status_counts(event)
    return render(request, "events/detail.html", context)


@guard("events.register_self", get=event_of_network, message=CLOSED)
def register_self(request, event):
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
            add_errors(form, exc)
        else:
            messages.success(request, status_message(registration))
            return redirect(event)
    return render(request, "events/register.html", {"event": event, "form": form, "guest": False})


@guard("events.register_guest", get=event_of_network, message=ORGANISERS_ONLY)
def register_guest(request, event):
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
            add_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(name)s is signed up (%(status)s) and gets an e-mail about it.")
                % {"name": registration.name, "status": registration.get_status_display()},
            )
            return redirect(event)
    return render(request, "events/register.html", {"event": event, "form": form, "guest": True})


@guard(None, get=event_of_network)
def register_public(request, event):
    """Sign-up without an account (public events): we e-mail a signed link to confirm.
    Logged-in people sign up with their account instead."""
    if request.user.is_authenticated:
        return redirect("events:register", pk=event.pk)
    if not request.user.has_perm("events.register_without_account", event):
        return redirect_to_login(request.get_full_path())
    form = PublicSignupForm(request.POST if request.method == "POST" else None, event=event)
    sent = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.public_signup_request(
                actor=request.user,
                event=event,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                answers=form.answers(),
                language=translation.get_language(),
                client_ip=client_ip(request),
                confirm_url=lambda token: request.build_absolute_uri(
                    reverse("events:register_public_confirm", args=[event.pk, token])
                ),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            sent = True
    return render(
        request, "events/register_public.html", {"event": event, "form": form, "sent": sent}
    )


def _message(request, event, title, text, status=200):
    return render(
        request,
        "events/message.html",
        {"event": event, "title": title, "text": text},
        status=status,
    )


@guard(None, get=event_of_network)
def register_public_confirm(request, event, token):
    """The link from the e-mail: shows a button (mail scanners follow links with GET);
    the POST creates the registration."""
    try:
        payload = read_signup_token(event=event, token=token)
    except SignupLinkExpired:
        return _message(
            request,
            event,
            _("The link has expired"),
            _("Please sign up again; the link is valid for two days."),
            status=400,
        )
    except ValidationError:
        if _names_another_event(token):
            raise Http404 from None
        return _message(
            request, event, _("The link is not valid"), _("Please sign up again."), status=400
        )
    existing = selectors.active_registration_by_email(event=event, email=payload["m"])
    if existing is not None:
        return _message(request, event, _("You are signed up"), status_message(existing))
    error = ""
    if request.method == "POST":
        try:
            registration = services.public_signup_confirm(event=event, token=token)
        except (ValidationError, PermissionDenied) as exc:
            error = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        else:
            return _message(request, event, _("You are signed up"), status_message(registration))
    return render(
        request,
        "events/register_public_confirm.html",
        {"event": event, "payload": payload, "error": error},
    )


def _names_another_event(token) -> bool:
    """A well-signed link for another event is a 404, as it always was."""
    from django.core import signing

    try:
        signing.loads(token, salt=services.PUBLIC_SIGNUP_SALT)
    except signing.BadSignature:
        return False
    return True


@require_http_methods(["GET", "POST"])
@guard(
    "events.cancel_registration",
    get=registration_of_network,
    message=gettext_lazy("You may not cancel this registration."),
)
def registration_cancel(request, registration):
    """GET asks once (what happens, who is told); POST cancels."""
    event = registration.event
    if request.method == "GET":
        return render(
            request,
            "events/registration_cancel.html",
            {
                "event": event,
                "registration": registration,
                "own": registration.user_id == request.user.pk,
                "next": request.GET.get("next", ""),
            },
        )
    try:
        services.registration_cancel(actor=request.user, registration=registration)
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.success(
            request, _("The registration of %(name)s is cancelled.") % {"name": registration.name}
        )
    if request.POST.get("next") == "participants" and request.user.has_perm(
        "events.manage_registrations", event
    ):
        return redirect("events:participants", pk=event.pk)
    return redirect(event)


def registration_by_cancel_link(request, token) -> Registration:
    """The registration a signed cancel link names (404 for a bad link)."""
    from django.core import signing

    try:
        data = read_cancel_token(token)
    except signing.BadSignature as exc:
        raise Http404(_("The link is not valid.")) from exc
    registration = (
        Registration.objects.select_related("event__network")
        .filter(pk=data.get("r"), code=data.get("c"))
        .first()
    )
    if registration is None:
        raise Http404(_("The link is not valid."))
    registration.cancel_token = token
    return registration


@guard(None, get=registration_by_cancel_link)
def cancel_by_link(request, registration):
    """Cancel a registration made without an account, from the link in its e-mail (a page
    with a button: mail scanners follow links)."""
    done = registration.status == Registration.Status.CANCELLED
    error = ""
    if request.method == "POST" and not done:
        try:
            registration = services.registration_cancel_by_link(token=registration.cancel_token)
            done = True
        except ValidationError as exc:
            error = " ".join(exc.messages)
    return render(
        request,
        "events/cancel_by_link.html",
        {"event": registration.event, "registration": registration, "done": done, "error": error},
    )


@guard("events.have_calendar")
def my_events(request, network):
    registrations = selectors.registrations_of_user(user=request.user, network=network)
    token = selectors.calendar_token_of(request.user)
    feed_url = (
        request.build_absolute_uri(reverse("events:personal_feed", args=[token.token]))
        if token
        else ""
    )
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
@guard("events.have_calendar")
def calendar_reset(request, network):
    had_one = selectors.calendar_token_of(request.user) is not None
    services.calendar_token_reset(actor=request.user)
    if had_one:
        messages.success(
            request, _("Your calendar address is renewed; the old one no longer works.")
        )
    else:
        messages.success(request, _("Your calendar address is ready."))
    return redirect("events:mine")
