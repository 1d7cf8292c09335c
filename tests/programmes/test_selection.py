import pytest
from django.urls import reverse

from samskab.cases.models import Case
from samskab.programmes import services

pytestmark = pytest.mark.django_db


def test_an_accepted_application_becomes_a_draft_case_once(
    client, submitted, staff_user, org_editor
):
    url = reverse("programmes:make_case", args=[submitted.pk])
    client.force_login(staff_user)
    assert client.get(url).status_code == 403  # not accepted yet
    services.decision_set(actor=staff_user, application=submitted, outcome="accepted")
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(
        url,
        {
            "title": "Fællesskabsagenter i Nordbyen",
            "purpose": "maal",
            "description": "lokalomraade",
            "partners": "partnerskaber",
        },
    )
    case = Case.objects.get()
    assert response["Location"] == reverse("cases:edit", args=[case.slug])
    assert case.status == Case.Status.DRAFT and case.organisation == submitted.organisation
    assert case.purpose == "Flere fællesskaber."
    assert case.description == "Et område med mange foreninger."
    assert case.partners == "Frivillighedscentret."
    submitted.refresh_from_db()
    assert submitted.case == case
    assert client.get(url).status_code == 403  # once
    assert org_editor.has_perm("cases.change_case", case)  # the municipality completes it


def test_applicants_cannot_make_cases(client, submitted, staff_user, org_editor):
    services.decision_set(actor=staff_user, application=submitted, outcome="accepted")
    client.force_login(org_editor)
    response = client.post(reverse("programmes:make_case", args=[submitted.pk]), {"title": "X"})
    assert response.status_code == 403
    assert not Case.objects.exists()
