from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "samskab.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401
        from .backends import ensure_schema_after_migrate

        post_migrate.connect(ensure_schema_after_migrate, sender=self)

        from samskab.core import warmup

        from .compounds import warm

        warmup.register(warm)
