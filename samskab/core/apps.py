from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samskab.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from .pagecache import connect_signals

        connect_signals()
