"""A call on an edition and the applications that answer it, with their files and log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core.files import unguessable_name

from .editions import Edition


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
                condition=Q(deadline_at__gt=models.F("opens_at")),
                name="call_deadline_after_open",
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
