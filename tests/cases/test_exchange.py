import base64
import copy
import io
import json

import pytest
from django.core.management import CommandError, call_command

from samskab.cases import services
from samskab.cases.exchange import case_to_dict
from samskab.cases.models import Case, CaseMaterial
from samskab.cases.selectors import export_queryset
from samskab.networks.models import Organisation

from .conftest import PDF, PNG

pytestmark = pytest.mark.django_db


def sample(**overrides):
    case = {
        "slug": "cykelglade-boern",
        "network": "sund-by-netvaerket",
        "language": "da",
        "title": "Cykelglade børn",
        "summary": "Flere børn cykler til skole.",
        "organisation": {"name": "Odense Kommune", "code": "461"},
        "contact": {
            "name": "Søren Holm",
            "title": "Konsulent",
            "organisation": "Odense Kommune",
            "phone": "+45 00 12 34 56",
            "email": "soren@odense.example",
            "public": True,
        },
        "kind": "project",
        "budget_band": "100000-500000",
        "purpose": "Mere bevægelse i hverdagen.",
        "target_group": "Skolebørn",
        "arena": "Skolen",
        "description": "Cykelbaner og **cykelhjelme**.",
        "partners": "",
        "recruitment": "",
        "funding": "",
        "effect": "",
        "further_comments": "",
        "implementation_notes": "",
        "barriers": "",
        "promoting_factors": "",
        "period": {"start": "2021-08-01", "end": "2022-06-30"},
        "topics": ["fysisk-aktivitet", "overvaegt"],
        "prevention_types": ["rammer"],
        "quote": {"text": "Nu cykler hele klassen.", "speaker": "Lærer"},
        "evaluation": "external",
        "purpose_met": "high",
        "implemented_as_planned": None,
        "links": [{"title": "Projektside", "url": "https://odense.example/cykel"}],
        "materials": [
            {
                "title": "Rapport",
                "filename": "rapport.pdf",
                "content_base64": base64.b64encode(PDF).decode(),
            },
            {
                "title": "Foto",
                "filename": "foto.png",
                "content_base64": base64.b64encode(PNG).decode(),
            },
        ],
        "quality": [{"criterion": "transferability", "note": "Let at overføre"}],
        "shared": True,
        "status": "published",
    }
    case.update(overrides)
    return case


def write(tmp_path, cases, name="cases.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"cases": cases}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_import_creates_and_is_idempotent(tmp_path, dk_network):
    path = write(tmp_path, [sample()])
    out = io.StringIO()
    call_command("import_cases", path, stdout=out)
    assert "Imported 1 new" in out.getvalue()
    case = Case.objects.get(slug="cykelglade-boern")
    assert case.organisation.code == "461" and case.organisation.name == "Odense Kommune"
    assert sorted(t.slug for t in case.topics.all()) == ["fysisk-aktivitet", "overvaegt"]
    assert case.published_at is not None
    files = {m.filename: m.file.read() for m in case.materials.all()}
    assert files == {"rapport.pdf": PDF, "foto.png": PNG}
    material_ids = set(case.materials.values_list("pk", flat=True))
    call_command("import_cases", path, stdout=io.StringIO())
    assert Case.objects.count() == 1
    assert Organisation.objects.filter(code="461").count() == 1
    assert set(case.materials.values_list("pk", flat=True)) == material_ids  # untouched


def test_import_matches_existing_organisation_by_code(tmp_path, dk_network, member_org):
    path = write(tmp_path, [sample(organisation={"name": "Another name", "code": member_org.code})])
    call_command("import_cases", path, stdout=io.StringIO())
    assert Case.objects.get().organisation == member_org


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"topics": ["fysisk-aktivitet", "yoga"]}, "topics: unknown topic 'yoga'"),
        ({"prevention_types": ["kampagne"]}, "prevention_types: unknown intervention type"),
        ({"budget_band": "lots"}, "budget_band: must be one of"),
        ({"period": {"start": "2021-13-01", "end": None}}, "period.start: is not a date"),
        ({"network": "nope"}, "network: unknown network"),
        ({"purpose_met": "maybe"}, "purpose_met: must be one of"),
        (
            {"materials": [{"title": "x", "filename": "x.pdf", "content_base64": "bm90IGEgcGRm"}]},
            "materials[0]: The file's content does not match",
        ),
        ({"quality": [{"criterion": "beauty", "note": ""}]}, "quality[0].criterion: unknown"),
        ({"links": [{"title": "x", "url": "javascript:alert(1)"}]}, "links[0].url"),
    ],
)
def test_import_error_saves_nothing_and_names_case_and_field(
    tmp_path, dk_network, change, expected
):
    good = sample(slug="good-case")
    bad = sample(slug="bad-case", **change)
    path = write(tmp_path, [good, bad])
    with pytest.raises(CommandError) as excinfo:
        call_command("import_cases", path, stdout=io.StringIO())
    message = str(excinfo.value)
    assert "case 'bad-case' (#2)" in message
    assert expected in message
    assert not Case.objects.exists()
    assert not CaseMaterial.objects.exists()


