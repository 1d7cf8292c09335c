from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from samskab.cases import services
from samskab.cases.models import Case, CaseRevision, Topic

from .conftest import PDF, PNG

pytestmark = pytest.mark.django_db


def form_data(org, **overrides):
    data = {
        "title": "Frugt i frikvarteret",
        "summary": "Alle elever får et stykke frugt hver dag.",
        "organisation": org.pk,
        "language": "da",
        "kind": "project",
        "budget_band": "<100000",
        "contact_name": "Anne Kjær",
        "contact_title": "Sundhedskonsulent",
        "contact_organisation": "Testby Kommune",
        "contact_phone": "+45 00 11 22 33",
        "contact_email": "anne@kommune.example",
        "period_start": "2023-08-01",
        "period_end": "",
        "topics": [Topic.objects.get(slug="mad-og-maaltider").pk],
        "purpose": "Sundere vaner.",
        "target_group": "Elever i indskolingen",
        "description": "Vi samarbejdede med **kantinen**.",
        "evaluation": "internal",
        "purpose_met": "some",
        "implemented_as_planned": "high",
        "links_text": "Projektside | https://kommune.example/frugt",
        "quality_equity": "Alle elever får frugt, uanset hjemmets økonomi.",
        "action": "save",
    }
    data.update(overrides)
    return data


