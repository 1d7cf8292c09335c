import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from samskab.networks.models import Organisation

pytestmark = pytest.mark.django_db

GOOD = (
    "name,kind,code,country,website\n"
    "Silkeborg Kommune,municipality,740,DK,https://silkeborg.example\n"
    "Oslo kommune,municipality,0301,NO,\n"
    "Folkesundhed Forening,association,,DK,\n"
)


def write(tmp_path, text, name="orgs.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_creates_then_updates_without_duplicates(tmp_path, capsys):
    call_command("import_organisations", write(tmp_path, GOOD))
    assert Organisation.objects.count() == 3
    changed = GOOD.replace("Silkeborg Kommune,", "Silkeborg Kommune (ny),")
    call_command("import_organisations", write(tmp_path, changed))
    assert Organisation.objects.count() == 3
    assert Organisation.objects.get(code="740").name == "Silkeborg Kommune (ny)"
    assert "0 created, 1 updated, 2 unchanged" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Aarhus Kommune,municipality,75,DK,", "3 digits"),
        ("Oslo,municipality,301,NO,", "4 digits"),
        ("Noget,planet,,DK,", "unknown kind"),
        ("Noget,association,,XX,", "unknown country"),
        (",association,,DK,", "name is empty"),
        ("Noget,association,,DK,not a url", "not a valid URL"),
        ("Silkeborg igen,municipality,740,DK,", "same organisation as on line 2"),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_nothing_is_saved(tmp_path, capsys, row, message):
    text = GOOD + row + "\n"
    with (
        pytest.raises(CommandError, match="Nothing was imported"),
        override_settings(LANGUAGE_CODE="en"),
    ):
        call_command("import_organisations", write(tmp_path, text))
    err = capsys.readouterr().err
    assert ":5:" in err and message in err
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("N" * 201 + ",association,,DK,", "name: Ensure this value has at most 200 characters"),
        ("Noget,association," + "1" * 21 + ",DK,", "code: Ensure this value has at most 20"),
        ("Noget,association,,DK,https://x.example/" + "a" * 200, "website: Ensure this value"),
        ("!!! ---,association,,DK,", "has no letters or digits to make its web address"),
        ('"Del\nto",association,,DK,', "name must be one line of text"),
    ],
)
def test_every_field_is_checked_against_the_model(tmp_path, capsys, row, message):
    text = GOOD + row + "\n" + "Efter Forening,association,,DK,\n"
    with (
        pytest.raises(CommandError, match="Nothing was imported"),
        override_settings(LANGUAGE_CODE="en"),
    ):
        call_command("import_organisations", write(tmp_path, text))
    err = capsys.readouterr().err
    assert ":5: " in err and message in err, err
    assert err.count("orgs.csv:") == 1
    assert Organisation.objects.count() == 0


def test_line_numbers_count_blank_lines(tmp_path, capsys):
    text = GOOD + "\n\n" + "Noget,planet,,DK,\n"
    with pytest.raises(CommandError):
        call_command("import_organisations", write(tmp_path, text))
    assert ":7:" in capsys.readouterr().err


def test_import_reports_in_danish_by_default(tmp_path, capsys):
    with pytest.raises(CommandError):
        call_command("import_organisations", write(tmp_path, GOOD + "X,planet,,DK,\n"))
    assert "ukendt type 'planet'" in capsys.readouterr().err


def test_import_without_required_columns(tmp_path, capsys):
    with pytest.raises(CommandError):
        call_command("import_organisations", write(tmp_path, "navn;type\nX;Y\n"))
    assert "mangler kolonne" in capsys.readouterr().err


def test_import_of_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_organisations", tmp_path / "nope.csv")
