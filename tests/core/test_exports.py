"""The formula guard of the shared CSV/XLSX helper, through both exports that use it."""

import csv
import io

import pytest
from openpyxl import load_workbook

from samskab.cases.models import Case
from samskab.core.exports import safe_cell
from tests.cases.factories import CaseFactory
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=cmd", "\r=cmd"]


def _lf(text):
    # XML reads a carriage return back as a line feed; the apostrophe is what counts.
    return text.replace("\r", "\n") if isinstance(text, str) else text


def _cells(response, fmt) -> list:
    if fmt == "csv":
        text = response.content.decode("utf-8-sig")
        return [_lf(cell) for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    workbook = load_workbook(io.BytesIO(response.content))
    return [_lf(cell.value) for row in workbook.active.iter_rows() for cell in row]


def test_safe_cell():
    for text in FORMULAS:
        assert safe_cell(text) == "'" + text
    assert safe_cell("Sund skole") == "Sund skole"
    assert safe_cell(None) is None and safe_cell(3) == 3


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_case_export_guards_every_formula_prefix(client, dk_network, member_org, fmt):
    for n, text in enumerate(FORMULAS):
        case = CaseFactory(network=dk_network, organisation=member_org)
        Case.objects.filter(pk=case.pk).update(title=text + f" {n}")
    response = client.get(f"/da/cases/export.{fmt}")
    assert response.status_code == 200
    cells = _cells(response, fmt)
    for n, text in enumerate(FORMULAS):
        assert _lf(f"'{text} {n}") in cells, text
        assert _lf(f"{text} {n}") not in cells


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_participant_export_guards_every_formula_prefix(client, dk_network, staff_user, fmt):
    event = EventFactory(network=dk_network)
    for text in FORMULAS:
        RegistrationFactory(event=event, name=text)
    client.force_login(staff_user)
    response = client.get(f"/da/events/{event.pk}/participants/export.{fmt}")
    assert response.status_code == 200
    cells = _cells(response, fmt)
    for text in FORMULAS:
        assert _lf("'" + text) in cells and _lf(text) not in cells


def test_xlsx_export_survives_control_characters(client, dk_network, staff_user):
    event = EventFactory(network=dk_network)
    RegistrationFactory(event=event, name="Bo\x01\x0b=1")
    client.force_login(staff_user)
    response = client.get(f"/da/events/{event.pk}/participants/export.xlsx")
    assert response.status_code == 200
    assert "Bo=1" in _cells(response, "xlsx")
