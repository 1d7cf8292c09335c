"""Articles in the one search box: published ones are found (Norwegian by a Danish word
too), drafts, scheduled and unpublished ones are not; a scheduled article gets a deferred
indexing task where the backend can defer."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from samskab.news import services
from samskab.search import selectors

from .conftest import write

pytestmark = pytest.mark.django_db


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def titles(query, network):
    return [
        h.title
        for h in selectors.search(query=query, network=network).hits
        if h.doc_type == "article"
    ]


def test_published_articles_are_found_drafts_and_scheduled_are_not(
    secretariat, dk_network, capture
):
    with capture():
        write(secretariat, dk_network, title="Medborgerskab i lokalsamfundet")
        write(secretariat, dk_network, title="Medborgerskab kladde", publish=False)
        write(
            secretariat,
            dk_network,
            title="Medborgerskab senere",
            at=timezone.now() + datetime.timedelta(days=1),
        )
    assert titles("medborgerskab", dk_network) == ["Medborgerskab i lokalsamfundet"]


def test_unpublishing_takes_the_article_out(secretariat, dk_network, capture):
    with capture():
        article = write(secretariat, dk_network, title="Fællesspisning virker")
    assert titles("fællesspisning", dk_network)
    with capture():
        services.article_unpublish(actor=secretariat, article=article)
    assert titles("fællesspisning", dk_network) == []


def test_scheduled_article_is_found_after_its_time_and_a_rebuild(
    secretariat, dk_network, capture, time_machine
):
    at = timezone.now() + datetime.timedelta(hours=3)
    with capture():
        write(secretariat, dk_network, title="Robuste lokalsamfund", at=at)
    assert titles("robuste", dk_network) == []
    time_machine.move_to(at + datetime.timedelta(minutes=1), tick=False)
    call_command("rebuild_search_index", verbosity=0)
    assert titles("robuste", dk_network) == ["Robuste lokalsamfund"]


def test_scheduling_defers_the_indexing_where_the_backend_can(
    secretariat, dk_network, capture, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    at = timezone.now() + datetime.timedelta(hours=3)
    with capture():
        write(secretariat, dk_network, title="Senere", at=at)
    deferred = [r for r in DBTaskResult.objects.all() if r.run_after == at]
    assert len(deferred) == 1
    assert deferred[0].task_path == "samskab.search.tasks.index_object"
