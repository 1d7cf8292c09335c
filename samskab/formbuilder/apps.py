from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormbuilderConfig(AppConfig):
    name = "samskab.formbuilder"
    label = "formbuilder"
    verbose_name = _("Forms")

    def ready(self):
        from . import rules  # noqa: F401
