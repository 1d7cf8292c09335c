from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "samskab.groups"
    label = "groups"
    verbose_name = _("Theme groups")

    def ready(self):
        from samskab.core.pagecache import ignore_model
        from samskab.search.registry import register as register_search

        from .models import GroupResource, ThemeGroup
        from .personal_data import register
        from .search import GroupResourceAdapter, ThemeGroupAdapter, connect_signals

        register()
        register_search(ThemeGroup, ThemeGroupAdapter())
        register_search(GroupResource, GroupResourceAdapter())
        connect_signals()
        from samskab.accounts.selectors import register_dashboard_section

        from .selectors import dashboard_groups

        register_dashboard_section(dashboard_groups, order=20)
        from samskab.networks.selectors import register_organisation_section

        from .selectors import organisation_groups

        register_organisation_section(organisation_groups, order=30)
        # Follows and topic suggestions never show on a page anonymous readers get.
        for label in ("groups.GroupFollow", "groups.TopicSuggestion", "groups.SuggestionSupport"):
            ignore_model(label)
