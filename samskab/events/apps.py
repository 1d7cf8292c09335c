from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "samskab.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from samskab.groups.selectors import register_meetings
        from samskab.search.registry import register

        from . import personal_data  # noqa: F401 - registers the personal-data sections
        from .models import Event
        from .search import EventAdapter, connect_signals
        from .selectors import group_meetings

        register(Event, EventAdapter())
        connect_signals()
        register_meetings(group_meetings)  # a theme group's page shows its meetings

        from samskab.accounts.selectors import register_dashboard_section

        from .selectors import dashboard_registrations

        register_dashboard_section(dashboard_registrations, order=10)
        from samskab.networks.selectors import register_organisation_section

        from .selectors import organisation_events

        register_organisation_section(organisation_events, order=20)
