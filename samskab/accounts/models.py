from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A log-in. The person behind it (name, title, organisation) is a `Person`."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="da"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


class Person(models.Model):
    """Someone the platform knows about: a contact, a coordinator, a staff member.

    A person may or may not have a log-in. Phone and e-mail are shown outside the
    secretariat only when the person agreed (`public_consent`).
    """

    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    public_consent = models.BooleanField(
        _("may be shown publicly"),
        default=False,
        help_text=_("The person agreed that phone and e-mail may be shown on public pages."),
    )
    consent_changed_at = models.DateTimeField(_("consent changed"), null=True, blank=True)
    # Who recorded the consent: the person themselves, or the secretariat on their behalf.
    consent_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    # A person with a log-in asks to join an organisation; its editors or the secretariat
    # confirm (then it becomes ``organisation``) or decline.
    requested_organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("asked to join"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="join_requests",
    )
    requested_at = models.DateTimeField(
        _("asked to join on"), null=True, blank=True, editable=False
    )
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def public_phone(self) -> str:
        return self.phone if self.public_consent else ""

    @property
    def public_email(self) -> str:
        return self.email if self.public_consent else ""
