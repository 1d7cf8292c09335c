"""Reads of events, reused by the events pages, the theme-group pages, feeds and the API.

Every function returns the events *visible* to the given user (anonymous if ``None``):
open events (public, or for anyone with an account) to everyone; members-only, contacts-only
and invitation-only events to their audience and to the organisers.
"""

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from samskab.accounts.models import Person
from samskab.groups.models import GroupMembership
from samskab.networks.models import Role
from samskab.networks.predicates import staff_network_ids

from .models import Answer, CalendarToken, Event, Invitation, Registration
from .predicates import contact_network_ids, coordinated_group_ids


def visible_events_q(user) -> Q:
    q = Q(audience__in=Event.OPEN_AUDIENCES)
    if user is None or not user.is_authenticated:
        return q
    if user.is_superuser:
        return Q()
    q |= Q(created_by=user)
    staff = staff_network_ids(user)
    if staff:
        q |= Q(network_id__in=staff)
    coordinated = coordinated_group_ids(user)
    if coordinated:
        q |= Q(theme_group_id__in=coordinated)
    member_groups = GroupMembership.objects.filter(
        user=user, status=GroupMembership.Status.ACTIVE
    ).values("group_id")
    q |= Q(audience=Event.Audience.GROUP_MEMBERS, theme_group_id__in=member_groups)
    admin = contact_network_ids(user, {Role.Kind.ADMIN_CONTACT})
    political = contact_network_ids(user, {Role.Kind.POLITICAL_CONTACT})
    if admin:
        q |= Q(audience=Event.Audience.ADMIN_CONTACTS, network_id__in=admin)
    if political:
        q |= Q(audience=Event.Audience.POLITICAL_CONTACTS, network_id__in=political)
    if admin or political:
        q |= Q(audience=Event.Audience.CONTACTS, network_id__in=admin | political)
    q |= Q(audience=Event.Audience.INVITED) & Q(
        Exists(Invitation.objects.filter(event=OuterRef("pk"), email=user.email.lower()))
    )
    return q


def visible_events(*, user=None, network=None) -> QuerySet:
    qs = Event.objects.filter(visible_events_q(user))
    if network is not None:
        qs = qs.filter(network=network)
    return qs.select_related("network", "theme_group").annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
        )
    )


def upcoming_events(*, network, theme_group=None, user=None) -> QuerySet:
    """Events not yet over (cancelled ones included, marked as such), soonest first."""
    qs = visible_events(user=user, network=network).filter(ends_at__gte=timezone.now())
    if theme_group is not None:
        qs = qs.filter(theme_group=theme_group)
    return qs.order_by("starts_at", "id")


def past_events(*, network, theme_group=None, user=None) -> QuerySet:
    """Events that took place (cancelled ones left out), latest first."""
    qs = visible_events(user=user, network=network).filter(
        ends_at__lt=timezone.now(), cancelled_at__isnull=True
    )
    if theme_group is not None:
        qs = qs.filter(theme_group=theme_group)
    return qs.order_by("-starts_at", "-id")


def group_meetings(group, user) -> dict:
    """A theme group's upcoming and past meetings for this viewer (the group's page; the
    groups app gets them through ``groups.selectors.register_meetings``)."""
    upcoming = upcoming_events(network=group.network, theme_group=group, user=user)
    hidden = (
        Event.objects.filter(
            theme_group=group,
            audience=Event.Audience.GROUP_MEMBERS,
            ends_at__gte=timezone.now(),
        )
        .exclude(pk__in=upcoming.values("pk"))
        .count()
    )
    return {
        "upcoming": upcoming,
        "past": past_events(network=group.network, theme_group=group, user=user),
        # Meetings this viewer may not see (for the group's members): say they exist.
        "members_only_upcoming": hidden,
    }


def _apply_filters(qs, *, kind="", theme_group_id=None, form=""):
    if kind:
        qs = qs.filter(kind=kind)
    if theme_group_id:
        qs = qs.filter(theme_group_id=theme_group_id)
    if form == "online":
        qs = qs.filter(format__in=[Event.Format.ONLINE, Event.Format.HYBRID])
    elif form == "on_site":
        qs = qs.filter(format__in=[Event.Format.ON_SITE, Event.Format.HYBRID])
    return qs


def filtered_events(*, network, user=None, kind="", theme_group_id=None, form="", past=False):
    qs = (past_events if past else upcoming_events)(network=network, user=user)
    return _apply_filters(qs, kind=kind, theme_group_id=theme_group_id, form=form)


def events_in_range(
    *, network, user=None, start, end, kind="", theme_group_id=None, form=""
) -> QuerySet:
    """Visible events overlapping [start, end), for the month view."""
    qs = visible_events(user=user, network=network).filter(starts_at__lt=end, ends_at__gte=start)
    qs = _apply_filters(qs, kind=kind, theme_group_id=theme_group_id, form=form)
    return qs.order_by("starts_at", "id")


