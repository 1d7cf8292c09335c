"""Consultations in which each member municipality of a network casts one ballot."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Consultation(models.Model):
    class Method(models.TextChoices):
        APPROVAL_UP_TO = "approval_up_to", _("approval voting: choose up to k options")
        APPROVAL_EXACTLY = "approval_exactly", _("approval voting: choose exactly k options")
        SINGLE = "single", _("single choice: choose one option")
        RANKED = "ranked", _("ranked choice: rank the options (instant-runoff count)")

    class VoterRole(models.TextChoices):
        ADMIN_CONTACT = "admin_contact", _("the administrative contact")
        POLITICAL_CONTACT = "political_contact", _("the political contact")
        EITHER = "either", _("the administrative or the political contact")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PROPOSALS = "proposals", _("proposals")
        VOTING = "voting", _("voting")
        CLOSED = "closed", _("closed")
        PUBLISHED = "published", _("results published")

    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="consultations",
        verbose_name=_("network"),
    )
    slug = models.SlugField(_("slug"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    background = models.TextField(_("background"), blank=True)
    question = models.TextField(_("question"))
    method = models.CharField(
        _("method"), max_length=20, choices=Method.choices, default=Method.APPROVAL_UP_TO
    )
    k = models.PositiveSmallIntegerField(
        _("number of options to choose (k)"),
        default=1,
        help_text=_("How many options a ballot may choose, and how many are chosen."),
    )
    voter_role = models.CharField(
        _("who votes for a municipality"),
        max_length=20,
        choices=VoterRole.choices,
        default=VoterRole.ADMIN_CONTACT,
    )
    open_ballot = models.BooleanField(
        _("open ballot"),
        default=False,
        help_text=_("Show after the results how each municipality voted."),
    )
    status = models.CharField(
        _("phase"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    proposals_until = models.DateTimeField(_("proposals until"), null=True, blank=True)
    voting_opens_at = models.DateTimeField(_("voting opens"))
    voting_closes_at = models.DateTimeField(_("voting closes (deadline)"))
    opened_at = models.DateTimeField(_("voting opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("voting closed"), null=True, blank=True)
    published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    theme_group = models.ForeignKey(
        "groups.ThemeGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decision_drafts",
        verbose_name=_("prepared by the theme group"),
        help_text=_("The group's members draft the consultation; the secretariat opens it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-voting_opens_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="consultation_unique_slug"),
            models.CheckConstraint(
                condition=models.Q(voting_closes_at__gt=models.F("voting_opens_at")),
                name="consultation_closes_after_opening",
                violation_error_message=_("The deadline must come after voting opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("decisions:detail", kwargs={"slug": self.slug})

    @property
    def is_voting(self) -> bool:
        return self.status == self.Status.VOTING and timezone.now() < self.voting_closes_at

    @property
    def is_approval(self) -> bool:
        return self.method in (self.Method.APPROVAL_UP_TO, self.Method.APPROVAL_EXACTLY)

    @property
    def is_ranked(self) -> bool:
        return self.method == self.Method.RANKED

    @property
    def seats(self) -> int:
        """How many options the consultation chooses (one for single and ranked choice)."""
        return 1 if self.method in (self.Method.SINGLE, self.Method.RANKED) else self.k


class Option(models.Model):
    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.CASCADE,
        related_name="options",
        verbose_name=_("consultation"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    theme_group = models.OneToOneField(
        "groups.ThemeGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decision_option",
        verbose_name=_("theme group created from it"),
    )

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title


class Proposal(models.Model):
    """An option proposed by a member municipality's contact during the proposal phase."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting the secretariat")
        ACCEPTED = "accepted", _("accepted into the ballot")
        DECLINED = "declined", _("declined")

    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("consultation"),
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="decision_proposals",
        verbose_name=_("proposed by"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    option = models.OneToOneField(
        Option, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposal"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.title


class Voter(models.Model):
    """A member municipality of the electorate, frozen when voting opens."""

    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.CASCADE,
        related_name="electorate",
        verbose_name=_("consultation"),
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )

    class Meta:
        verbose_name = _("municipality in the electorate")
        verbose_name_plural = _("electorate")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "organisation"], name="voter_unique"),
        ]

    def __str__(self):
        return str(self.organisation)


class Ballot(models.Model):
    """The one ballot of a municipality; any of its entitled contacts may change it."""

    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.CASCADE,
        related_name="ballots",
        verbose_name=_("consultation"),
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    options = models.ManyToManyField(Option, blank=True, related_name="ballots")
    ranking = models.JSONField(
        _("ranking"),
        default=list,
        blank=True,
        help_text=_("For ranked choice: the option ids, the first preference first."),
    )
    abstain = models.BooleanField(_("abstain"), default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    changed_at = models.DateTimeField(_("last changed"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organisation"], name="ballot_one_per_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.consultation}"

    def ranked_options(self) -> list:
        """A ranked ballot's options, the first preference first (uses prefetched options)."""
        position = {pk: i for i, pk in enumerate(self.ranking)}
        return sorted(
            (o for o in self.options.all() if o.pk in position), key=lambda o: position[o.pk]
        )


class BallotVersion(models.Model):
    """Every change of a ballot, kept: who, when and what."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    option_ids = models.JSONField(default=list)
    abstain = models.BooleanField(default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="decision_ballot_versions",
    )
    changed_by_name = models.CharField(max_length=200, blank=True)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ballot change")
        verbose_name_plural = _("ballot changes")
        ordering = ["ballot", "number"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "number"], name="ballotversion_unique"),
        ]

    def __str__(self):
        return f"{self.ballot} #{self.number}"


class OptionComment(models.Model):
    """A member's comment on an option, during the proposal and voting phases. Moderated
    as the case bank's comments are: deleted by its author (the place stays), reported by
    readers, hidden or restored by the network's secretariat."""

    option = models.ForeignKey(
        Option, on_delete=models.CASCADE, related_name="comments", verbose_name=_("option")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="decision_comments",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )

    class Meta:
        verbose_name = _("comment on an option")
        verbose_name_plural = _("comments on options")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class OptionCommentReport(models.Model):
    comment = models.ForeignKey(
        OptionComment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("comment")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="decision_comment_reports",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("report of a comment")
        verbose_name_plural = _("reports of comments")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"], name="decision_comment_report_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} ⚑ {self.comment_id}"
