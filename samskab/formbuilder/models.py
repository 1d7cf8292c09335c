from django.db import models
from django.utils.translation import gettext_lazy as _


class Form(models.Model):
    """A form the secretariat builds in the site. Its questions live in versions: every
    change makes a new version, so an answer keeps the version it was given on."""

    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="forms",
        verbose_name=_("network"),
    )
    name = models.CharField(_("name"), max_length=200)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("form")
        verbose_name_plural = _("forms")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def current(self) -> "FormVersion":
        return self.versions.order_by("-number").first()


class FormVersion(models.Model):
    form = models.ForeignKey(
        Form, on_delete=models.CASCADE, related_name="versions", verbose_name=_("form")
    )
    number = models.PositiveIntegerField(_("version"))
    definition = models.JSONField(_("definition"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["form", "number"]
        constraints = [
            models.UniqueConstraint(fields=["form", "number"], name="formversion_unique_number")
        ]

    def __str__(self):
        return f"{self.form} v{self.number}"
