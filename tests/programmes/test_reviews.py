import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from samskab.accounts import personal_data
from samskab.programmes import services
from samskab.programmes.models import ApplicationLogEntry, Criterion, Review
from tests.conftest import make_user_with_role

from .conftest import CPH

pytestmark = pytest.mark.django_db


@pytest.fixture
def criteria(call, staff_user):
    services.criteria_set(
        actor=staff_user, call=call, criteria=[("Lokal forankring", 1, 5), ("Partnerskaber", 0, 3)]
    )
    return list(call.criteria.all())


@pytest.fixture
def second_staff(dk_network):
    return make_user_with_role(dk_network, "secretariat", mfa=True)


def test_two_reviewers_score_and_the_spread_shows(
    client, call, submitted, criteria, staff_user, second_staff
):
    anchoring, partners = criteria
    services.review_save(
        actor=staff_user, application=submitted, scores={anchoring.pk: 4, partners.pk: 2}
    )
    services.review_save(
        actor=second_staff,
        application=submitted,
        scores={anchoring.pk: 2, partners.pk: None},
        comment="Svag forankring",
    )
    assert Review.objects.count() == 2
    assert ApplicationLogEntry.objects.filter(action="reviewed", actor=second_staff).exists()
    client.force_login(staff_user)
    edition = call.edition
    with translation.override("da"):
        path = reverse("programmes:review", args=[edition.programme.slug, edition.year])
    listing = client.get(path).content.decode()
    # Each score as a share of its own scale: 4 and 2 of 1–5 are 75 % and 25 %, 2 of 0–3 is
    # 67 %; the mean is 56 %.
    assert "56 % (25–75 %; 2 bedømmere)" in listing
    with translation.override("da"):
        path = reverse("programmes:application", args=[submitted.pk])
    page = client.get(path).content.decode()
    assert "Svag forankring" in page and "3,0" in page


def test_scores_outside_the_scale_are_refused(submitted, criteria, staff_user):
    anchoring, partners = criteria
    for criterion, value in ((partners, 4), (anchoring, 0), (anchoring, 6)):
        with translation.override("da"), pytest.raises(ValidationError) as caught:
            services.review_save(
                actor=staff_user, application=submitted, scores={criterion.pk: value}
            )
        low, high = criterion.scale_min, criterion.scale_max
        assert caught.value.message_dict == {
            f"c{criterion.pk}": [f"Giv {criterion.name} fra {low} til {high} point."]
        }
    assert not Review.objects.exists()
    # Both ends of each scale are scores.
    services.review_save(
        actor=staff_user, application=submitted, scores={anchoring.pk: 1, partners.pk: 0}
    )
    services.review_save(
        actor=staff_user, application=submitted, scores={anchoring.pk: 5, partners.pk: 3}
    )
    assert sorted(Review.objects.get().scores.values_list("value", flat=True)) == [3, 5]


def test_the_review_form_offers_the_scale_and_refuses_a_score_off_it(
    client, submitted, criteria, staff_user
):
    anchoring, partners = criteria
    client.force_login(staff_user)
    with translation.override("da"):
        page_path = reverse("programmes:application", args=[submitted.pk])
        save_path = reverse("programmes:review_save", args=[submitted.pk])
    page = client.get(page_path).content.decode()
    offered = set(re.findall(rf'name="c{partners.pk}" value="(\d+)"', page))
    assert offered == {"0", "1", "2", "3"}
    response = client.post(save_path, {f"c{partners.pk}": "4", f"c{anchoring.pk}": "3"})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body and "Partnerskaber (0–3)" in body
    assert not Review.objects.exists()
    response = client.post(save_path, {f"c{partners.pk}": "3", f"c{anchoring.pk}": "5"})
    assert response.status_code == 302


def test_applicants_never_review_nor_see_reviews(
    client, submitted, criteria, staff_user, org_editor
):
    services.review_save(
        actor=staff_user, application=submitted, scores={criteria[0].pk: 5}, comment="Hemmelig"
    )
    with pytest.raises(PermissionDenied):
        services.review_save(actor=org_editor, application=submitted, scores={})
    client.force_login(org_editor)
    page = client.get(reverse("programmes:application", args=[submitted.pk])).content.decode()
    assert "Hemmelig" not in page and "review-heading" not in page


