from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WpImportConfig(AppConfig):
    name = "samskab.wpimport"
    label = "wpimport"
    verbose_name = _("Moving in from WordPress")
