from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samskab.accounts"
    label = "accounts"
    verbose_name = _("Accounts and people")

    def ready(self):
        from . import sections  # noqa: F401  registers the personal-data sections
