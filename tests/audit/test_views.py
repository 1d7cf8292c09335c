"""The secretariat's audit trail page: its own network only, filters, pages, languages."""

import datetime

import pytest
from django.utils import timezone

from samskab.audit.models import Action, AuditEntry
from samskab.networks.models import Role
from tests.conftest import make_user_with_role

pytestmark = pytest.mark.django_db

URL = "/en/secretariat/audit/"


def _entry(network, actor, action=Action.ROLE_CHANGED, when=None, **fields):
    return AuditEntry.objects.create(
        network=network,
        actor=actor,
        actor_name=actor.name if actor else "",
        action=action,
        object_type=fields.pop("object_type", "networks.role"),
        object_id="1",
        object_label=fields.pop("label", "Some role"),
        changes=fields.pop(
            "changes", {"before": {"kind": "org_editor"}, "after": {"kind": "secretariat"}}
        ),
        created_at=when or timezone.now(),
    )


def test_anonymous_visitors_log_in_first(client, dk_network):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response.headers["Location"]


def test_staff_of_another_network_get_403_and_see_none(
    client, settings, dk_network, no_network, staff_user, other_network_staff
):
    settings.ALLOWED_HOSTS = ["testserver", "sunne.testserver"]
    _entry(dk_network, staff_user, label="Danish secret change")
    client.force_login(other_network_staff)
    response = client.get(URL)
    assert response.status_code == 403
    assert "Danish secret change" not in response.content.decode()
    # On their own network's address they see their own trail, not ours.
    response = client.get(URL, HTTP_HOST="sunne.testserver")
    assert response.status_code == 200
    assert "Danish secret change" not in response.content.decode()


def test_a_plain_user_and_an_organisation_editor_get_403(client, plain_user, org_editor):
    for user in (plain_user, org_editor):
        client.force_login(user)
        assert client.get(URL).status_code == 403


@pytest.mark.parametrize(
    ("lang", "heading", "kind", "field"),
    [
        ("da", "Revisionsspor", "rolle ændret", "Rolle"),
        ("nb", "Revisjonsspor", "rolle endret", "Rolle"),
        ("en", "Audit trail", "Role changed", "Role"),
    ],
)
def test_the_trail_shows_who_when_what_and_before_after_in_each_language(
    client, dk_network, staff_user, lang, heading, kind, field
):
    _entry(dk_network, staff_user, label="Anna – org editor")
    client.force_login(staff_user)
    body = client.get(f"/{lang}/secretariat/audit/").content.decode()
    assert heading in body
    assert staff_user.name in body and "Anna – org editor" in body
    assert kind.lower() in body.lower() and f"<dt>{field}</dt>" in body


def test_filters_by_actor_kind_object_type_and_dates(client, dk_network, staff_user):
    other = make_user_with_role(dk_network, Role.Kind.SECRETARIAT)
    old = timezone.now() - datetime.timedelta(days=40)
    _entry(dk_network, staff_user, label="mine")
    _entry(dk_network, other, label="theirs")
    _entry(
        dk_network,
        staff_user,
        action=Action.CASE_PUBLISHED,
        object_type="cases.case",
        label="a case",
    )
    _entry(dk_network, staff_user, label="long ago", when=old)
    client.force_login(staff_user)

    def labels(**query):
        body = client.get(URL, query).content.decode()
        return {x for x in ("mine", "theirs", "a case", "long ago") if f">{x}<" in body}

    assert labels() == {"mine", "theirs", "a case", "long ago"}
    assert labels(actor=other.pk) == {"theirs"}
    assert labels(action="case_published") == {"a case"}
    assert labels(object_type="networks.role") == {"mine", "theirs", "long ago"}
    since = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    assert labels(since=since) == {"mine", "theirs", "a case"}
    assert labels(until=since) == {"long ago"}


def test_a_bad_filter_is_an_error_on_the_form_not_a_500(client, dk_network, staff_user):
    _entry(dk_network, staff_user, label="mine")
    client.force_login(staff_user)
    response = client.get(
        URL, {"actor": "99999999999999999999", "since": "2026-13-45", "action": "<script>"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "error-summary" in body and ">mine<" in body
    response = client.get(URL, {"since": "2026-05-02", "until": "2026-05-01"})
    assert "The end date comes before the start date." in response.content.decode()


def test_the_trail_is_paginated(client, dk_network, staff_user, django_assert_max_num_queries):
    for n in range(55):
        _entry(dk_network, staff_user, label=f"change {n}")
    client.force_login(staff_user)
    body = client.get(URL).content.decode()
    assert ">change 54<" in body and ">change 4<" not in body and "Page 1 of 2" in body
    body = client.get(URL, {"page": "2"}).content.decode()
    assert ">change 4<" in body and ">change 54<" not in body
