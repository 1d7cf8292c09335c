"""`make serve`: the site as production runs it (issue 20, defect 24). DEBUG off, so a
mistyped address gets the site's own 404 page, not Django's debug page listing every URL;
static files collected and served by WhiteNoise (compressed, cached for good)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_make_serve_runs_without_debug_and_collects_static_files():
    dry = subprocess.run(
        ["make", "-n", "serve", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "DEBUG=false" in dry and "HTTPS=false" in dry
    assert "collectstatic" in dry
    assert "gunicorn samskab.wsgi --bind 127.0.0.1:8123" in dry
    assert "DEBUG=true" not in dry
    # `make run` keeps the debug tooling (on unless DEBUG says otherwise)
    run = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "DEBUG=$${DEBUG:-true}" in run or "DEBUG=${DEBUG:-true}" in run


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    try:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.mark.skipif(sys.platform == "win32", reason="gunicorn runs on POSIX only")
def test_production_settings_serve_the_real_404_and_static_files(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_VERSION"}  # not a test run
    env.update(
        DEBUG="false",
        HTTPS="false",
        SECRET_KEY="a-test-only-secret-key-" + "x" * 40,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    python = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
    for command in ("migrate", "collectstatic"):
        subprocess.run(
            [python, "manage.py", command, "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
        )
    port = _free_port()
    server = subprocess.Popen(
        [python, "-m", "gunicorn", "samskab.wsgi", "--bind", f"127.0.0.1:{port}", "-w", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                status, _headers, home = _get(f"{base}/da/")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200
        status, _headers, body = _get(f"{base}/da/no-such-page/")
        assert status == 404
        assert b"URLconf" not in body and b"DEBUG = True" not in body
        assert b'<html lang="da"' in body  # the site's own page, in its layout
        stylesheet = next(
            part.split(b'"')[0].decode()
            for part in home.split(b'href="')[1:]
            if part.startswith(b"/static/") and b".css" in part.split(b'"')[0]
        )
        assert stylesheet.count(".") >= 2  # the hashed name of the manifest storage
        status, headers, _css = _get(base + stylesheet)
        assert status == 200
        assert "immutable" in headers.get("Cache-Control", "")
        assert headers.get("Content-Encoding") == "gzip"
    finally:
        server.terminate()
        server.wait(timeout=10)