def test_a_scored_criterion_is_never_removed(call, submitted, criteria, staff_user):
    services.review_save(actor=staff_user, application=submitted, scores={criteria[0].pk: 3})
    with pytest.raises(ValidationError):
        services.criteria_set(actor=staff_user, call=call, criteria=[("Partnerskaber", 0, 3)])
    with pytest.raises(ValidationError):
        services.criteria_set(
            actor=staff_user,
            call=call,
            criteria=[("Lokal forankring", 1, 10), ("Partnerskaber", 0, 3)],
        )
    # The unscored one can go; the scored one stays with its score.
    services.criteria_set(actor=staff_user, call=call, criteria=[("Lokal forankring", 1, 5)])
    assert list(Criterion.objects.values_list("name", flat=True)) == ["Lokal forankring"]
    assert criteria[0].scores.get().value == 3


def test_people_named_in_an_application_are_exported_and_erased(
    application, org_editor, dk_network, member_org
):
    named = make_user_with_role(dk_network, "org_editor", member_org)
    answers = {
        "kontakt": [
            {"role": "kontakt", "name": "Nanna Navngiven", "title": "Chef", "email": named.email}
        ],
        "deltagere": [{"role": "leder", "name": "Anden Person", "title": "Leder"}],
    }
    services.application_save(actor=org_editor, application=application, answers=answers)
    section = next(s for s in personal_data.sections() if s.name == "programmes")
    exported = section.export(named, None)
    assert exported["named_in_applications"][0]["name"] == "Nanna Navngiven"
    section.erase(named, None)
    application.refresh_from_db()
    assert application.answers["kontakt"] == [{"role": "kontakt", "name": "–"}]
    assert application.answers["deltagere"][0]["name"] == "Anden Person"
    assert section.export(org_editor, None)["applications_started"]


def test_save_and_go_to_the_next_application(client, call, submitted, criteria, staff_user):
    from tests.factories import MembershipFactory

    from .conftest import submitted_application

    other = submitted_application(
        call,
        MembershipFactory(
            network=call.edition.programme.network, organisation__name="Zinkby Kommune"
        ).organisation,
        staff_user,
    )
    client.force_login(staff_user)
    page = client.get(reverse("programmes:application", args=[submitted.pk])).content.decode()
    assert reverse("programmes:application", args=[other.pk]) in page
    response = client.post(
        reverse("programmes:review_save", args=[submitted.pk]),
        {f"c{criteria[0].pk}": "4", "comment": "", "then": "next"},
    )
    assert response["Location"] == reverse("programmes:application", args=[other.pk])
    assert Review.objects.get(application=submitted).scores.get().value == 4


def test_a_named_reviewer_reads_and_scores_but_never_decides(
    client, call, submitted, criteria, staff_user, plain_user
):
    with pytest.raises(ValidationError):
        services.call_save(
            actor=staff_user,
            edition=call.edition,
            opens_on=call.opens_at.date(),
            deadline_on=call.deadline_at.date(),
            seats=20,
            eligibility="country",
            reviewers=["nobody@test.example"],
        )
    local = call.deadline_at.astimezone(CPH)
    services.call_save(
        actor=staff_user,
        edition=call.edition,
        opens_on=call.opens_at.astimezone(CPH).date(),
        deadline_on=local.date(),
        seats=20,
        eligibility="country",
        reviewers=[plain_user.email.upper()],
    )
    assert list(call.reviewers.all()) == [plain_user]
    client.force_login(plain_user)
    edition = call.edition
    listing = client.get(reverse("programmes:review", args=[edition.programme.slug, edition.year]))
    assert listing.status_code == 200
    assert reverse("programmes:decide", args=[submitted.pk]) not in listing.content.decode()
    response = client.post(
        reverse("programmes:review_save", args=[submitted.pk]), {f"c{criteria[0].pk}": "5"}
    )
    assert response.status_code == 302
    assert Review.objects.get().reviewer == plain_user
    assert client.get(reverse("programmes:decide", args=[submitted.pk])).status_code == 403
