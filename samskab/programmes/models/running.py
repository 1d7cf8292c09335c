"""Running an edition: participants, substitutions and community champions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .calls import Application
from .editions import Session, Track


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
