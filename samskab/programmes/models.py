"""Programmes that municipalities apply to.

A ``Programme`` (Netværk for Fællesskabsagenter) runs as yearly ``Edition``s; an edition has
``Track``s (leader track, employee track) and at most one ``Call`` with its form (a
``formbuilder.Form``). An organisation answers the call with one ``Application``; every
status change is kept as an ``ApplicationLogEntry`` (who and when). The next issue hangs the
edition's sessions (``events.Event``) and champions on ``Edition`` and ``Track``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core.files import unguessable_name


class Programme(models.Model):
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="programmes",
        verbose_name=_("network"),
    )
    slug = models.SlugField(_("address name"), max_length=120)
    name = models.CharField(_("name"), max_length=200)
    lead = models.CharField(_("lead"), max_length=400, blank=True)
    purpose = models.TextField(
        _("purpose"), blank=True, help_text=_("Markdown: **bold**, lists, links.")
    )
    funder = models.CharField(_("funded by"), max_length=200, blank=True)
    participation = models.TextField(
        _("what participation costs and gives"),
        blank=True,
        help_text=_("For example: free; the municipality commits staff hours."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_title = models.CharField(_("contact's title"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="programme_unique_slug")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:detail", args=[self.slug])


class Edition(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="editions", verbose_name=_("programme")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    focus = models.TextField(
        _("focus areas"), blank=True, help_text=_("Markdown: **bold**, lists, links.")
    )
    description = models.TextField(
        _("about this edition"), blank=True, help_text=_("Markdown: **bold**, lists, links.")
    )
    timeline = models.TextField(
        _("timeline"),
        blank=True,
        help_text=_("Course days, network meetings and the closing conference. Markdown."),
    )
    champion_target = models.PositiveSmallIntegerField(
        _("champions per municipality (target)"), default=5
    )
    champion_max = models.PositiveSmallIntegerField(
        _("champions per municipality (most)"), default=8
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["programme", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "year"], name="edition_unique_year")
        ]

    def __str__(self):
        return f"{self.programme} {self.year}"

    def get_absolute_url(self):
        return reverse("programmes:edition", args=[self.programme.slug, self.year])


class Track(models.Model):
    """A track of an edition (lederspor, medarbejderspor); sessions hang on it later."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="tracks", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["edition", "position", "id"]

    def __str__(self):
        return self.name


