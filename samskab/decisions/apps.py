from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "samskab.decisions"
    label = "decisions"
    verbose_name = _("Decisions")

    def ready(self):
        from samskab.core.pagecache import ignore_model
        from samskab.groups.selectors import register_origin

        from .personal_data import register
        from .selectors import group_origin

        register()
        # A theme group's page says which decision of the members created it.
        register_origin(group_origin)
        for label in ("decisions.Ballot", "decisions.BallotVersion", "decisions.Proposal"):
            ignore_model(label)
