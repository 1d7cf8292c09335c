import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core.text import slugify

COUNTRIES = [("DK", _("Denmark")), ("NO", _("Norway")), ("SE", _("Sweden"))]
# Official municipality codes: Danish kommunekode has 3 digits, Norwegian kommunenummer 4.
MUNICIPALITY_CODE_DIGITS = {"DK": 3, "NO": 4, "SE": 4}
TIME_ZONES = [
    ("Europe/Copenhagen", "Europe/Copenhagen"),
    ("Europe/Oslo", "Europe/Oslo"),
    ("Europe/Stockholm", "Europe/Stockholm"),
]


class Network(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    tagline = models.CharField(_("tagline"), max_length=300, blank=True)
    description = models.TextField(_("what the network is"), blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    default_language = models.CharField(_("default language"), max_length=8, default="da")
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=TIME_ZONES, default="Europe/Copenhagen"
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#0062BA",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #0062BA."))],
    )
    hosts = models.TextField(
        _("host names"),
        blank=True,
        help_text=_("The host names this network answers on, one per line."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def host_list(self) -> list[str]:
        return [h.strip().lower() for h in re.split(r"[\s,]+", self.hosts) if h.strip()]


class OrganisationQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(kind=Organisation.Kind.MUNICIPALITY)

    def members_of(self, network, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(
            Q(memberships__until__isnull=True) | Q(memberships__until__gte=on),
            memberships__network=network,
            memberships__since__lte=on,
        ).distinct()


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        REGION = "region", _("region")
        ASSOCIATION = "association", _("association")
        RESEARCH_CENTRE = "research_centre", _("research centre")
        FOUNDATION = "foundation", _("foundation")
        MINISTRY = "ministry", _("ministry")
        HOUSING_ASSOCIATION = "housing_association", _("housing association")
        SECRETARIAT = "secretariat", _("network secretariat")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    code = models.CharField(_("official code"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    region = models.ForeignKey(
        "self",
        verbose_name=_("region"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="municipalities",
        limit_choices_to={"kind": "region"},
    )
    website = models.URLField(_("website"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "kind", "code"],
                condition=~Q(code=""),
                name="organisation_unique_code",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name)
        super().save(*args, **kwargs)

    def clean(self):
        if self.kind == self.Kind.MUNICIPALITY and self.code:
            digits = MUNICIPALITY_CODE_DIGITS.get(self.country)
            if digits and not re.fullmatch(rf"\d{{{digits}}}", self.code):
                raise ValidationError(
                    {
                        "code": _("A municipality code in this country has %(digits)s digits.")
                        % {"digits": digits}
                    }
                )


def unique_slug(model, text: str, field: str = "slug", max_length: int = 200) -> str:
    base = slugify(text)[:max_length] or "item"
    slug, n = base, 2
    while model._default_manager.filter(**{field: slug}).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


class Membership(models.Model):
    """An organisation (usually a municipality) is a member of a network from a date."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    since = models.DateField(_("member since"))
    until = models.DateField(_("member until"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation", "since"], name="membership_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="membership_until_after_since",
                violation_error_message=_("A membership cannot end before it begins."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.network}"

    def is_active(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.since <= on and (self.until is None or self.until >= on)


class RoleQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(until__isnull=True) | Q(until__gte=on))


class Role(models.Model):
    class Kind(models.TextChoices):
        SECRETARIAT = "secretariat", _("secretariat staff")
        ADMIN_CONTACT = "admin_contact", _("administrative contact")
        POLITICAL_CONTACT = "political_contact", _("political contact")
        ORG_EDITOR = "org_editor", _("organisation editor")

    ORGANISATION_KINDS = {Kind.ADMIN_CONTACT, Kind.POLITICAL_CONTACT, Kind.ORG_EDITOR}

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="roles", verbose_name=_("network")
    )
    person = models.ForeignKey(
        "accounts.Person", on_delete=models.CASCADE, related_name="roles", verbose_name=_("person")
    )
    kind = models.CharField(_("role"), max_length=32, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("organisation"),
        help_text=_("Required for contacts and organisation editors."),
    )
    until = models.DateField(_("until"), null=True, blank=True)

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["network", "kind", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "person", "kind", "organisation"], name="role_unique"
            ),
        ]

    def __str__(self):
        if self.organisation_id:
            return f"{self.person} – {self.get_kind_display()} ({self.organisation})"
        return f"{self.person} – {self.get_kind_display()}"

    def clean(self):
        if self.kind in self.ORGANISATION_KINDS and not self.organisation_id:
            raise ValidationError({"organisation": _("This role needs an organisation.")})
        if self.kind == self.Kind.SECRETARIAT and self.organisation_id:
            raise ValidationError(
                {
                    "organisation": _(
                        "Secretariat staff belong to the network, not to an organisation."
                    )
                }
            )
