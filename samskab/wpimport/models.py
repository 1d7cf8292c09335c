"""What a WordPress import made: the WordPress-id map (so a second import updates), the
files it brought, the old addresses that answer 301, and the report of every run."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One WordPress record and the Samskab object it became."""

    class Kind(models.TextChoices):
        POST = "post", _("post")
        PAGE = "page", _("page")
        ATTACHMENT = "attachment", _("attachment")

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    wp_id = models.PositiveBigIntegerField(_("WordPress id"))
    guid = models.CharField(_("WordPress GUID"), max_length=500, blank=True)
    # The pk of the Article, Page or ImportedFile (by kind).
    object_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    # A hash of the WordPress fields last imported: unchanged items are left alone.
    fingerprint = models.CharField(max_length=64, blank=True)
    # The object's updated_at right after the import: a later change was made in Samskab,
    # and a new import leaves the object as it is (and reports it).
    synced_at = models.DateTimeField(null=True, blank=True)
    # The WordPress author when no user with that verified address exists.
    author_name = models.CharField(_("imported author"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "kind", "wp_id"], name="wpimport_item_unique_wp_id"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.wp_id}"


class ImportedFile(models.Model):
    """A file of the old site's uploads folder, served at an address of its own."""

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    wp_id = models.PositiveBigIntegerField(_("WordPress id"))
    name = models.CharField(max_length=300)  # the storage name
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(default=0)
    alt = models.CharField(_("alternative text"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported file")
        verbose_name_plural = _("imported files")
        constraints = [
            models.UniqueConstraint(fields=["network", "wp_id"], name="wpimport_file_unique_wp_id")
        ]

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("wpimport:file", kwargs={"pk": self.pk, "filename": self.filename})


class OldAddress(models.Model):
    """An address of the old site (``/2014/05/20/slug/``, ``/?p=123``) that answers with a
    permanent redirect to ``target``. Staff may add and change them in the admin."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="+", verbose_name=_("network")
    )
    path = models.CharField(
        _("old address"),
        max_length=500,
        help_text=_("The path on the old site, e.g. /2014/05/20/slug/ or /?p=123."),
    )
    target = models.CharField(
        _("new address"), max_length=500, help_text=_("A path on this site, e.g. /da/news/x/.")
    )
    wp_id = models.PositiveBigIntegerField(_("WordPress id"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["network", "path"], name="wpimport_old_address_unique")
        ]

    def __str__(self):
        return f"{self.path} → {self.target}"


class ImportRun(models.Model):
    """One run of the import and its report."""

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(_("file"), max_length=300)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # {"post": {"created": 3, "updated": 0, "unchanged": 0, "skipped": 1}, ...}
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    # [{"kind": "post", "wp_id": 14, "reason": "..."}]: every item not imported, and why.
    problems = models.JSONField(_("problems"), default=list, blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.file_name} {self.started_at:%Y-%m-%d %H:%M}"
