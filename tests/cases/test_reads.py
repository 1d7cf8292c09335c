"""Readings counted in the cache (READ_COUNTS_IN_CACHE) and the case page from the page cache."""

import pytest
from django.core.management import call_command

from samskab.cases import services
from samskab.cases.models import Case
from samskab.core import pagecache

from .factories import CaseFactory
from .test_pages import CASE_PAGE_QUERIES, detail_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_cache(settings):
    settings.READ_COUNTS_IN_CACHE = True
    return settings


def view_count(case):
    return Case.objects.get(pk=case.pk).view_count


def test_n_readings_are_n_after_the_flush(client, case, in_cache):
    before = view_count(case)
    served = [client.get(detail_url(case)) for _ in range(7)]
    assert [r.status_code for r in served] == [200] * 7
    assert [r["X-Page-Cache"] for r in served] == ["miss"] + ["hit"] * 6
    assert view_count(case) == before  # nothing written on the request path
    assert services.case_reads_flush() == 7
    assert view_count(case) == before + 7
    assert services.case_reads_flush() == 0
    assert view_count(case) == before + 7


def test_the_command_flushes_and_says_how_many(client, case, in_cache, capsys):
    for _ in range(3):
        client.get(detail_url(case))
    call_command("flush_case_reads")
    assert "3 readings written." in capsys.readouterr().out
    assert view_count(case) == 3


def test_signed_in_readers_are_counted_and_never_get_the_shared_page(
    client, case, in_cache, plain_user
):
    client.get(detail_url(case))  # an anonymous reader fills the cache
    client.force_login(plain_user)
    mine = client.get(detail_url(case))
    assert "X-Page-Cache" not in mine
    assert "private" in mine["Cache-Control"]
    assert "Log ud" in mine.content.decode()
    services.case_reads_flush()
    assert view_count(case) == 2
    client.logout()
    client.cookies.clear()
    anonymous = client.get(detail_url(case))
    assert anonymous["X-Page-Cache"] in ("hit", "miss")  # the log-in itself saved a model
    assert "Log ud" not in anonymous.content.decode()
    assert plain_user.email not in anonymous.content.decode()


def test_the_page_shows_readings_not_yet_flushed(client, case, in_cache, plain_user):
    client.force_login(plain_user)  # not from the page cache: the count is fresh
    for _ in range(2):
        client.get(detail_url(case))
    assert "Læst 3 gange" in client.get(detail_url(case)).content.decode()


def test_counted_pages_are_kept_by_no_cache_in_front(client, case, in_cache):
    for response in (client.get(detail_url(case)), client.get(detail_url(case))):
        assert "max-age=0" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]


def test_a_change_to_the_case_shows_at_once(client, case, in_cache):
    client.get(detail_url(case))
    case.title = "Et helt nyt navn"
    case.save()
    response = client.get(detail_url(case))
    assert response["X-Page-Cache"] == "miss"
    assert "Et helt nyt navn" in response.content.decode()


def test_a_flush_does_not_empty_the_page_cache(client, case, in_cache):
    client.get(detail_url(case))
    version = pagecache.content_version()
    services.case_reads_flush()
    assert pagecache.content_version() == version
    assert client.get(detail_url(case))["X-Page-Cache"] == "hit"


def test_drafts_and_missing_cases_are_not_cached_or_counted(client, draft, in_cache):
    for _ in range(2):
        assert client.get(detail_url(draft)).status_code == 404
    assert client.get("/da/cases/findes-ikke/").status_code == 404
    assert services.case_reads_flush() == 0


def test_without_the_setting_every_reading_is_an_update_and_nothing_is_cached(client, case):
    for _ in range(2):
        assert "X-Page-Cache" not in client.get(detail_url(case))
    assert view_count(case) == 2


def test_counting_in_the_cache_saves_a_query_and_a_hit_costs_none(
    client, case, dk_network, member_org, in_cache, django_assert_num_queries
):
    CaseFactory(network=dk_network, organisation=member_org)
    client.get(f"/da/cases/{CaseFactory(network=dk_network, organisation=member_org).slug}/")
    with django_assert_num_queries(CASE_PAGE_QUERIES - 1):  # no UPDATE
        assert client.get(detail_url(case))["X-Page-Cache"] == "miss"
    with django_assert_num_queries(1):  # the network of the host (NetworkMiddleware)
        assert client.get(detail_url(case))["X-Page-Cache"] == "hit"
