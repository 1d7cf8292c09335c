"""Programmes, their yearly editions, tracks and sessions."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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
