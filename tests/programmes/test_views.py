import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from samskab.programmes import services
from samskab.programmes.models import Application, Call, Edition, Programme
from tests.factories import MembershipFactory

from .conftest import complete_answers, submitted_application

pytestmark = pytest.mark.django_db


def url(name, *args, lang="da"):
    with translation.override(lang):
        return reverse(f"programmes:{name}", args=args)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("da", "Ansøgningsskemaet"), ("nb", "Søknadsskjemaet"), ("en", "The application form")],
)
def test_call_page_shows_the_questions_to_anyone(client, call, lang, words):
    edition = call.edition
    response = client.get(url("edition", edition.programme.slug, edition.year, lang=lang))
    assert response.status_code == 200
    text = response.content.decode()
    assert words in text
    assert "Beskriv lokalområdet" in text and "Chef/ledelsesniveau" in text
    assert "ca. ½ side" in text


def test_anonymous_visitor_is_told_to_log_in(client, call):
    edition = call.edition
    response = client.get(url("edition", edition.programme.slug, edition.year, lang="en"))
    assert "Log in to apply on behalf of your organisation." in response.content.decode()


def test_a_user_without_a_role_sees_why_in_danish(client, call, plain_user):
    client.force_login(plain_user)
    edition = call.edition
    response = client.get(url("edition", edition.programme.slug, edition.year))
    assert "Kun en organisations redaktører" in response.content.decode()


def test_staff_set_up_a_programme_edition_and_call_in_the_site(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        url("create"),
        {"name": "Netværk for Fællesskabsagenter", "funder": "Ministeriet for Sundhed"},
    )
    programme = Programme.objects.get()
    assert response.status_code == 302 and programme.slug == "netvaerk-for-faellesskabsagenter"
    response = client.post(
        url("edition_create", programme.slug),
        {"year": "2014", "focus": "Samskabelse", "tracks": "Lederspor\nMedarbejderspor"},
    )
    edition = Edition.objects.get()
    assert [t.name for t in edition.tracks.all()] == ["Lederspor", "Medarbejderspor"]
    response = client.post(
        url("call_edit", programme.slug, 2014),
        {
            "opens_on": "2013-12-01",
            "deadline_on": "2014-02-01",
            "deadline_time": "23:59:59",
            "seats": "20",
            "eligibility": "country",
            "text": "Der er plads til 20 kommuner.",
        },
    )
    assert response.status_code == 302
    call = Call.objects.get()
    assert call.seats == 20 and call.form.current().number == 1
    # The form builder: a section and a people list with roles.
    form_url = reverse("formbuilder:edit", args=[call.form.pk])
    assert client.get(form_url).status_code == 200
    client.post(reverse("formbuilder:section_new", args=[call.form.pk]), {"title": "Kommune"})
    section = call.form.current().definition["sections"][0]
    response = client.post(
        reverse("formbuilder:question_new", args=[call.form.pk, section["id"]]),
        {
            "kind": "people",
            "label": "Medarbejderressourcer",
            "required": "on",
            "roles": "Chef/ledelsesniveau; 1; 2\nMedarbejderniveau; 0; 2\n"
            "Evt. ansat i boligområdet; 0; 1",
            "max_total": "4",
        },
    )
    assert response.status_code == 302
    question = call.form.current().definition["sections"][0]["questions"][0]
    assert [(r["label"], r["min"], r["max"]) for r in question["roles"]] == [
        ("Chef/ledelsesniveau", 1, 2),
        ("Medarbejderniveau", 0, 2),
        ("Evt. ansat i boligområdet", 0, 1),
    ]
    assert question["max_total"] == 4
    assert call.form.current().number == 3
    assert client.get(reverse("formbuilder:preview", args=[call.form.pk])).status_code == 200


