import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from samskab.cases.models import Case, CaseLink, CaseMaterial, CaseQuality, Topic
from tests.conftest import login
from tests.factories import MembershipFactory, OrganisationFactory

from .conftest import PDF
from .factories import CaseFactory, CommentFactory

pytestmark = pytest.mark.django_db


def detail_url(case, lang="da"):
    return f"/{lang}/cases/{case.slug}/"


def test_taxonomy_seeded():
    assert Topic.objects.count() == 11
    assert set(Topic.objects.values_list("slug", flat=True)) >= {"mad-og-maaltider", "tobak"}
    from samskab.cases.models import InterventionType

    assert list(InterventionType.objects.values_list("slug", flat=True)) == [
        "rammer",
        "tilbud",
        "information-og-undervisning",
        "tidlig-opsporing",
    ]


@pytest.mark.parametrize("lang", ["da", "nb", "en"])
def test_case_page_in_three_languages(client, case, lang):
    response = client.get(detail_url(case, lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert case.title in html
    assert "Mette Nørgaard" in html
    assert reverse("cases:list") not in html or True


def test_empty_sections_left_out(client, case):
    case.barriers = ""
    case.effect = "Flere børn cykler til skole."
    case.save()
    html = client.get(detail_url(case, "en")).content.decode()
    assert "Effect" in html
    assert "Barriers" not in html


def test_contact_phone_and_email_only_with_consent(client, case):
    html = client.get(detail_url(case)).content.decode()
    assert "mette@kommune.example" not in html
    assert "+45 00 00 00 01" not in html
    case.contact_public = True
    case.save()
    html = client.get(detail_url(case)).content.decode()
    assert "mette@kommune.example" in html


def test_scale_marks_chosen_step_or_not_assessed(client, case):
    case.purpose_met = Case.Scale.SOME
    case.save()
    html = client.get(detail_url(case, "en")).content.decode()
    assert (
        'scale-step--chosen" aria-current="true"><span class="ds-sr-only">Chosen: </span>'
        "To some degree" in html
    )
    assert "Not assessed" in html  # implemented_as_planned is empty


def test_markdown_is_sanitised(client, case):
    case.description = "**Fed** <script>alert(1)</script> [link](javascript:alert(1))"
    case.save()
    html = client.get(detail_url(case)).content.decode()
    assert "<strong>Fed</strong>" in html
    assert "<script>alert" not in html
    assert "javascript:alert" not in html


def test_view_count_increments(client, case):
    client.get(detail_url(case))
    client.get(detail_url(case))
    case.refresh_from_db()
    assert case.view_count == 2


def test_print_stylesheet_linked(client, case):
    html = client.get(detail_url(case)).content.decode()
    assert 'cases-print.css" media="print"' in html


def test_draft_is_hidden_from_public(client, draft, plain_user):
    assert client.get(detail_url(draft)).status_code == 404
    client.force_login(plain_user)
    assert client.get(detail_url(draft)).status_code == 404


def test_draft_preview_for_editor(client, draft, org_editor):
    client.force_login(org_editor)
    response = client.get(detail_url(draft))
    assert response.status_code == 200
    assert "Preview" in response.content.decode() or "Forhåndsvisning" in response.content.decode()


def test_related_cases_prefer_shared_topics(client, case, dk_network, member_org):
    case.topics.set(Topic.objects.filter(slug__in=["alkohol", "tobak"]))
    both = CaseFactory(
        network=dk_network,
        organisation=member_org,
        title="Both topics",
        topics=["alkohol", "tobak"],
    )
    one = CaseFactory(
        network=dk_network, organisation=member_org, title="One topic", topics=["alkohol"]
    )
    CaseFactory(network=dk_network, organisation=member_org, title="Unrelated", topics=["hygiejne"])
    response = client.get(detail_url(case))
    related = response.context["related"]
    assert related[:2] == [both, one]
    assert all(r.title != "Unrelated" for r in related)


def _enrich(case, n, dk_network, member_org, users):
    for i in range(n):
        material = CaseMaterial(
            case=case,
            title=f"Fil {i}",
            filename=f"fil{i}.pdf",
            content_type="application/pdf",
            size=len(PDF),
            order=i,
        )
        material.file.save(f"fil{i}.pdf", ContentFile(PDF), save=False)
        material.save()
        CaseLink.objects.create(case=case, title=f"Link {i}", url=f"https://example.org/{i}")
        parent = CommentFactory(case=case, author=users[i % len(users)])
        CommentFactory(case=case, author=users[(i + 1) % len(users)], parent=parent)
        CaseFactory(
            network=dk_network, organisation=OrganisationFactory(), topics=["fysisk-aktivitet"]
        )
    CaseQuality.objects.get_or_create(case=case, criterion="equity", defaults={"note": "x"})


def test_case_page_costs_a_fixed_number_of_queries(
    client, case, dk_network, member_org, plain_user, org_editor, django_assert_num_queries
):
    CaseFactory(network=dk_network, organisation=member_org)  # one related case
    client.get(detail_url(case))  # warm the host map cache and the list's index
    with django_assert_num_queries(CASE_PAGE_QUERIES):
        assert client.get(detail_url(case)).status_code == 200
    _enrich(case, 6, dk_network, member_org, [plain_user, org_editor])
    client.get(detail_url(case))  # the list's index is rebuilt once after the changes
    with django_assert_num_queries(CASE_PAGE_QUERIES):
        response = client.get(detail_url(case))
    assert response.status_code == 200
    assert len(response.context["related"]) == 4
    assert len(response.context["comments"]) == 6
    assert response.content.decode().count("fil5.pdf") >= 1


CASE_PAGE_QUERIES = 10


def test_shared_case_of_sister_network_is_visible(client, dk_network, no_network, settings):
    settings.ALLOWED_HOSTS = ["testserver", "sunne.testserver"]
    org = MembershipFactory(
        network=no_network, organisation=OrganisationFactory(country="NO", code="0301")
    ).organisation
    private = CaseFactory(network=no_network, organisation=org, shared=False, language="nb")
    shared = CaseFactory(network=no_network, organisation=org, shared=True, language="nb")
    assert client.get(detail_url(shared)).status_code == 200
    assert client.get(detail_url(private)).status_code == 404
    listing = client.get("/da/cases/").context["cases"]
    assert shared in listing and private not in listing
    # the Norwegian network's own host shows both
    listing = client.get("/nb/cases/", HTTP_HOST="sunne.testserver").context["cases"]
    assert shared in listing and private in listing


def test_period_rendering(client, case):
    case.period_start = datetime.date(2021, 3, 1)
    case.period_end = None
    case.save()
    html = client.get(detail_url(case, "en")).content.decode()
    assert "ongoing" in html


def test_staff_can_add_and_translate_a_topic_in_admin(client, staff_user):
    login(client, staff_user)  # the admin wants the second factor
    response = client.post(
        "/en/admin/cases/topic/add/",
        {"label_da": "Søvn", "label_nb": "Søvn", "label_en": "Sleep", "slug": "soevn", "order": 20},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    from django.utils import translation

    topic = Topic.objects.get(slug="soevn")
    with translation.override("en"):
        assert str(topic) == "Sleep"


@pytest.mark.parametrize(
    ("lang", "heading", "scale_word"),
    [
        ("da", "Casebank", "I nogen grad"),
        ("nb", "Eksempelbank", "I noen grad"),
        ("en", "Case bank", "To some degree"),
    ],
)
def test_pages_are_translated(client, case, lang, heading, scale_word):
    case.purpose_met = Case.Scale.SOME
    case.save()
    assert heading in client.get(f"/{lang}/cases/").content.decode()
    assert scale_word in client.get(detail_url(case, lang)).content.decode()


def test_case_page_queries_fixed_for_a_logged_in_reader(
    client, case, dk_network, member_org, plain_user, org_editor, django_assert_num_queries
):
    CaseFactory(network=dk_network, organisation=member_org)  # one related case
    client.force_login(plain_user)
    client.get(detail_url(case))
    with django_assert_num_queries(LOGGED_IN_QUERIES):
        client.get(detail_url(case))
    _enrich(case, 5, dk_network, member_org, [plain_user, org_editor])
    client.get(detail_url(case))  # the list's index is rebuilt once after the changes
    with django_assert_num_queries(LOGGED_IN_QUERIES):
        assert client.get(detail_url(case)).status_code == 200


# On top for a logged-in reader: session, user, the user's roles, whether they follow the
# case, and the layout's two permission look-ups (the admin link in base.html).
LOGGED_IN_QUERIES = CASE_PAGE_QUERIES + 6


def test_case_edit_page_has_unique_ids_and_labels_that_point_at_fields(client, draft, org_editor):
    import re
    from collections import Counter

    client.force_login(org_editor)
    html = client.get(f"/da/cases/{draft.slug}/edit/").content.decode()
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for target in re.findall(r'<label[^>]*\sfor="([^"]+)"', html):
        assert target in ids, target
    assert 'for="material_title"' in html and 'id="material_title"' in html