def registration_for_user(*, event, user) -> Registration | None:
    """The user's own active registration for the event, if any."""
    if user is None or not user.is_authenticated:
        return None
    return (
        Registration.objects.active()
        .filter(event=event)
        .filter(Q(user=user) | Q(email=user.email.lower()))
        .first()
    )


def guests_of(*, event, user) -> list[Registration]:
    """The active registrations ``user`` made for others at this event."""
    if user is None or not user.is_authenticated:
        return []
    return list(
        Registration.objects.active().filter(event=event, registered_by=user).exclude(user=user)
    )


def places_left(event: Event) -> int | None:
    """Free places (``None``: no limit)."""
    if event.capacity is None:
        return None
    taken = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count()
    return max(event.capacity - taken, 0)


def waiting_position(registration: Registration) -> int | None:
    """Where a registration on the waiting list stands (1 = next in line)."""
    if registration is None or registration.status != Registration.Status.WAITING:
        return None
    ahead = (
        Registration.objects.filter(event_id=registration.event_id)
        .waiting()
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, id__lt=registration.id)
        )
    )
    return ahead.count() + 1


def status_counts(event: Event) -> dict[str, int]:
    """How many registrations the event has in each status (every status present)."""
    counts = dict.fromkeys(Registration.Status.values, 0)
    for status in event.registrations.values_list("status", flat=True):
        counts[status] += 1
    return counts


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


def participant_list(event: Event) -> list[Registration]:
    """Every registration of the event, confirmed first, each in sign-up order, with who
    signed them up, their answers (``registration.answer_map``: question id -> value) and
    their organisation (``registration.organisation_name``: the one typed at sign-up, else
    the organisation of the account holder's person)."""
    registrations = list(
        event.registrations.select_related("registered_by")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("question")))
        .order_by(STATUS_ORDER, "created_at", "id")
    )
    holders = {r.user_id for r in registrations if r.user_id and not r.organisation}
    organisations = dict(
        Person.objects.filter(user_id__in=holders, organisation__isnull=False).values_list(
            "user_id", "organisation__name"
        )
        if holders
        else ()
    )
    for registration in registrations:
        registration.answer_map = {a.question_id: a.value for a in registration.answers.all()}
        registration.organisation_name = registration.organisation or organisations.get(
            registration.user_id, ""
        )
    return registrations


def participant_summary(registrations: list[Registration]) -> dict[str, int]:
    """The numbers above the participants' list."""
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    return {
        "confirmed": len(confirmed),
        "waiting": sum(1 for r in registrations if r.status == Registration.Status.WAITING),
        "awaiting": sum(
            1 for r in registrations if r.status == Registration.Status.AWAITING_APPROVAL
        ),
        "attended": sum(1 for r in confirmed if r.attended),
        "no_shows": sum(1 for r in confirmed if r.attended is False),
    }


def check_in_counts(event: Event) -> dict[str, int]:
    return {
        "checked_in": event.registrations.filter(checked_in_at__isnull=False).count(),
        "confirmed": event.registrations.confirmed().count(),
    }


def confirmed_participants(event: Event) -> list[Registration]:
    return list(event.registrations.confirmed().order_by("name"))


def registrations_of_user(*, user, network) -> QuerySet:
    """A user's own registrations in the network, latest event first."""
    return (
        Registration.objects.filter(user=user, event__network=network)
        .select_related("event", "event__theme_group")
        .order_by("-event__starts_at")
    )


def active_registration_by_email(*, event, email: str) -> Registration | None:
    return Registration.objects.active().filter(event=event, email=email.lower()).first()


def calendar_token_of(user) -> CalendarToken | None:
    """The user's personal calendar address, if they have made one."""
    if user is None or not user.is_authenticated:
        return None
    return CalendarToken.objects.filter(user=user).first()


def personal_feed_events(user) -> QuerySet:
    """The events a user is actively signed up for (their personal calendar feed)."""
    return (
        Event.objects.filter(registrations__in=Registration.objects.active().filter(user=user))
        .select_related("network")
        .distinct()
    )


# --- My page (registered in apps.py) ---------------------------------------------------------


def dashboard_registrations(user, network) -> dict | None:
    """The user's coming sign-ups in the network, soonest first, with their cancel rights."""
    if network is None:
        return None
    now = timezone.now()
    upcoming = list(
        Registration.objects.filter(user=user, event__network=network, event__ends_at__gte=now)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at", "pk")[:10]
    )
    for registration in upcoming:
        registration.can_cancel = user.has_perm("events.cancel_registration", registration)
    return {"key": "registrations", "template": "events/_dashboard.html", "upcoming": upcoming}


def organisation_events(organisation, network, user) -> dict | None:
    """A section of the organisation's page: the coming events in ``network`` organised by
    its people, that ``user`` may see, soonest first."""
    if network is None:
        return None
    events = list(
        upcoming_events(network=network, user=user)
        .filter(created_by__person__organisation=organisation, cancelled_at__isnull=True)
        .order_by("starts_at", "id")[:10]
    )
    return {"key": "events", "template": "events/_organisation.html", "events": events}
