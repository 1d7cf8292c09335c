from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "samskab.networks"
    label = "networks"
    verbose_name = _("Networks and organisations")

    def ready(self):
        from . import signals  # noqa: F401
