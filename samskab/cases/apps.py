from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "samskab.cases"
    label = "cases"
    verbose_name = _("Case bank")

    def ready(self):
        from samskab.core.pagecache import ignore_model
        from samskab.search.registry import register, register_facet_labels

        from . import personal_data  # noqa: F401  registers the personal-data sections
        from .models import Case
        from .search import CaseAdapter, choice_labels, topic_labels

        register(Case, CaseAdapter())
        from samskab.accounts.selectors import register_dashboard_section

        from .selectors.objects import dashboard_cases

        register_dashboard_section(dashboard_cases, order=5)
        register_facet_labels("topic", topic_labels)
        register_facet_labels("evaluated", lambda values: choice_labels(Case.Evaluation, values))
        register_facet_labels("budget", lambda values: choice_labels(Case.BudgetBand, values))

        from samskab.core import warmup

        from .listing import connect_signals, get_index

        connect_signals()
        warmup.register(get_index)

        # Follows, notifications, reports and revisions never show on a public page.
        for label in (
            "cases.Follow",
            "cases.Notification",
            "cases.CommentReport",
            "cases.CaseRevision",
        ):
            ignore_model(label)
