import datetime
import zoneinfo

import pytest

from samskab.demo.data.programmes import SEED_FORM
from samskab.formbuilder.services import form_replace
from samskab.programmes import services
from samskab.programmes.models import Application

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def complete_answers(name="Testby Kommune"):
    return {
        "kommune": name,
        "kontakt": [{"role": "kontakt", "name": "Karen Kontakt", "title": "Konsulent"}],
        "deltagere": [
            {"role": "leder", "name": "Lis Leder", "title": "Chef"},
            {"role": "medarbejder", "name": "Mads Medarbejder", "title": "Konsulent"},
        ],
        "maal": "Flere fællesskaber.",
        "lokalomraade": "Et område med mange foreninger.",
        "partnerskaber": "Frivillighedscentret.",
        "omraade": "Nordbyen",
    }


def make_call(
    staff,
    network,
    *,
    opens=datetime.date(2014, 1, 1),
    deadline=datetime.date(2014, 2, 1),
    seats=20,
    eligibility="country",
    year=2014,
    definition=SEED_FORM,
    listed=(),
):
    programme = services.programme_save(
        actor=staff,
        network=network,
        data={"name": f"Netværk for Fællesskabsagenter {year}", "funder": "Ministeriet"},
    )
    edition = services.edition_save(
        actor=staff, programme=programme, data={"year": year}, tracks=["Lederspor"]
    )
    call = services.call_save(
        actor=staff,
        edition=edition,
        opens_on=opens,
        deadline_on=deadline,
        seats=seats,
        eligibility=eligibility,
        listed_organisations=listed,
        letters={"accepted": "Velkommen", "waiting": "Venteliste", "rejected": "Desværre"},
    )
    form_replace(actor=staff, form=call.form, definition=definition)
    return call


@pytest.fixture
def call(staff_user, dk_network):
    """A call of the seed's form that is open now (until a month from today)."""
    today = datetime.date.today()
    return make_call(
        staff_user,
        dk_network,
        opens=today - datetime.timedelta(days=10),
        deadline=today + datetime.timedelta(days=30),
        year=today.year + 1,
    )


@pytest.fixture
def application(call, org_editor, member_org):
    return services.application_start(actor=org_editor, call=call, organisation=member_org)


@pytest.fixture
def submitted(application, org_editor):
    services.application_save(actor=org_editor, application=application, answers=complete_answers())
    return services.application_submit(actor=org_editor, application=application)


def submitted_application(call, organisation, staff):
    """An application of another organisation, submitted (made directly: the organisation
    has no editor here)."""
    return Application.objects.create(
        call=call,
        organisation=organisation,
        status=Application.Status.SUBMITTED,
        form_version=call.form.current(),
        answers=complete_answers(organisation.name),
    )
