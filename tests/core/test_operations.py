"""Operations: the Redis cache that a stopped Redis does not take down, request ids and
JSON logs, /healthz's queue. No Redis needed (the cache points at a closed port)."""

import json
import logging

import pytest
from django.core.cache import caches

from samskab.core import versions
from samskab.core.cache import TolerantRedisCache
from samskab.core.logs import JsonFormatter, RequestIdFilter
from tests.deploy.conftest import free_port


@pytest.fixture
def dead_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "samskab.core.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.REDIS_URL = settings.CACHES["default"]["LOCATION"]
    TolerantRedisCache._last_warning = 0.0
    return caches["default"]


def test_a_stopped_redis_is_a_miss_with_a_warning(dead_redis, caplog):
    with caplog.at_level(logging.WARNING, logger="samskab.cache"):
        assert dead_redis.get("k", "default") == "default"
        assert dead_redis.add("k", 1) is False
        dead_redis.set("k", 1)
        assert dead_redis.incr("k") == 0 and dead_redis.get_many(["a", "b"]) == {}
        dead_redis.delete("k")
    warnings = [r for r in caplog.records if "Redis unavailable" in r.getMessage()]
    assert len(warnings) == 1  # at most one per WARN_EVERY seconds


def test_without_the_cache_a_process_keeps_one_version_and_sees_its_own_bump(dead_redis):
    first = versions.current("test:version")
    assert versions.current("test:version") == first  # no rebuild on every request
    versions.bump("test:version")
    assert versions.current("test:version") != first


@pytest.mark.django_db
def test_pages_and_healthz_with_redis_stopped(client, dead_redis, dk_network, caplog):
    assert client.get("/da/").status_code == 200
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded" and body["database"] == "ok"
    assert body["redis"].startswith("error") and body["cache"].startswith("error")


@pytest.mark.django_db
def test_healthz_reports_the_age_of_the_database_queue(client, settings):
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS_BACKEND = "database"
    assert client.get("/healthz").json()["queue_age"] == 0.0
    old = timezone.now() - datetime.timedelta(seconds=90)
    DBTaskResult.objects.create(
        task_path="samskab.core.tasks.send_email", args_kwargs={"args": [], "kwargs": {}},
        queue_name="default", backend_name="default",
    )  # fmt: skip
    DBTaskResult.objects.update(enqueued_at=old)
    body = client.get("/healthz").json()
    assert body["queue_length"] == 1 and 85 <= body["queue_age"] <= 200


@pytest.mark.django_db
def test_the_request_id_is_kept_from_nginx_or_made_and_returned(client):
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given["X-Request-ID"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id\n<script>"})
    assert len(made["X-Request-ID"]) == 32 and made["X-Request-ID"] != "abc-123"


def test_json_logs_carry_the_request_id():
    from samskab.core.logs import request_id_var

    token = request_id_var.set("req-42")
    try:
        record = logging.LogRecord("samskab.x", logging.ERROR, __file__, 1, "boom %s", ("!",), None)
        RequestIdFilter().filter(record)
        line = json.loads(JsonFormatter().format(record))
    finally:
        request_id_var.reset(token)
    assert line["request_id"] == "req-42" and line["message"] == "boom !"
    assert line["level"] == "ERROR" and line["logger"] == "samskab.x"


@pytest.mark.django_db
def test_a_lost_database_is_a_503_page_and_other_errors_a_500(client, monkeypatch, dk_network):
    from django.db import OperationalError

    import samskab.networks.middleware as middleware

    client.raise_request_exception = False

    def gone(host):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(middleware, "network_for_host", gone)
    response = client.get("/da/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "The site is briefly unavailable" in response.content.decode()

    def broken(host):
        raise RuntimeError("a bug")

    monkeypatch.setattr(middleware, "network_for_host", broken)
    assert client.get("/da/").status_code == 500
