"""After selection: an accepted application becomes a draft case in the case bank, with
its purpose, local area and partners taken from the answers, for the municipality to
complete later."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.cases import services as case_services
from samskab.core.guards import require
from samskab.formbuilder.answers import answer_text
from samskab.formbuilder.schema import question_map

from ..models import Application
from .applications import log

CASE_FIELDS = ("purpose", "description", "partners")


@transaction.atomic
def application_to_case(
    *, actor, application: Application, title: str, fields: dict[str, str]
) -> Application:
    """``fields`` maps a case field (purpose, description, partners) to the id of the
    question whose answer fills it."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    require(
        actor,
        "programmes.make_case",
        application,
        _("Only the secretariat turns an accepted application into a case, once."),
    )
    questions = question_map(application.form_version.definition)
    answers = application.answers or {}
    data = {"title": title, "language": application.call.edition.programme.network.default_language}
    for field, question_id in fields.items():
        if field not in CASE_FIELDS or not question_id:
            continue
        if question_id not in questions:
            raise ValidationError({field: _("That question is not on the application's form.")})
        data[field] = answer_text(questions[question_id], answers.get(question_id))
    case = case_services.case_create(
        actor=actor,
        network=application.call.edition.programme.network,
        organisation=application.organisation,
        data=data,
    )
    application.case = case
    application.save(update_fields=["case", "updated_at"])
    log(application, "case_created", actor)
    return application
