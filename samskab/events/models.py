"""Events and sign-up.

An event belongs to a network and optionally to a theme group. Times are stored in UTC
and shown in the network's time zone. The model is deliberately generic: the programmes
app hangs its course days, network meetings and conferences on it by pointing at an
``Event`` from its own models, so nothing here knows about programmes.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the door
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Event(models.Model):
    class Kind(models.TextChoices):
        THEME_MEETING = "theme_meeting", _("theme meeting")
        GATHERING = "gathering", _("gathering")
        WORKSHOP = "workshop", _("workshop")
        COURSE_DAY = "course_day", _("course day")
        NETWORK_MEETING = "network_meeting", _("network meeting")
        CONFERENCE = "conference", _("conference")

    class Format(models.TextChoices):
        ONLINE = "online", _("online")
        ON_SITE = "on_site", _("on site")
        HYBRID = "hybrid", _("on site and online")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("everyone, also without an account")
        LOGGED_IN = "logged_in", _("everyone with an account")
        GROUP_MEMBERS = "group_members", _("members of the theme group")
        CONTACTS = "contacts", _("the network's administrative and political contacts")
        ADMIN_CONTACTS = "admin_contacts", _("the network's administrative contacts")
        POLITICAL_CONTACTS = "political_contacts", _("the network's political contacts")
        INVITED = "invited", _("invited people only")

    # Audiences everyone may see (the page, feeds, API); the others are visible only to
    # their audience and the organisers.
    OPEN_AUDIENCES = (Audience.PUBLIC, Audience.LOGGED_IN)

    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("network"),
    )
    theme_group = models.ForeignKey(
        "groups.ThemeGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("theme group"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: **bold**, lists, links.")
    )
    kind = models.CharField(
        _("kind"), max_length=32, choices=Kind.choices, default=Kind.THEME_MEETING
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    format = models.CharField(
        _("form"), max_length=16, choices=Format.choices, default=Format.ONLINE
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    # Shown to confirmed participants only (page, e-mail, their .ics), never in public.
    online_url = models.URLField(
        _("online meeting link"),
        max_length=500,
        blank=True,
        help_text=_("Shown only to confirmed participants."),
    )
    practical_details = models.TextField(
        _("practical details"),
        blank=True,
        help_text=_("Room, door code, parking and the like. Shown only to confirmed participants."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    audience = models.CharField(
        _("who may sign up"), max_length=32, choices=Audience.choices, default=Audience.LOGGED_IN
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for unlimited.")
    )
    signup_opens_at = models.DateTimeField(_("sign-up opens"), null=True, blank=True)
    signup_closes_at = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    requires_approval = models.BooleanField(
        _("organisers approve sign-ups"),
        default=False,
        help_text=_("Sign-ups wait for an organiser's approval before they are confirmed."),
    )
    reminder_hours = models.PositiveIntegerField(
        _("reminder (hours before)"),
        null=True,
        blank=True,
        default=24,
        help_text=_(
            "Confirmed participants get a reminder this many hours before the start. "
            "Leave empty for no reminder."
        ),
    )
    materials = models.TextField(
        _("materials"), blank=True, help_text=_("Slides, links and notes; shown after the event.")
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)  # iCalendar SEQUENCE
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_events",
        verbose_name=_("organiser"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["network", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start",
                violation_error_message=_("The event cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("events:detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event cannot end before it starts.")
        if (
            self.signup_opens_at
            and self.signup_closes_at
            and self.signup_closes_at < self.signup_opens_at
        ):
            errors["signup_closes_at"] = _("Sign-up cannot close before it opens.")
        if self.audience == self.Audience.GROUP_MEMBERS and not self.theme_group_id:
            errors["audience"] = _("Choose a theme group for a members-only event.")
        if (
            self.theme_group_id
            and self.network_id
            and self.theme_group.network_id != self.network_id
        ):
            errors["theme_group"] = _("The theme group belongs to another network.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def is_online(self) -> bool:
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    @property
    def is_on_site(self) -> bool:
        return self.format in (self.Format.ON_SITE, self.Format.HYBRID)

    def signup_state(self, now=None) -> str:
        """'open', 'not_yet', 'closed', 'past' or 'cancelled'."""
        now = now or timezone.now()
        if self.is_cancelled:
            return "cancelled"
        if self.starts_at <= now:
            return "past"
        if self.signup_opens_at and now < self.signup_opens_at:
            return "not_yet"
        if self.signup_closes_at and now >= self.signup_closes_at:
            return "closed"
        return "open"


class AgendaItem(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("event")
    )
    time = models.TimeField(_("time"), null=True, blank=True)
    title = models.CharField(_("item"), max_length=200)
    description = models.TextField(_("details"), blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "time", "id"]

    def __str__(self):
        return self.title


class Question(models.Model):
    """A question the organiser asks at sign-up (e.g. dietary needs)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("text")
        CHOICE = "choice", _("choice")
        YES_NO = "yes_no", _("yes/no")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="questions", verbose_name=_("event")
    )
    label = models.CharField(_("question"), max_length=300)
    kind = models.CharField(
        _("answer type"), max_length=16, choices=Kind.choices, default=Kind.TEXT
    )
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For a choice: one option per line.")
    )
    required = models.BooleanField(_("answer required"), default=False)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("sign-up question")
        verbose_name_plural = _("sign-up questions")
        ordering = ["position", "id"]

    def __str__(self):
        return self.label

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        if self.kind == self.Kind.CHOICE and len(self.choice_list()) < 2:
            raise ValidationError({"choices": _("A choice needs at least two options.")})


class Invitation(models.Model):
    """For events open to invited people only: who is invited, by e-mail address."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("event")
    )
    email = models.EmailField(_("e-mail"))

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="invitation_unique"),
        ]

    def __str__(self):
        return self.email


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "id")


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")
        AWAITING_APPROVAL = "awaiting_approval", _("awaiting approval")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    # The participant's own account, if any. Guests signed up by a colleague and people
    # who signed up to a public event without an account have none.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("user"),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations_made",
        verbose_name=_("signed up by"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, default="da")
    status = models.CharField(_("status"), max_length=32, choices=Status.choices)
    code = models.CharField(_("confirmation code"), max_length=12)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["event", "status", "created_at"])]
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="registration_unique_code"),
            # One active registration per address and event.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="registration_unique_active_email",
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.event}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class Answer(models.Model):
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("registration"),
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    value = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["registration", "question"], name="answer_unique"),
        ]

    def __str__(self):
        return self.value


class CalendarToken(models.Model):
    """The secret in a person's calendar feed URL (their own sign-ups)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self):
        return f"{self.user}"