def test_call_form_errors_in_the_summary(client, staff_user, call):
    client.force_login(staff_user)
    edition = call.edition
    response = client.post(
        url("call_edit", edition.programme.slug, edition.year, lang="en"),
        {
            "opens_on": "2030-02-01",
            "deadline_on": "2030-01-01",
            "deadline_time": "23:59:59",
            "seats": "0",
            "eligibility": "listed",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in text and "Seats" in text


def _post_answers(client, application, answers, action):
    """The answer form as a browser posts it (the people formsets by role)."""
    data = {"action": action}
    for key in ("kommune", "maal", "lokalomraade", "partnerskaber", "omraade"):
        data[f"a-{key}"] = answers.get(key, "")
    roles = {"kontakt": ["kontakt"], "deltagere": ["leder", "medarbejder", "bolig"]}
    for qid, role_ids in roles.items():
        for role in role_ids:
            people = [p for p in answers.get(qid, []) if p["role"] == role]
            prefix = f"a-{qid}-{role}"
            data[f"{prefix}-TOTAL_FORMS"] = str(len(people))
            data[f"{prefix}-INITIAL_FORMS"] = "0"
            for i, person in enumerate(people):
                data[f"{prefix}-{i}-name"] = person["name"]
                data[f"{prefix}-{i}-title"] = person.get("title", "")
    return client.post(url("application_edit", application.pk, lang="en"), data)


def test_a_municipality_applies_in_the_browser_way(client, call, org_editor, member_org):
    client.force_login(org_editor)
    edition = call.edition
    page = client.get(url("edition", edition.programme.slug, edition.year))
    assert f"Ansøg på vegne af {member_org.name}" in page.content.decode()
    response = client.post(
        url("apply", edition.programme.slug, edition.year), {"organisation": member_org.pk}
    )
    application = Application.objects.get()
    assert response["Location"] == url("application_edit", application.pk)
    assert client.get(response["Location"]).status_code == 200
    # Submitting half done: the error summary, and the draft kept.
    half = {"kommune": "Testby", "maal": "Et mål"}
    response = _post_answers(client, application, half, "submit")
    text = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in text and 'href="#q-omraade"' in text
    application.refresh_from_db()
    assert application.status == "draft" and application.answers["maal"] == "Et mål"
    # Complete: submitted.
    response = _post_answers(client, application, complete_answers(), "submit")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.answers["deltagere"][0] == {
        "role": "leder",
        "name": "Lis Leder",
        "title": "Chef",
    }
    detail = client.get(url("application", application.pk)).content.decode()
    assert "Lis Leder" in detail and "Nordbyen" in detail


def test_too_many_people_in_a_role_is_a_form_error(client, application, org_editor):
    client.force_login(org_editor)
    answers = complete_answers()
    answers["kontakt"] = [
        {"role": "kontakt", "name": "A", "title": "x"},
        {"role": "kontakt", "name": "B", "title": "y"},
    ]
    response = _post_answers(client, application, answers, "save")
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_other_organisations_never_see_an_application(client, submitted, other_org_editor):
    client.force_login(other_org_editor)
    assert client.get(url("application", submitted.pk)).status_code == 404
    assert client.get(url("application_edit", submitted.pk)).status_code == 403


def test_review_decide_and_export(client, staff_user, call, submitted, dk_network):
    others = [
        submitted_application(call, MembershipFactory(network=dk_network).organisation, staff_user)
        for _ in range(2)
    ]
    client.force_login(staff_user)
    edition = call.edition
    listing = client.get(url("review", edition.programme.slug, edition.year, lang="en"))
    assert listing.status_code == 200
    assert "3 applied; 0 accepted of 20 seats" in listing.content.decode()
    response = client.post(
        url("decide", others[0].pk), {"outcome": "accepted", "letter": "Velkommen"}
    )
    assert response.status_code == 302
    others[0].refresh_from_db()
    assert others[0].status == "accepted"
    filtered = client.get(
        url("review", edition.programme.slug, edition.year), {"status": "accepted"}
    )
    assert others[0].organisation.name in filtered.content.decode()
    assert submitted.organisation.name not in filtered.content.decode()
    export = client.get(url("export", edition.programme.slug, edition.year))
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.values)
    assert len(rows) == 4  # the header and one row per application
    header = rows[0]
    assert (
        "Medarbejderressourcer (op til fire deltagere pr. kommune): Chef/ledelsesniveau" in header
    )
    row = next(r for r in rows if r[0] == submitted.organisation.name)
    assert "Lis Leder, Chef" in row


def test_decision_above_the_seats_is_a_form_error(client, staff_user, call, submitted):
    call.seats = 1
    call.save()
    other = submitted_application(
        call, MembershipFactory(network=call.edition.programme.network).organisation, staff_user
    )
    services.decision_set(actor=staff_user, application=other, outcome="accepted")
    client.force_login(staff_user)
    response = client.post(url("decide", submitted.pk, lang="en"), {"outcome": "accepted"})
    assert response.status_code == 200
    assert "All 1 seats are taken" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_staff_of_the_other_network_cannot_review(client, other_network_staff, call):
    client.force_login(other_network_staff)
    edition = call.edition
    assert client.get(url("review", edition.programme.slug, edition.year)).status_code == 403


def test_all_applications_print_as_one_document(client, staff_user, call, submitted, org_editor):
    edition = call.edition
    path = url("print", edition.programme.slug, edition.year)
    client.force_login(org_editor)
    assert client.get(path).status_code == 403
    client.force_login(staff_user)
    text = client.get(path).content.decode()
    assert submitted.organisation.name in text and "Lis Leder" in text and "Nordbyen" in text
