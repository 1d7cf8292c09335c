"""Production tests: real Redis, two gunicorn instances, an RQ worker and nginx
(tools/prodstack.py) on the test database (PostgreSQL when DATABASE_URL is one, else the
SQLite file). Outside CI they skip when nginx or redis-server is missing; in CI (CI=true,
`.ci/run` installs nginx-light and redis-server) a missing one is an error."""

import importlib.util
import os
import re
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

_spec = importlib.util.spec_from_file_location("prodstack", ROOT / "tools" / "prodstack.py")
prodstack = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(prodstack)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/production" in str(item.fspath):
            item.add_marker(pytest.mark.production)


def require_binaries():
    missing = [name for name, path in prodstack.binaries().items() if not path]
    if missing:
        if IN_CI:
            pytest.fail(f"{', '.join(missing)} required in CI (.ci/run installs them)")
        pytest.skip(f"{', '.join(missing)} not installed; production tests skipped outside CI")


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole set-up, started once per module on the test database; the test process
    uses the same Redis, so its changes (through services) reach the instances' caches."""
    require_binaries()
    with django_db_blocker.unblock():
        url = prodstack.database_url_from_settings(connection.settings_dict)
    running = prodstack.Stack(tmp_path_factory.mktemp("stack"), url)
    try:
        running.start()
    except Exception:
        running.stop()
        raise
    caches = {
        "default": {
            "BACKEND": "samskab.core.cache.TolerantRedisCache",
            "LOCATION": running.redis_url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with override_settings(CACHES=caches, PAGE_CACHE_MAX_AGE=1):
        yield running
    running.stop()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirect)


def fetch(url, headers=None, data=None, timeout=20):
    """(status, headers, text), never raising on 4xx/5xx, never following redirects."""
    request = urllib.request.Request(url, headers=headers or {}, data=data)  # noqa: S310
    try:
        response = _opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.headers, response.read().decode("utf-8", "replace")


class Browser:
    """Cookies as a browser keeps them; ``base`` may change between requests (another
    instance), the cookies go along."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, url, data=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urlencode(data).encode() if data is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = url
        status, response_headers, text = fetch(url, headers=headers, data=body)
        for raw in response_headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(raw).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return status, response_headers, text

    @staticmethod
    def csrf(text):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
