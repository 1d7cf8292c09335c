from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed only for its management commands: it has no models."""

    name = "samskab.demo"
    label = "demo"
    verbose_name = "Demo data"
