"""PostgreSQL restarted under a running gunicorn: while it is down /healthz answers 503 (and
pages the 503 page, tests/core/test_operations.py); the first request after it is back
succeeds, on the connection CONN_HEALTH_CHECKS replaced. A private cluster (initdb in a
temporary folder, as the postgres user when run as root), so no other database is
disturbed; skipped where PostgreSQL's binaries are missing (required in CI)."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .conftest import IN_CI, fetch, prodstack

pytestmark = pytest.mark.production


def pg_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


@pytest.fixture(scope="module")
def private_postgres():
    if not (pg_bin("initdb") and pg_bin("pg_ctl")):
        if IN_CI:
            pytest.fail("PostgreSQL's initdb and pg_ctl are required in CI")
        pytest.skip("PostgreSQL binaries not installed")
    # Not under pytest's tmp_path: the postgres user must reach it (pytest's is mode 700).
    base = Path(tempfile.mkdtemp(prefix="samskab-pg-"))
    data = base / "data"
    port = int(os.environ.get("SAMSKAB_TEST_PG_PORT") or prodstack.free_port())
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if run_as:
        base.chmod(0o777)
    subprocess.run(
        [*run_as, pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "samskab", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )

    def ctl(*args):
        subprocess.run(
            [*run_as, pg_bin("pg_ctl"), "-D", str(data), "-w", "-t", "20", *args,
             "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off",
             "-l", str(data / "log")],
            check=True,
            capture_output=True,
        )  # fmt: skip

    ctl("start")
    yield port, ctl
    subprocess.run(
        [*run_as, pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
        capture_output=True,
    )
    shutil.rmtree(base, ignore_errors=True)


def test_the_app_reconnects_after_a_postgresql_restart(private_postgres, tmp_path):
    port, ctl = private_postgres
    app_port = int(os.environ.get("SAMSKAB_TEST_APP_PORT") or prodstack.free_port())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="samskab.settings",
        DEBUG="false",
        HTTPS="false",
        SECRET_KEY="restart-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres://samskab@127.0.0.1:{port}/postgres",
        DATABASE_CONN_MAX_AGE="600",
        TASKS_BACKEND="immediate",
        REDIS_URL="",
    )
    # The networks' table: every request looks up its network.
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "networks", "-v", "0"],
        cwd=prodstack.ROOT, env=env, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    log = open(tmp_path / "app.log", "wb")  # noqa: SIM115
    app = subprocess.Popen(
        [str(prodstack.BIN / "gunicorn"), "samskab.wsgi", "--bind", f"127.0.0.1:{app_port}",
         "--workers", "1", "--control-socket", str(tmp_path / "ctl")],
        cwd=prodstack.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{app_port}/healthz"
    try:
        try:
            prodstack.wait_until(lambda: fetch(url)[0] == 200, 30, "gunicorn")
        except TimeoutError:
            raise AssertionError((tmp_path / "app.log").read_text()) from None
        assert fetch(url)[0] == 200  # the kept connection (CONN_MAX_AGE) is in use
        ctl("-m", "fast", "stop")
        status, _, text = fetch(url)
        assert status == 503 and '"database": "error' in text
        ctl("start")
        status, _, text = fetch(url)  # the very first request after the restart
        assert status == 200, text
    finally:
        app.terminate()
        app.wait(timeout=10)
