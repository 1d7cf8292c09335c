import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.db import connection

from samskab.core.richtext import render_markdown, render_plain_text, sanitize_html

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "queue": "ok",
        "queue_age": 0.0,
        "queue_length": 0,
    }


@pytest.mark.django_db
def test_healthz_reports_a_broken_cache(client, settings):
    # Degraded, not down: the site serves without the cache (tests/production).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"].startswith("error")


@pytest.mark.django_db
def test_security_headers(client, dk_network):
    response = client.get("/da/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_every_form_post_needs_a_csrf_token(dk_network, plain_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(plain_user)
    assert client.post("/en/me/edit/", {"name": "x"}).status_code == 403


def test_passwords_are_hashed_with_argon2():
    from samskab import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_deploy_check_is_clean_with_production_values(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "false",
        "HTTPS": "true",
        "SECRET_KEY": "k" * 20 + "production-secret-key-with-enough-entropy-1234567890",
        "ALLOWED_HOSTS": "samskab.example",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    env.pop("PYTEST_VERSION", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**os.environ, "DEBUG": "false", "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    env.pop("PYTEST_VERSION", None)
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_markdown_is_sanitised():
    html = render_markdown("# Hej\n\n**fed** <script>alert(1)</script> [x](javascript:alert(1))")
    assert "<script" not in html and "javascript:" not in html
    assert "<strong>fed</strong>" in html
    assert "onerror" not in sanitize_html('<img src=x onerror="alert(1)">')


def test_plain_text_makes_links_clickable_and_nothing_else():
    html = render_plain_text("Se https://example.org\n\n<b>ikke fed</b>")
    assert 'href="https://example.org"' in html and "rel=" in html
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_translation_catalogues_are_complete():
    missing = []
    for po_path in sorted((ROOT / "samskab").glob("*/locale/*/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete:
                continue
            empty = (
                not all(entry.msgstr_plural.values()) if entry.msgid_plural else not entry.msgstr
            )
            if empty or "fuzzy" in entry.flags:
                missing.append(f"{po_path.relative_to(ROOT)}: {entry.msgid!r}")
    langs = {
        p.parent.parent.name for p in (ROOT / "samskab").glob("*/locale/*/LC_MESSAGES/django.po")
    }
    assert langs == {"da", "nb", "en"}
    assert not missing, "Untranslated strings:\n" + "\n".join(missing[:50])


@pytest.mark.django_db
def test_database_is_configured_for_its_vendor():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            mode = cursor.fetchone()[0]
        # The test database lives in memory, where WAL does not apply.
        assert mode in {"wal", "memory"}
    else:
        assert connection.vendor == "postgresql"


@pytest.mark.django_db
def test_send_email_task_goes_through_the_tasks_api(mailoutbox, django_capture_on_commit_callbacks):
    from samskab.core.tasks import enqueue_on_commit, send_email

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue_on_commit(
            send_email,
            subject="Hej",
            body="Tekst",
            to=["a@b.example"],
            attachments=[["x.ics", "BEGIN:VCALENDAR", "text/calendar"]],
        )
    assert mailoutbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert mailoutbox[0].subject == "Hej"
    assert mailoutbox[0].attachments[0][0] == "x.ics"


def test_production_backends_configure(tmp_path):
    """Redis cache and the RQ tasks backend load (no Redis server needed for the check)."""
    env = {
        **os.environ,
        "TASKS_BACKEND": "rq",
        "REDIS_URL": "redis://127.0.0.1:6399/0",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    env.pop("PYTEST_VERSION", None)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from django_tasks import task_backends; b = task_backends['default']; "
        "print(type(b).__name__, settings.CACHES['default']['BACKEND'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**env, "DJANGO_SETTINGS_MODULE": "samskab.settings"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RQBackend", "samskab.core.cache.TolerantRedisCache"]
