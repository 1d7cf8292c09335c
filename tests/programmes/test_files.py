import copy

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from samskab.demo.data.programmes import SEED_FORM
from samskab.formbuilder.services import form_replace
from samskab.programmes.models import ApplicationFile

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 40


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def with_file_question(call, staff_user, application):
    definition = copy.deepcopy(SEED_FORM)
    definition["sections"][2]["questions"].append(
        {"id": "bilag", "kind": "file", "label": "Kort over området", "max_mb": 1}
    )
    form_replace(actor=staff_user, form=call.form, definition=definition)
    return application


def _post(client, application, upload, extra=None, lang="da"):
    data = {"action": "save", "a-omraade": "Nordbyen", "a-bilag": upload, **(extra or {})}
    for qid, roles in {
        "kontakt": ["kontakt"],
        "deltagere": ["leder", "medarbejder", "bolig"],
    }.items():
        for role in roles:
            data[f"a-{qid}-{role}-TOTAL_FORMS"] = "0"
            data[f"a-{qid}-{role}-INITIAL_FORMS"] = "0"
    with translation.override(lang):
        path = reverse("programmes:application_edit", args=[application.pk])
    return client.post(path, data)


def test_a_file_is_checked_stored_and_served_to_those_who_may(
    client, with_file_question, org_editor, other_org_editor, staff_user
):
    application = with_file_question
    client.force_login(org_editor)
    response = _post(client, application, SimpleUploadedFile("kort.pdf", PDF))
    assert response.status_code == 302
    record = ApplicationFile.objects.get()
    application.refresh_from_db()
    assert application.answers["bilag"] == {"file": record.pk, "name": "kort.pdf", "size": len(PDF)}
    assert application.answers["omraade"] == "Nordbyen"
    page = client.get(reverse("programmes:application", args=[application.pk])).content.decode()
    url = reverse("programmes:application_file", args=[application.pk, record.pk])
    assert url in page
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    # Saving again without a new file keeps the file.
    _post(client, application, b"")
    application.refresh_from_db()
    assert application.answers["bilag"]["file"] == record.pk
    client.force_login(other_org_editor)
    assert client.get(url).status_code == 404
    client.force_login(staff_user)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [("kort.pdf", PNG, "does not match"), ("kort.pdf", PDF + b"x" * (1024 * 1024), "limit")],
    ids=["content-not-its-name", "over-the-question-limit"],
)
def test_bad_files_are_refused_and_nothing_typed_is_lost(
    client, with_file_question, org_editor, name, content, words
):
    client.force_login(org_editor)
    response = _post(
        client,
        with_file_question,
        SimpleUploadedFile(name, content),
        {"a-maal": "Vores mål"},
        lang="en",
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in text and words in text
    assert "Vores mål" in text  # still in the form
    assert not ApplicationFile.objects.exists()
