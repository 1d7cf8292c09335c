"""The import through its service and its command: every field, twice, the report."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from samskab.core.richtext import render_markdown
from samskab.news.models import Article, Page, Tag
from samskab.wpimport.models import ImportedFile, ImportedItem, ImportRun, OldAddress
from samskab.wpimport.services import site_import
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FIRST = {
    "attachment": {"created": 3, "skipped": 1},
    "comment": {"skipped": 2},
    "other": {"skipped": 1},
    "page": {"created": 3},
    "post": {"created": 4, "skipped": 1},
    "sag": {"skipped": 1},
}


@pytest.fixture
def editor(db):
    # The export's author redaktoer has this address (in another case), verified.
    return UserFactory(email="redaktoer@sundby.example")


@pytest.fixture
def unverified(db):
    user = UserFactory(email="unverified@test.example")
    user.emailaddress_set.update(verified=False)
    return user


def test_first_import_counts_and_report(run_import, editor, unverified):
    report = run_import()
    assert {k: dict(v) for k, v in report.counts.items()} == FIRST
    assert report.language == "da"
    assert report.dropped_characters == 3
    assert report.missing_files == ["https://sundby.example/wp-content/uploads/2013/01/mangler.jpg"]
    reasons = {}
    for problem in report.problems:
        reasons.setdefault((problem["kind"], problem["wp_id"]), []).append(problem["reason"])
    assert "trash" in reasons[("post", 14)][0]
    assert "sag" in reasons[("sag", 30)][0]
    assert "2 " in reasons[("comment", 10)][0]  # the spam comment is not counted
    assert any("[contact-form-7]" in r for r in reasons[("post", 11)])
    assert any("Åse Gæst" in r for r in reasons[("post", 11)])
    assert any("mangler.jpg" in r for r in reasons[("attachment", 104)])
    run = ImportRun.objects.get(pk=report.run_id)
    assert run.counts["post"] == {"created": 4, "skipped": 1}


def test_post_fields(run_import, editor, unverified):
    run_import()
    article = Article.objects.get(slug="netvaerksmoede-i-koege")
    assert article.title == "Netværksmøde i Køge – “trivsel” på dagsordenen"
    assert article.language == "da"
    assert article.status == "published"
    assert article.published_at == datetime.datetime(2014, 5, 20, 10, 30, tzinfo=datetime.UTC)
    assert article.lead == "Kontaktpersonerne mødtes i Køge."
    assert article.author == editor
    assert sorted(article.tags.values_list("name", flat=True)) == ["Børn", "Folkesundhed", "Ældre"]
    html = str(render_markdown(article.body))
    assert "<strong>kontaktpersonerne</strong>" in html
    assert "<h2>Trivsel på tværs</h2>" in html
    assert "<li>Ældre &amp; ensomhed</li>" in html
    assert "wp:paragraph" not in article.body
    assert "script" not in article.body and "onclick" not in article.body
    assert "Tak for i dag." in html
    files = {f.wp_id: f for f in ImportedFile.objects.all()}
    assert f'href="{files[103].get_absolute_url()}"' in html  # the PDF link
    assert f'href="{files[101].get_absolute_url()}"' in html  # the resized image, too
    # The featured image became the article's main image, in a few widths.
    assert [s["width"] for s in article.image_sizes] == [480, 600]
    assert article.image_alt == "Deltagere ved mødet i Køge"


def test_post_without_gmt_date_is_read_in_the_networks_time_zone(run_import, editor):
    run_import()
    article = Article.objects.get(slug="temadag-om-bevaegelse")
    # 09:00 in Copenhagen in March (CET) is 08:00 UTC.
    assert article.published_at == datetime.datetime(2015, 3, 2, 8, 0, tzinfo=datetime.UTC)
    assert article.author is None  # gaest's address belongs to nobody here
    item = ImportedItem.objects.get(kind="post", wp_id=11)
    assert item.author_name == "Åse Gæst"
    html = str(render_markdown(article.body))
    assert "<em>Cykelstien i Ærøskøbing</em>" in html
    assert 'href="https://video.example/watch?v=abc"' in html
    assert "contact-form-7" not in article.body
    assert "Anden linje<br>" in html


def test_drafts_control_characters_and_unverified_authors(run_import, unverified):
    run_import()
    draft = Article.objects.get(title="Kladde: Årsberetning")
    assert draft.status == "draft" and draft.published_at is None
    assert draft.slug == "kladde-aarsberetning"
    assert draft.author is None  # the address is not verified
    assert Article.objects.filter(title="Styrgruppen mødes").exists()
    assert not Article.objects.filter(title="I papirkurven").exists()


def test_pages_keep_the_top_level_order_as_the_menu(run_import):
    run_import()
    pages = {p.slug: p for p in Page.objects.all()}
    assert set(pages) == {"om-netvaerket", "bestyrelsen", "kontakt"}
    about = pages["om-netvaerket"]
    assert about.title_da == "Om netværket" and about.published and about.menu_position == 1
    assert "*18*" in about.body_da
    assert pages["bestyrelsen"].menu_position is None  # a child page: not in the menu
    assert not pages["kontakt"].published


def test_second_import_updates_never_duplicates(run_import, editor, export):
    run_import()
    counts = (Article.objects.count(), Page.objects.count(), ImportedFile.objects.count())
    again = run_import()
    assert (Article.objects.count(), Page.objects.count(), ImportedFile.objects.count()) == counts
    assert dict(again.counts["post"]) == {"unchanged": 4, "skipped": 1}
    assert dict(again.counts["page"]) == {"unchanged": 3}
    assert dict(again.counts["attachment"]) == {"unchanged": 3, "skipped": 1}
    # A newer export with a changed title updates the article in place.
    export.write_bytes(export.read_bytes().replace(b"Temadag om bev", b"Ny temadag om bev"))
    third = run_import()
    assert third.counts["post"]["updated"] == 1
    assert Article.objects.filter(title="Ny temadag om bevægelse").count() == 1
    assert Article.objects.count() == counts[0]
    assert Tag.objects.filter(slug="boern").count() == 1


def test_an_article_changed_in_samskab_is_not_overwritten(run_import, export):
    run_import()
    article = Article.objects.get(slug="temadag-om-bevaegelse")
    later = article.updated_at + datetime.timedelta(minutes=5)
    Article.objects.filter(pk=article.pk).update(title="Rettet i Samskab", updated_at=later)
    export.write_bytes(export.read_bytes().replace(b"Temadag om bev", b"Ny temadag om bev"))
    report = run_import()
    article.refresh_from_db()
    assert article.title == "Rettet i Samskab"
    reasons = [p["reason"] for p in report.problems if p["wp_id"] == 11 and p["kind"] == "post"]
    assert any("Samskab" in r for r in reasons)


def test_dry_run_saves_nothing(run_import, tmp_path):
    report = run_import(dry_run=True)
    assert report.counts["post"]["created"] == 4
    assert not Article.objects.exists()
    assert not Page.objects.exists()
    assert not OldAddress.objects.exists()
    assert not ImportRun.objects.exists()
    media = tmp_path / "media"
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_only_the_secretariat_or_the_operator_may_import(dk_network, export, plain_user):
    with pytest.raises(PermissionDenied):
        site_import(actor=plain_user, network=dk_network, path=export)
    assert not Article.objects.exists()


def test_a_broken_file_is_refused_whole(run_import, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<html><body>no</body></html>")
    with pytest.raises(ValidationError):
        run_import(path=bad)
    with pytest.raises(ValidationError):
        run_import(path=tmp_path / "missing.xml")
    assert not ImportRun.objects.exists()


def test_uploads_outside_the_folder_are_never_read(run_import, export, upload_dir, tmp_path):
    (tmp_path / "secret.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    export.write_bytes(export.read_bytes().replace(b"2014/05/program.pdf]]", b"../secret.pdf]]"))
    run_import()
    assert not ImportedFile.objects.filter(wp_id=103).exists()


def test_command_prints_the_report_and_writes_it(dk_network, export, upload_dir, tmp_path, capsys):
    out = tmp_path / "report.json"
    call_command(
        "wpimport", str(export), network=dk_network.slug, uploads=str(upload_dir), report=str(out)
    )
    printed = capsys.readouterr().out
    assert "WordPress-import" in printed or "WordPress import" in printed
    data = json.loads(out.read_text())
    assert data["counts"]["post"]["created"] == 4
    assert Article.objects.count() == 4
    call_command("wpimport", str(export), network=dk_network.slug, dry_run=True)
    assert Article.objects.count() == 4