class Session(models.Model):
    """A day of an edition: an ``events.Event`` (course day, network meeting, conference)
    that belongs to one or more of the edition's tracks, with a topic per track
    (``SessionTrack``). Registrations, e-mails and the .ics are the event's."""

    KINDS = ("course_day", "network_meeting", "conference")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("edition")
    )
    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="programme_session",
        verbose_name=_("event"),
    )
    tracks = models.ManyToManyField(
        Track,
        through="SessionTrack",
        related_name="sessions",
        verbose_name=_("tracks"),
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["edition", "event__starts_at", "id"]

    def __str__(self):
        return str(self.event)


class SessionTrack(models.Model):
    """A session's place in one track, with that track's topic for the day (translated:
    ``topic_da``, ``topic_nb``, ``topic_en``; see ``translation.py``)."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="session_tracks", verbose_name=_("session")
    )
    track = models.ForeignKey(
        Track, on_delete=models.CASCADE, related_name="session_tracks", verbose_name=_("track")
    )
    topic = models.TextField(_("topic"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("topic of a track")
        verbose_name_plural = _("topics of the tracks")
        ordering = ["session", "track__position", "track_id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "track"], name="session_track_unique")
        ]

    def __str__(self):
        return f"{self.session} – {self.track}"


class Call(models.Model):
    class Eligibility(models.TextChoices):
        COUNTRY = "country", _("every municipality of the network's country")
        MEMBERS = "members", _("the network's member municipalities")
        LISTED = "listed", _("the organisations listed below")

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="call", verbose_name=_("edition")
    )
    opens_at = models.DateTimeField(_("opens"))
    deadline_at = models.DateTimeField(_("deadline"))
    seats = models.PositiveIntegerField(_("seats"))
    eligibility = models.CharField(
        _("who may apply"), max_length=16, choices=Eligibility.choices, default=Eligibility.COUNTRY
    )
    listed_organisations = models.ManyToManyField(
        "networks.Organisation",
        blank=True,
        related_name="listed_in_calls",
        verbose_name=_("listed organisations"),
    )
    text = models.TextField(_("text of the call"), blank=True, help_text=_("Markdown."))
    form = models.ForeignKey(
        "formbuilder.Form",
        on_delete=models.PROTECT,
        related_name="calls",
        verbose_name=_("application form"),
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("named reviewers"),
        help_text=_("Besides the secretariat, who reads and scores the applications."),
    )
    letter_accepted = models.TextField(_("letter: accepted"), blank=True)
    letter_waiting = models.TextField(_("letter: waiting list"), blank=True)
    letter_rejected = models.TextField(_("letter: rejected"), blank=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline_at__gt=models.F("opens_at")), name="call_deadline_after_open",
                violation_error_message=_("The deadline must come after the call opens."),
            ),
        ]

    def __str__(self):
        return str(self.edition)

    def state(self, now=None) -> str:
        """'not_yet', 'open' or 'closed'. The deadline second itself still counts."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "not_yet"
        if now > self.deadline_at:
            return "closed"
        return "open"


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")
        WAITING = "waiting", _("waiting list")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    DECISIONS = (Status.ACCEPTED, Status.WAITING, Status.REJECTED)

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="applications", verbose_name=_("call")
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        on_delete=models.CASCADE,
        related_name="programme_applications",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    form_version = models.ForeignKey(
        "formbuilder.FormVersion",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("form version"),
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case in the case bank"),
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["call", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"], name="application_one_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.call}"

    def get_absolute_url(self):
        return reverse("programmes:application", args=[self.pk])


def application_file_path(instance, filename):
    return unguessable_name("applications", filename)


class ApplicationFile(models.Model):
    """A file uploaded as the answer to a file question. Private: served only to those who
    may see the application. A replaced file stays (an answer is never lost)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="files", verbose_name=_("application")
    )
    question_id = models.CharField(_("question"), max_length=40)
    file = models.FileField(_("file"), upload_to=application_file_path, max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("application file")
        verbose_name_plural = _("application files")
        ordering = ["application", "uploaded_at", "id"]

    def __str__(self):
        return self.filename


class ApplicationLogEntry(models.Model):
    """Every save, submission, withdrawal and decision: who, when, what."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="log", verbose_name=_("application")
    )
    action = models.CharField(_("action"), max_length=32)
    status = models.CharField(_("status"), max_length=16, choices=Application.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    letter = models.TextField(_("letter"), blank=True)

    class Meta:
        verbose_name = _("application log entry")
        verbose_name_plural = _("application log")
        ordering = ["application", "at", "id"]

    def __str__(self):
        return f"{self.application}: {self.action}"


class Criterion(models.Model):
    """What the secretariat scores applications on, with the call's own scale
    ("local anchoring 1–5")."""

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call")
    )
    name = models.CharField(_("name"), max_length=200)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gt=models.F("scale_min")), name="criterion_scale_order",
                violation_error_message=_("The top of the scale must be above its bottom."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.scale_min}–{self.scale_max})"


class Review(models.Model):
    """One reviewer's internal assessment of one application: a score per criterion and a
    comment. Never shown to applicants."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("application")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    comment = models.TextField(_("internal comment"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["application", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="review_one_per_reviewer"
            )
        ]

    def __str__(self):
        return f"{self.application} – {self.reviewer}"


class Score(models.Model):
    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="scores", verbose_name=_("review")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="scores", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_one_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Participant(models.Model):
    """One of an accepted municipality's people in the edition (from its application's
    people list, kept up to date by the municipality), in one track. Registered to every
    session of that track at once (the events' registrations)."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("application"),
    )
    track = models.ForeignKey(
        Track,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("track"),
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["application", "position", "id"]

    def __str__(self):
        return self.name


class Substitution(models.Model):
    """A participant declined one session, and whom the municipality sent instead (if
    anyone: the substitute's name and e-mail are empty otherwise). Registering the edition
    again leaves a declined session alone."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="substitutions",
        verbose_name=_("participant"),
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="substitutions", verbose_name=_("session")
    )
    name = models.CharField(_("substitute's name"), max_length=200, blank=True)
    email = models.EmailField(_("substitute's e-mail"), blank=True)
    registration = models.ForeignKey(
        "events.Registration",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("registration"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("substitution")
        verbose_name_plural = _("substitutions")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "session"], name="substitution_one_per_session"
            )
        ]

    def __str__(self):
        return f"{self.participant} ({self.session})"


class Champion(models.Model):
    """A volunteer citizen (fællesskabsagent) a municipality recruits. No account needed;
    minimal data; the consent they gave is kept as given (when, and the text)."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="champions",
        verbose_name=_("municipality's application"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    area = models.CharField(_("area"), max_length=200, blank=True)
    consent_text = models.TextField(_("consent given to"))
    consented_at = models.DateTimeField(_("consent given"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("community champion")
        verbose_name_plural = _("community champions")
        ordering = ["application", "created_at", "id"]

    def __str__(self):
        return self.name
