from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "samskab.cases"
    label = "cases"
    verbose_name = _("Case bank")

    def ready(self):
        from . import personal_data  # noqa: F401  registers the personal-data sections