def test_import_rejects_bad_json(tmp_path, dk_network):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_cases", str(path))
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(CommandError, match="cases"):
        call_command("import_cases", str(path))


def test_export_import_round_trip(tmp_path, dk_network):
    original = [
        sample(),
        sample(
            slug="udkast",
            status="draft",
            quote=None,
            materials=[],
            budget_band=None,
            period={"start": "2020-01-01", "end": None},
            shared=False,
        ),
    ]
    call_command("import_cases", write(tmp_path, original), stdout=io.StringIO())
    exported_path = tmp_path / "export.json"
    call_command("export_cases", output=str(exported_path), stderr=io.StringIO())
    exported = json.loads(exported_path.read_text(encoding="utf-8"))
    # the same cases come out as went in (sorted by slug)
    expected = sorted(copy.deepcopy(original), key=lambda c: c["slug"])
    assert exported["cases"] == expected
    # into an empty database: identical again, byte for byte in the materials
    Case.objects.all().delete()
    call_command("import_cases", str(exported_path), stdout=io.StringIO())
    again = [
        case_to_dict(c)
        for c in export_queryset(
            Case.objects.select_related("network", "organisation").order_by("slug")
        )
    ]
    assert again == exported["cases"]
    case = Case.objects.get(slug="cykelglade-boern")
    assert [m.file.read() for m in case.materials.all()] == [PDF, PNG]


def test_export_to_stdout(dk_network, case):
    out = io.StringIO()
    call_command("export_cases", stdout=out)
    data = json.loads(out.getvalue())
    assert data["cases"][0]["slug"] == case.slug
    assert data["cases"][0]["materials"] == []


def test_import_updates_existing_case(tmp_path, dk_network):
    call_command("import_cases", write(tmp_path, [sample()]), stdout=io.StringIO())
    changed = sample(title="Cykelglade børn 2.0", materials=[])
    call_command("import_cases", write(tmp_path, [changed], "b.json"), stdout=io.StringIO())
    case = Case.objects.get()
    assert case.title == "Cykelglade børn 2.0"
    assert not case.materials.exists()


def test_revision_snapshot_has_no_file_content(case, org_editor):
    services.material_add(actor=org_editor, case=case, title="F", filename="f.pdf", content=PDF)
    data = case.revisions.first().data
    assert data["materials"] == [{"title": "F", "filename": "f.pdf", "size": len(PDF)}]


def test_import_service_checks_its_rule(staff_user, plain_user):
    """Only the operator (the management command) and superusers import; a network's staff,
    a plain user and a missing actor are refused before anything is read."""
    from django.core.exceptions import PermissionDenied

    from samskab.cases.services import cases_import
    from samskab.core.guards import OPERATOR

    for actor in (None, plain_user, staff_user):
        with pytest.raises(PermissionDenied):
            cases_import(actor=actor, data={"cases": []})
    assert cases_import(actor=OPERATOR, data={"cases": []}) == {"created": 0, "updated": 0}
