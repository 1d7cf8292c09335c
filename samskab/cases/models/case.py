"""The case bank: good practice a municipality publishes for others to reuse."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samskab.core.files import unguessable_name
from samskab.networks.predicates import editable_organisation_ids, staff_network_ids


class Topic(models.Model):
    """A prevention-package topic (Denmark's eleven packages; other networks add theirs)."""

    slug = models.SlugField(_("slug"), unique=True)
    label = models.CharField(_("label"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.label


class InterventionType(models.Model):
    """A prevention type (rammer, tilbud, information og undervisning, tidlig opsporing)."""

    slug = models.SlugField(_("slug"), unique=True)
    label = models.CharField(_("label"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("intervention type")
        verbose_name_plural = _("intervention types")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.label


class CaseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Case.Status.PUBLISHED)

    def readable_in_network(self, network, user=None):
        """The one rule for which cases can be read in ``network``: published cases of the
        network itself or shared by a sister network, and, for a ``user`` who works on
        them (the network's staff, the organisation's editors, superusers), the network's
        own unpublished cases. Without a network only shared published cases are readable.
        Used by the list, the page, the API, related cases and search."""
        readable = Q(status=Case.Status.PUBLISHED) & (
            Q(shared=True) if network is None else Q(network=network) | Q(shared=True)
        )
        if network is not None and user is not None and user.is_authenticated:
            if user.is_superuser or network.pk in staff_network_ids(user):
                readable |= Q(network=network)
            else:
                readable |= Q(network=network, organisation_id__in=editable_organisation_ids(user))
        return self.filter(readable)


class Case(models.Model):
    class Language(models.TextChoices):
        DA = "da", _("Danish")
        NB = "nb", _("Norwegian Bokmål")
        EN = "en", _("English")

    class Kind(models.TextChoices):
        PROJECT = "project", _("project")
        PERMANENT = "permanent", _("permanent offer")
        OTHER = "other", _("other")

    class BudgetBand(models.TextChoices):
        UNDER_100K = "<100000", _("under 100,000")
        TO_500K = "100000-500000", _("100,000–500,000")
        TO_1M = "500000-1000000", _("500,000–1,000,000")
        OVER_1M = ">1000000", _("over 1,000,000")

    class Evaluation(models.TextChoices):
        NONE = "none", _("not evaluated")
        INTERNAL = "internal", _("evaluated internally")
        EXTERNAL = "external", _("evaluated externally")

    class Scale(models.TextChoices):
        NOT_AT_ALL = "not_at_all", _("not at all")
        SMALL = "small", _("to a small degree")
        SOME = "some", _("to some degree")
        HIGH = "high", _("to a high degree")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for review")
        PUBLISHED = "published", _("published")

    # The Markdown sections, in the order the case page shows them.
    TEXT_SECTIONS = (
        "purpose",
        "target_group",
        "arena",
        "description",
        "partners",
        "recruitment",
        "funding",
        "effect",
        "further_comments",
        "implementation_notes",
        "barriers",
        "promoting_factors",
    )

    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("network"),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.DA
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("lead"), blank=True, help_text=_("Two or three sentences that say what the case is.")
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("organisation"),
    )

    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_title = models.CharField(_("contact title"), max_length=200, blank=True)
    contact_organisation = models.CharField(_("contact organisation"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_public = models.BooleanField(
        _("phone and e-mail may be shown"),
        default=False,
        help_text=_("The contact agreed that phone and e-mail are shown on the case page."),
    )

    kind = models.CharField(
        _("type of intervention"), max_length=16, choices=Kind.choices, default=Kind.PROJECT
    )
    budget_band = models.CharField(
        _("economy per year (DKK/NOK)"), max_length=16, choices=BudgetBand.choices, blank=True
    )

    purpose = models.TextField(_("purpose"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    arena = models.TextField(_("arena"), blank=True)
    description = models.TextField(_("description"), blank=True)
    partners = models.TextField(_("organisation and partners"), blank=True)
    recruitment = models.TextField(_("recruitment"), blank=True)
    funding = models.TextField(_("economy and funding"), blank=True)
    effect = models.TextField(_("effect"), blank=True)
    further_comments = models.TextField(_("further comments"), blank=True)
    implementation_notes = models.TextField(_("attention points for implementation"), blank=True)
    barriers = models.TextField(_("barriers"), blank=True)
    promoting_factors = models.TextField(_("promoting factors"), blank=True)

    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)

    topics = models.ManyToManyField(
        Topic, blank=True, related_name="cases", verbose_name=_("topics")
    )
    prevention_types = models.ManyToManyField(
        InterventionType, blank=True, related_name="cases", verbose_name=_("intervention types")
    )

    quote_text = models.TextField(_("quote"), blank=True)
    quote_speaker = models.CharField(_("quote by"), max_length=200, blank=True)

    evaluation = models.CharField(
        _("evaluated"), max_length=10, choices=Evaluation.choices, default=Evaluation.NONE
    )
    purpose_met = models.CharField(
        _("is the purpose met?"), max_length=12, choices=Scale.choices, blank=True
    )
    implemented_as_planned = models.CharField(
        _("was it implemented as planned?"), max_length=12, choices=Scale.choices, blank=True
    )

    shared = models.BooleanField(_("shared with sister networks"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    moderation_comment = models.TextField(_("comment from the secretariat"), blank=True)
    view_count = models.PositiveIntegerField(_("times read"), default=0, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["status", "-published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="case_period_end_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cases:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


def material_upload_to(instance, filename):
    return unguessable_name(f"cases/{instance.case_id}", filename)


class CaseMaterial(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="materials", verbose_name=_("case")
    )
    title = models.CharField(_("title"), max_length=200)
    filename = models.CharField(_("file name"), max_length=200)
    file = models.FileField(_("file"), upload_to=material_upload_to, max_length=400)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "cases:material",
            kwargs={"slug": self.case.slug, "pk": self.pk, "filename": self.filename},
        )


class CaseLink(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="links", verbose_name=_("case")
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title


class QualityCriterion(models.TextChoices):
    """The EU Best Practice Portal's criteria."""

    RELEVANCE = "relevance", _("relevance")
    CHARACTERISTICS = "intervention-characteristics", _("intervention characteristics")
    EVIDENCE = "evidence-and-theory", _("evidence and theory base")
    ETHICS = "ethics", _("ethics")
    EFFECTIVENESS = "effectiveness-and-efficiency", _("effectiveness and efficiency")
    EQUITY = "equity", _("equity")
    TRANSFERABILITY = "transferability", _("transferability")
    SUSTAINABILITY = "sustainability", _("sustainability")
    INTERSECTORAL = "intersectoral-collaboration", _("intersectoral collaboration")
    PARTICIPATION = "participation", _("participation")


class CaseQuality(models.Model):
    """The case's own claim to meet one criterion, with a short justification."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="quality", verbose_name=_("case")
    )
    criterion = models.CharField(_("criterion"), max_length=40, choices=QualityCriterion.choices)
    note = models.TextField(_("justification"), blank=True)

    class Meta:
        verbose_name = _("quality self-assessment")
        verbose_name_plural = _("quality self-assessments")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "criterion"], name="case_quality_unique")
        ]

    def __str__(self):
        return self.get_criterion_display()


class CaseRevision(models.Model):
    """A snapshot of a case (exchange format, materials without their content) after a
    change, with who made it and when."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("case")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    created_at = models.DateTimeField(_("changed"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=40)
    data = models.JSONField(_("content"))

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.case} @ {self.created_at:%Y-%m-%d %H:%M}"
