"""The audit trail: one row for every change staff and coordinators make."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    # Roles in a network and memberships of theme groups and organisations.
    ROLE_ADDED = "role_added", _("role given")
    ROLE_CHANGED = "role_changed", _("role changed")
    ROLE_REMOVED = "role_removed", _("role taken away")
    MEMBERSHIP_ACCEPTED = "membership_accepted", _("request to join accepted")
    MEMBERSHIP_DECLINED = "membership_declined", _("request to join declined")
    MEMBERSHIP_ROLE_CHANGED = "membership_role_changed", _("member's role changed")
    MEMBERSHIP_REMOVED = "membership_removed", _("member removed")
    JOIN_CONFIRMED = "join_confirmed", _("person confirmed at organisation")
    JOIN_DECLINED = "join_declined", _("person declined at organisation")
    PERSON_CHANGED = "person_changed", _("person's details changed")
    PERSON_ERASED = "person_erased", _("person erased")
    # Moderation and publishing.
    CASE_PUBLISHED = "case_published", _("case published")
    CASE_SENT_BACK = "case_sent_back", _("case sent back")
    COMMENT_HIDDEN = "comment_hidden", _("comment hidden")
    COMMENT_RESTORED = "comment_restored", _("comment kept visible")
    ARTICLE_PUBLISHED = "article_published", _("news published")
    ARTICLE_UNPUBLISHED = "article_unpublished", _("news unpublished")
    # Events.
    EVENT_CREATED = "event_created", _("event created")
    EVENT_CHANGED = "event_changed", _("event changed")
    EVENT_CANCELLED = "event_cancelled", _("event cancelled")
    # Programmes.
    PROGRAMME_DECISION = "programme_decision", _("programme decision")


class AuditEntry(models.Model):
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="audit_entries",
        verbose_name=_("network"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # The actor's name when they acted, kept after their log-in is gone until they are erased.
    actor_name = models.CharField(_("who"), max_length=200, blank=True)
    action = models.CharField(_("kind of change"), max_length=40, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100)  # "app_label.model"
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    object_label = models.CharField(_("object"), max_length=300, blank=True)
    # {"before": {field: value}, "after": {field: value}}: only the fields that changed.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    # The person the change is about (a role, a membership, their details): their entries
    # are anonymised with them and are part of their export.
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about user"),
    )
    subject_person = models.ForeignKey(
        "accounts.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about person"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["network", "-created_at"], name="audit_network_time"),
            models.Index(fields=["network", "action"], name="audit_network_action"),
        ]

    def __str__(self):
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_label}"
        )
