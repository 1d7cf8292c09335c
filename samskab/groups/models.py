from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samskab.core.files import unguessable_name


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


class GroupMembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=GroupMembership.Status.ACTIVE)

    def requested(self):
        return self.filter(status=GroupMembership.Status.REQUESTED)

    def coordinators(self):
        return self.active().filter(role=GroupMembership.Role.COORDINATOR)


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
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    objects = GroupMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme group membership")
        verbose_name_plural = _("theme group memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="groupmembership_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.group}"


class GroupAlias(models.Model):
    """A former slug and name of a renamed group: old links redirect to the group."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="+", verbose_name=_("network")
    )
    group = models.ForeignKey(
        ThemeGroup, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("theme group")
    )
    slug = models.SlugField(_("former slug"), max_length=200)
    name = models.CharField(_("former name"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("former name")
        verbose_name_plural = _("former names")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="groupalias_unique_slug"),
        ]

    def __str__(self):
        return f"{self.name} → {self.group}"


class GroupContact(models.Model):
    """A person named as a contact on the group's page (phone and e-mail as consented)."""

    group = models.ForeignKey(
        ThemeGroup, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("theme group")
    )
    person = models.ForeignKey(
        "accounts.Person",
        on_delete=models.CASCADE,
        related_name="group_contacts",
        verbose_name=_("person"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="groupcontact_unique"),
        ]

    def __str__(self):
        return f"{self.person} – {self.group}"


def resource_upload_to(instance, filename):
    return unguessable_name(f"groups/{instance.group_id}", filename)


class GroupResource(models.Model):
    """A file or a link (e.g. a handbook). Files are served only through a checked view."""

    group = models.ForeignKey(
        ThemeGroup,
        on_delete=models.CASCADE,
        related_name="resources",
        verbose_name=_("theme group"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(_("file"), upload_to=resource_upload_to, blank=True, max_length=300)
    url = models.URLField(_("link"), blank=True, max_length=500)
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only the group's members (and the secretariat) see it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(url="") & ~models.Q(file=""))
                | (~models.Q(url="") & models.Q(file="")),
                name="groupresource_file_or_link",
                violation_error_message=_("Give either a file or a link, not both."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_file(self) -> bool:
        return bool(self.file)

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


class GroupFollow(models.Model):
    group = models.ForeignKey(
        ThemeGroup, on_delete=models.CASCADE, related_name="follows", verbose_name=_("theme group")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="group_follows",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="groupfollow_unique"),
        ]

    def __str__(self):
        return f"{self.user} → {self.group}"


class TopicSuggestion(models.Model):
    """A member's suggestion for a topic at a coming meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        PLANNED = "planned", _("planned")
        DECLINED = "declined", _("declined")

    group = models.ForeignKey(
        ThemeGroup,
        on_delete=models.CASCADE,
        related_name="suggestions",
        verbose_name=_("theme group"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="topic_suggestions",
        verbose_name=_("suggested by"),
    )
    title = models.CharField(_("topic"), max_length=200)
    description = models.TextField(_("why and what"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    decision_note = models.TextField(_("note from the coordinators"), blank=True)
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("suggested"), auto_now_add=True)

    class Meta:
        verbose_name = _("topic suggestion")
        verbose_name_plural = _("topic suggestions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class SuggestionSupport(models.Model):
    suggestion = models.ForeignKey(
        TopicSuggestion,
        on_delete=models.CASCADE,
        related_name="supports",
        verbose_name=_("topic suggestion"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="suggestion_supports",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["suggestion", "user"], name="suggestionsupport_unique"),
        ]

    def __str__(self):
        return f"{self.user} + {self.suggestion}"
