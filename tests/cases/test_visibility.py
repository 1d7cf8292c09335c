"""The one rule for which cases can be read in a network, and every door that uses it:
the list, the page, the API, related cases and the search adapter."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from samskab.cases import selectors
from samskab.cases.models import Case
from samskab.cases.search import CaseAdapter
from tests.factories import MembershipFactory, OrganisationFactory

from .factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(case, draft, no_network):
    org = MembershipFactory(
        network=no_network, organisation=OrganisationFactory(country="NO", code="0301")
    ).organisation
    return {
        "case": case,
        "draft": draft,
        "no_private": CaseFactory(network=no_network, organisation=org, shared=False),
        "no_shared": CaseFactory(network=no_network, organisation=org, shared=True),
    }


# (network, role) -> the cases readable there
EXPECTED = {
    ("dk", "anonymous"): {"case", "no_shared"},
    ("dk", "plain_user"): {"case", "no_shared"},
    ("dk", "org_editor"): {"case", "draft", "no_shared"},
    ("dk", "staff_user"): {"case", "draft", "no_shared"},
    ("dk", "other_network_staff"): {"case", "no_shared"},
    ("no", "anonymous"): {"no_private", "no_shared"},
    ("no", "org_editor"): {"no_private", "no_shared"},
    ("no", "other_network_staff"): {"no_private", "no_shared"},
    (None, "anonymous"): {"no_shared"},
    (None, "staff_user"): {"no_shared"},
}


@pytest.mark.parametrize(("network", "role"), list(EXPECTED))
def test_readable_in_network(network, role, world, request, dk_network, no_network):
    user = AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)
    net = {"dk": dk_network, "no": no_network, None: None}[network]
    readable = set(Case.objects.readable_in_network(net, user))
    assert readable == {world[name] for name in EXPECTED[(network, role)]}


def test_without_a_network_only_shared_cases_can_be_read(rf, world):
    """The page used to show any published case when no network served the address."""
    from samskab.cases import views

    def page(case):
        request = rf.get(f"/da/cases/{case.slug}/")
        request.user, request.network = AnonymousUser(), None
        return views.case_detail(request, slug=case.slug)

    with pytest.raises(Http404):
        page(world["case"])
    assert page(world["no_shared"]).status_code == 200
    filters = selectors.CaseFilters.from_query({})
    assert list(selectors.case_list(network=None, filters=filters)) == [world["no_shared"]]


def test_page_api_and_related_agree_in_a_network(client, world, dk_network):
    private = world["no_private"]
    assert client.get(f"/nb/cases/{private.slug}/").status_code == 404
    assert client.get(f"/api/v1/cases/{private.slug}").status_code == 404
    assert client.get(f"/api/v1/cases/{world['no_shared'].slug}").status_code == 200
    related = selectors.related_cases(case=world["case"], network=dk_network, limit=10)
    assert private not in related


def test_a_case_is_changed_only_at_its_own_networks_address(client, world, org_editor, settings):
    settings.ALLOWED_HOSTS = ["testserver", "sunne.testserver"]
    client.force_login(org_editor)
    draft = world["draft"]
    assert client.get(f"/da/cases/{draft.slug}/edit/").status_code == 200
    response = client.get(f"/da/cases/{draft.slug}/edit/", HTTP_HOST="sunne.testserver")
    assert response.status_code == 404


def test_search_documents_follow_the_rule(world, dk_network, no_network):
    adapter = CaseAdapter()
    assert adapter.document(world["no_private"]).shared_network_ids == []
    assert adapter.document(world["no_shared"]).shared_network_ids == [dk_network.pk]
    assert adapter.document(world["draft"]) is None
    documents = {d.object_id: d for d in adapter.documents(adapter.queryset()) if d}
    assert documents[str(world["no_shared"].pk)].shared_network_ids == [dk_network.pk]
    assert documents[str(world["case"].pk)].shared_network_ids == []