def test_editor_creates_draft_edits_and_submits(
    client, org_editor, member_org, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(org_editor)
    response = client.post("/da/cases/new/", form_data(member_org))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.status == "draft" and case.created_by == org_editor
    assert case.slug == "frugt-i-frikvarteret"
    assert [link.url for link in case.links.all()] == ["https://kommune.example/frugt"]
    assert case.quality.get().criterion == "equity"
    assert case.revisions.count() == 1
    # submit
    response = client.post(
        f"/da/cases/{case.slug}/edit/",
        form_data(member_org, action="submit", title="Frugt i frikvarteret!"),
    )
    assert response.status_code == 302, response.context["form"].errors
    case.refresh_from_db()
    assert case.status == "submitted" and case.title == "Frugt i frikvarteret!"
    # staff sees it in the queue and publishes; the author is e-mailed
    client.force_login(staff_user)
    assert case in client.get("/da/cases/moderation/").context["cases"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/da/cases/{case.slug}/publish/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "published" and case.published_at
    assert mailoutbox[-1].to == [org_editor.email]
    assert "frugt-i-frikvarteret" in mailoutbox[-1].body
    assert list(case.revisions.values_list("action", flat=True))[:3] == [
        "published",
        "submitted",
        "edited",
    ]


def test_send_back_with_comment_emails_author(
    client, draft, staff_user, org_editor, mailoutbox, django_capture_on_commit_callbacks
):
    services.case_submit(actor=org_editor, case=draft)
    client.force_login(staff_user)
    response = client.post(f"/da/cases/{draft.slug}/send-back/", {"comment": ""})
    assert response.status_code == 200
    assert response.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/da/cases/{draft.slug}/send-back/", {"comment": "Tilføj gerne resultater."}
        )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.moderation_comment == "Tilføj gerne resultater."
    assert "Tilføj gerne resultater." in mailoutbox[-1].body
    assert mailoutbox[-1].to == [org_editor.email]


def test_validation_messages_and_error_summary(client, org_editor, member_org):
    client.force_login(org_editor)
    response = client.post(
        "/en/cases/new/",
        form_data(
            member_org,
            title="",
            period_start="2024-01-01",
            period_end="2023-01-01",
            links_text="not a link",
            contact_email="nope",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please correct the following" in html
    assert "The end date is before the start date." in html
    assert "Line 1 is not a web address" in html
    assert 'aria-invalid="true"' in html
    assert Case.objects.count() == 0


def test_submit_of_incomplete_draft_names_missing_fields(client, org_editor, member_org):
    client.force_login(org_editor)
    client.post(
        "/en/cases/new/",
        {
            "title": "Only a title",
            "organisation": member_org.pk,
            "language": "da",
            "kind": "project",
            "evaluation": "none",
            "action": "save",
        },
    )
    case = Case.objects.get()
    assert case.status == "draft"
    response = client.post(
        f"/en/cases/{case.slug}/edit/",
        {
            "title": "Only a title",
            "organisation": member_org.pk,
            "language": "da",
            "kind": "project",
            "evaluation": "none",
            "action": "submit",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Describe the purpose." in html and "Choose at least one topic." in html
    assert "saved as a draft, but the case cannot be submitted yet" in html
    case.refresh_from_db()
    assert case.status == "draft"


def test_editor_cannot_create_for_other_organisation(org_editor, other_org, dk_network):
    with pytest.raises(PermissionDenied):
        services.case_create(
            actor=org_editor, network=dk_network, organisation=other_org, data={"title": "X"}
        )


def test_form_only_offers_own_organisations(client, org_editor, member_org, other_org):
    client.force_login(org_editor)
    response = client.post("/en/cases/new/", form_data(other_org))
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors


def test_published_case_edit_keeps_revision_and_staff_restores(
    client, case, org_editor, staff_user
):
    client.force_login(org_editor)
    old_title = case.title
    response = client.post(
        f"/da/cases/{case.slug}/edit/", form_data(case.organisation, title="Ny titel")
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "Ny titel" and case.status == "published"
    edit = case.revisions.get(action="edited")
    assert edit.author == org_editor
    # the editor may not see revisions
    assert client.get(f"/da/cases/{case.slug}/revisions/").status_code == 403
    # staff sees the diff and restores the factory state recorded first
    services.revision_record(actor=None, case=case, action="edited")
    client.force_login(staff_user)
    response = client.get(f"/en/cases/{case.slug}/revisions/{edit.pk}/")
    assert response.status_code == 200
    assert "Ny titel" in response.content.decode()
    first = CaseRevision.objects.filter(case=case).order_by("created_at", "id").first()
    first.data["title"] = old_title
    first.save()
    response = client.post(f"/da/cases/{case.slug}/revisions/{first.pk}/restore/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == old_title
    assert case.revisions.first().action == "restored"


def test_material_upload_good_and_bad_files(client, draft, org_editor):
    client.force_login(org_editor)
    url = f"/en/cases/{draft.slug}/materials/"
    ok = client.post(url, {"title": "Folder", "file": SimpleUploadedFile("folder.pdf", PDF)})
    assert ok.status_code == 302
    ok = client.post(url, {"title": "Foto", "file": SimpleUploadedFile("foto.png", PNG)})
    assert ok.status_code == 302
    bad_files = [
        ("virus.pdf", b"MZ\x90\x00" + b"\x00" * 64, "does not match"),
        ("script.exe", b"MZ\x90\x00" + b"\x00" * 64, "cannot be uploaded"),
        ("notes.docx", PDF, "does not match"),
        ("empty.pdf", b"", "empty"),
        ("page.html", b"<html><script>alert(1)</script></html>", "cannot be uploaded"),
    ]
    for name, content, message in bad_files:
        response = client.post(url, {"title": "x", "file": SimpleUploadedFile(name, content)})
        assert response.status_code == 400, name
        assert message in response.content.decode(), name
    assert [m.filename for m in draft.materials.all()] == ["folder.pdf", "foto.png"]


def test_material_size_limit(client, draft, org_editor, monkeypatch):
    import samskab.cases.files as files
    import samskab.cases.forms as forms

    monkeypatch.setattr(files, "MAX_MATERIAL_SIZE", 100)
    monkeypatch.setattr(forms, "MAX_MATERIAL_SIZE", 100)
    client.force_login(org_editor)
    response = client.post(
        f"/en/cases/{draft.slug}/materials/",
        {"file": SimpleUploadedFile("big.pdf", PDF + b"x" * 200)},
    )
    assert response.status_code == 400
    assert "too large" in response.content.decode()


def test_material_download_checks_permission(client, draft, org_editor, plain_user):
    material = services.material_add(
        actor=org_editor, case=draft, title="Folder", filename="folder.pdf", content=PDF
    )
    url = material.get_absolute_url()
    assert client.get(url).status_code == 404  # draft: not public
    client.force_login(plain_user)
    assert client.get(url).status_code == 404
    client.force_login(org_editor)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]


def test_material_delete(client, draft, org_editor):
    material = services.material_add(
        actor=org_editor, case=draft, title="Folder", filename="folder.pdf", content=PDF
    )
    client.force_login(org_editor)
    response = client.post(f"/da/cases/{draft.slug}/materials/{material.pk}/delete/")
    assert response.status_code == 302
    assert not draft.materials.exists()


def test_restore_refuses_foreign_revision(case, staff_user, dk_network, member_org):
    from .factories import CaseFactory

    other = CaseFactory(network=dk_network, organisation=member_org)
    revision = services.revision_record(actor=staff_user, case=other, action="edited")
    with pytest.raises(ValidationError):
        services.case_restore(actor=staff_user, case=case, revision=revision)


def test_reserved_slug_avoided(org_editor, dk_network, member_org):
    case = services.case_create(
        actor=org_editor, network=dk_network, organisation=member_org, data={"title": "New"}
    )
    assert case.slug != "new"


def test_delete_draft(client, draft, org_editor):
    client.force_login(org_editor)
    assert client.get(f"/da/cases/{draft.slug}/delete/").status_code == 200
    assert client.post(f"/da/cases/{draft.slug}/delete/").status_code == 302
    assert not Case.objects.filter(pk=draft.pk).exists()


def test_case_only_for_a_member_of_the_network(org_editor, dk_network):
    from tests.factories import OrganisationFactory

    outsider = OrganisationFactory()
    with pytest.raises((ValidationError, PermissionDenied)):
        services.case_create(
            actor=org_editor, network=dk_network, organisation=outsider, data={"title": "X"}
        )


def test_staff_case_for_non_member_rejected(staff_user, dk_network):
    from tests.factories import OrganisationFactory

    with pytest.raises(ValidationError):
        services.case_create(
            actor=staff_user,
            network=dk_network,
            organisation=OrganisationFactory(),
            data={"title": "X"},
        )


def test_material_of_unshared_sister_case_not_served(client, dk_network, no_network):
    from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

    from .factories import CaseFactory

    org = MembershipFactory(
        network=no_network, organisation=OrganisationFactory(country="NO", code="5001")
    ).organisation
    private = CaseFactory(network=no_network, organisation=org, shared=False)
    material = services.material_add(
        actor=UserFactory(is_superuser=True),
        case=private,
        title="F",
        filename="f.pdf",
        content=PDF,
    )
    assert client.get(material.get_absolute_url()).status_code == 404
    private.shared = True
    private.save()
    assert client.get(material.get_absolute_url()).status_code == 200


def test_a_full_disk_gives_a_clear_error_and_saves_nothing(
    client, draft, org_editor, monkeypatch, settings, tmp_path
):
    """The storage writes part of the file and fails with ENOSPC: the form says so, and
    neither the material, a revision nor the partial file is left."""
    import errno

    from django.core.files.storage import FileSystemStorage

    settings.MEDIA_ROOT = tmp_path / "media"

    def full_disk(self, name, content):
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(PDF[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", full_disk)
    revisions = draft.revisions.count()
    client.force_login(org_editor)
    response = client.post(
        f"/en/cases/{draft.slug}/materials/",
        {"title": "Folder", "file": SimpleUploadedFile("folder.pdf", PDF)},
    )
    assert response.status_code == 400
    assert "the server has no room for it now" in response.content.decode()
    assert draft.materials.count() == 0 and draft.revisions.count() == revisions
    assert [p for p in (tmp_path / "media").rglob("*") if p.is_file()] == []
