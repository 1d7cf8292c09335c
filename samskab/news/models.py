"""News articles: one row per language, versions grouped by a translation key."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

LANGUAGES = [("da", _("Danish")), ("nb", _("Norwegian")), ("en", _("English"))]


class Tag(models.Model):
    """A keyword of a network's news, in one language (the seed's "folkehelse")."""

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "language", "slug"], name="news_tag_unique_slug"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("news:tag", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def visible(self, now=None):
        """Published and past their publication time: what every reader may see."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now or timezone.now())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="articles"
    )
    translation_key = models.UUIDField(_("translation key"), default=uuid.uuid4, db_index=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    slug = models.SlugField(_("slug"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    # Published articles with a future time are scheduled: no reader sees them before it.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The editorial "last updated": set when a published article's text changes.
    revised_at = models.DateTimeField(_("last updated"), null=True, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    theme_groups = models.ManyToManyField(
        "groups.ThemeGroup", blank=True, related_name="articles", verbose_name=_("theme groups")
    )
    events = models.ManyToManyField(
        "events.Event", blank=True, related_name="articles", verbose_name=_("events")
    )
    cases = models.ManyToManyField(
        "cases.Case", blank=True, related_name="articles", verbose_name=_("cases")
    )
    programmes = models.ManyToManyField(
        "programmes.Programme", blank=True, related_name="articles", verbose_name=_("programmes")
    )
    # The main image: made once at upload into a few widths (WebP, EXIF dropped), each
    # ``{"width", "height", "name"}`` (the storage name), narrowest first; served by a view.
    image_sizes = models.JSONField(_("image sizes"), default=list, blank=True)
    image_alt = models.CharField(_("alternative text"), max_length=300, blank=True)
    image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("credit"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "language", "slug"], name="news_article_unique_slug"
            ),
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="news_article_one_per_language"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="news_article_published_has_time",
                violation_error_message=_("A published article needs a publication time."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("news:detail", kwargs={"slug": self.slug})

    def image_url(self, width: int) -> str:
        with translation.override(self.language):
            return reverse("news:image", kwargs={"slug": self.slug, "width": width})

    def image_srcset(self) -> str:
        return ", ".join(f"{self.image_url(s['width'])} {s['width']}w" for s in self.image_sizes)

    @property
    def image_main(self) -> dict | None:
        """The widest size, with its address (for the ``src``, ``og:image`` and the feeds)."""
        if not self.image_sizes:
            return None
        size = self.image_sizes[-1]
        return {**size, "url": self.image_url(size["width"])}

    @property
    def image_small(self) -> dict | None:
        if not self.image_sizes:
            return None
        size = self.image_sizes[0]
        return {**size, "url": self.image_url(size["width"])}

    @property
    def is_visible(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )


class ArticleRevision(models.Model):
    """Who changed an article's text, when, and what it said then."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=32)
    title = models.CharField(max_length=200)
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.article_id} {self.action} {self.created_at:%Y-%m-%d %H:%M}"


PAGE_LANGUAGES = ("da", "nb", "en")


class Page(models.Model):
    """A network's static page (about, contact, membership ...), its text in da/nb/en.

    One row per page with a field per language: a page has one address in every language
    (``/<lang>/pages/<slug>/``); a language without text shows the network's own language's,
    marked with its language."""

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="pages")
    slug = models.SlugField(_("address"), max_length=100)
    title_da = models.CharField(_("title (Danish)"), max_length=200, blank=True)
    title_nb = models.CharField(_("title (Norwegian)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_da = models.TextField(_("text (Danish)"), blank=True, help_text=_("Markdown"))
    body_nb = models.TextField(_("text (Norwegian)"), blank=True, help_text=_("Markdown"))
    body_en = models.TextField(_("text (English)"), blank=True, help_text=_("Markdown"))
    description_da = models.CharField(_("description (Danish)"), max_length=300, blank=True)
    description_nb = models.CharField(_("description (Norwegian)"), max_length=300, blank=True)
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    published = models.BooleanField(_("published"), default=False)
    # Pages with a position are in the site's main menu (published ones), in this order.
    menu_position = models.PositiveSmallIntegerField(_("place in the menu"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["menu_position", "slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="news_page_unique_slug")
        ]

    def __str__(self):
        return self.text(self.network.default_language if self.network_id else "da")["title"]

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})

    def languages(self) -> list[str]:
        """The languages the page has a title in."""
        return [code for code in PAGE_LANGUAGES if getattr(self, f"title_{code}")]

    def text(self, language: str, fallback: str = "da") -> dict:
        """Title, body and description in ``language``, else in ``fallback`` (the network's
        language), else in the first language that has a title; with the language used."""
        for code in (language, fallback, *PAGE_LANGUAGES):
            if code in PAGE_LANGUAGES and getattr(self, f"title_{code}"):
                return {
                    "language": code,
                    "title": getattr(self, f"title_{code}"),
                    "body": getattr(self, f"body_{code}"),
                    "description": getattr(self, f"description_{code}"),
                }
        return {"language": language, "title": self.slug, "body": "", "description": ""}
