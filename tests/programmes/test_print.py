"""The printable bundle of a call's applications: the secretariat's and the call's named
reviewers' only; one application a page, each with the answers to the form version it was
answered on; the review list's filters choose which."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from samskab.demo.data.programmes import SEED_FORM
from samskab.formbuilder.services import form_replace
from samskab.programmes.models import Application
from tests.factories import MembershipFactory

from .conftest import make_call, submitted_application

pytestmark = pytest.mark.django_db


def _print_path(call, query=""):
    edition = call.edition
    with translation.override("da"):
        path = reverse("programmes:print", args=[edition.programme.slug, edition.year])
    return path + query


def _other(call, name, staff_user, status=Application.Status.SUBMITTED):
    organisation = MembershipFactory(
        network=call.edition.programme.network, organisation__name=name
    ).organisation
    application = submitted_application(call, organisation, staff_user)
    Application.objects.filter(pk=application.pk).update(status=status)
    return application


def test_the_bundle_holds_every_submitted_application_with_its_answers(
    client, call, submitted, application, staff_user, django_assert_max_num_queries
):
    _other(call, "Aabenby Kommune", staff_user, Application.Status.ACCEPTED)
    draft_org = MembershipFactory(
        network=call.edition.programme.network, organisation__name="Kladdeby Kommune"
    ).organisation
    Application.objects.create(
        call=call, organisation=draft_org, form_version=call.form.current(), answers={}
    )
    client.force_login(staff_user)
    page = client.get(_print_path(call)).content.decode()
    titles = re.findall(r'<h2 class="ds-heading" data-size="md" id="app-\d+">([^<]+)</h2>', page)
    assert titles == ["Aabenby Kommune", submitted.organisation.name]  # no draft
    assert page.count('class="print-application"') == 2
    assert "Lis Leder, Chef" in page and "Et område med mange foreninger." in page
    assert "programmes/programmes.css" in page  # the print stylesheet: a page each
    # The review list's filters choose which applications the bundle holds.
    assert (
        "Aabenby Kommune" not in client.get(_print_path(call, "?status=submitted")).content.decode()
    )
    # The queries do not grow with the number of applications.
    for k in range(3):
        _other(call, f"Ekstra {k} Kommune", staff_user)
    with django_assert_max_num_queries(25):
        assert client.get(_print_path(call)).content.decode().count('print-application"') == 5


def test_a_changed_form_never_loses_a_printed_answer(client, call, submitted, staff_user):
    definition = {
        "sections": [
            {
                "id": "ny",
                "title": "Ny sektion",
                "questions": [{"id": "nyt", "kind": "short_text", "label": "Nyt spørgsmål"}],
            }
        ]
    }
    form_replace(actor=staff_user, form=call.form, definition=definition)
    client.force_login(staff_user)
    page = client.get(_print_path(call)).content.decode()
    assert "Frivillighedscentret." in page and "Nyt spørgsmål" not in page


def test_only_the_secretariat_and_the_calls_reviewers_print(
    client, call, submitted, org_editor, plain_user, other_network_staff, staff_user, dk_network
):
    assert client.get(_print_path(call))["Location"].startswith("/da/accounts/login/")
    for user in (org_editor, plain_user, other_network_staff):
        client.force_login(user)
        assert client.get(_print_path(call)).status_code == 403
    other_call = make_call(staff_user, dk_network, year=2013, definition=SEED_FORM)
    other_call.reviewers.add(plain_user)
    client.force_login(plain_user)
    assert client.get(_print_path(call)).status_code == 403
    call.reviewers.add(plain_user)
    client.force_login(plain_user)
    assert submitted.organisation.name in client.get(_print_path(call)).content.decode()


def test_the_review_list_links_the_bundle_of_what_it_shows(client, call, submitted, staff_user):
    client.force_login(staff_user)
    edition = call.edition
    with translation.override("da"):
        path = reverse("programmes:review", args=[edition.programme.slug, edition.year])
    page = client.get(path + "?status=accepted&junk=<x>").content.decode()
    assert f'href="{_print_path(call)}?status=accepted"' in page
    assert "Disse ansøgninger som ét dokument til udskrift" in page
    assert f'href="{_print_path(call)}"' in client.get(path).content.decode()
