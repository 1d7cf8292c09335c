from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "samskab.programmes"
    label = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from samskab.formbuilder.registry import register_answer_counter, register_owner

        from . import (
            personal_data,  # noqa: F401 - registers the personal-data section
            rules,  # noqa: F401
        )
        from .selectors import answers_on_form, owner_of_form

        register_answer_counter(answers_on_form)
        register_owner(owner_of_form)

        from samskab.accounts.selectors import register_dashboard_section

        from .selectors import dashboard_applications

        register_dashboard_section(dashboard_applications, order=40)
        from samskab.networks.selectors import register_organisation_section

        from .selectors import organisation_programmes

        register_organisation_section(organisation_programmes, order=40)
