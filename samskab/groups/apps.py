from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "samskab.groups"
    label = "groups"
    verbose_name = _("Theme groups")

    def ready(self):
        from .personal_data import register

        register()
