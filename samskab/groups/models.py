from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ThemeGroup(models.Model):
    """A theme group (temagruppe) of municipal staff and partners that meets 3-4 times a year."""

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("anyone logged in may join")
        APPROVAL = "approval", _("coordinators approve requests to join")

    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="theme_groups",
        verbose_name=_("network"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    background = models.TextField(_("background"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    focus = models.TextField(_("focus for the coming period"), blank=True)
    join_policy = models.CharField(
        _("joining"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.APPROVAL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("theme group")
        verbose_name_plural = _("theme groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="themegroup_unique_slug"),
        ]

    def __str__(self):
        return self.name


class GroupMembership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        COORDINATOR = "coordinator", _("coordinator")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("asked to join")
        ACTIVE = "active", _("member")

    group = models.ForeignKey(
        ThemeGroup,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("theme group"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="group_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("theme group membership")
        verbose_name_plural = _("theme group memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="groupmembership_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.group}"
