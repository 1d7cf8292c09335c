"""A real nginx, running deploy/nginx.conf as rendered by deploy/render_nginx.py, on loopback.

Outside CI the tests skip when nginx is not installed (`apt-get install nginx-light`); in
CI (CI=true, `.ci/run` installs it) a missing nginx is an error. Ports: a free one, or
SAMSKAB_TEST_NGINX_PORT / SAMSKAB_TEST_UPSTREAM_PORT when set.
"""

import importlib.util
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _load_renderer():
    spec = importlib.util.spec_from_file_location(
        "render_nginx", ROOT / "deploy" / "render_nginx.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_nginx = _load_renderer()


def free_port(env_name: str | None = None) -> int:
    if env_name and os.environ.get(env_name):
        return int(os.environ[env_name])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def nginx_binary():
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None
    )
    if not found:
        if IN_CI:
            pytest.fail("nginx is required in CI (.ci/run installs nginx-light) but is missing.")
        pytest.skip(
            "nginx not installed (apt-get install nginx-light); nginx tests skipped outside CI."
        )
    return found


class Nginx:
    def __init__(self, binary: str, workdir: Path, upstream: str):
        self.workdir = workdir
        self.port = free_port("SAMSKAB_TEST_NGINX_PORT")
        self.url = f"http://127.0.0.1:{self.port}"
        self.static_root = workdir / "static"
        self.static_root.mkdir(parents=True, exist_ok=True)
        site = render_nginx.render(
            listen=f"127.0.0.1:{self.port}",
            server_names="_",
            app=upstream,
            static_root=str(self.static_root),
            cache_path=str(workdir / "cache"),
            tls=None,
        )
        (workdir / "samskab.conf").write_text(site)
        user = "user root;\n" if os.geteuid() == 0 else ""
        temp = "".join(
            f"    {name}_temp_path {workdir / name};\n"
            for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (workdir / "main.conf").write_text(
            f"{user}worker_processes 1;\npid {workdir}/nginx.pid;\n"
            f"error_log {workdir}/error.log warn;\nevents {{ worker_connections 256; }}\n"
            f"http {{\n    access_log off;\n    default_type application/octet-stream;\n"
            f"    types {{ text/css css; text/html html; }}\n{temp}"
            f"    include {workdir / 'samskab.conf'};\n}}\n"
        )
        check = subprocess.run(
            [binary, "-t", "-q", "-p", str(workdir), "-c", str(workdir / "main.conf")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen(
            [binary, "-p", str(workdir), "-c", str(workdir / "main.conf"), "-g", "daemon off;"],
            stderr=subprocess.PIPE,
        )
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not start: " + (workdir / "error.log").read_text())

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None, data=None, opener=None, method=None):
    """(status, headers, body text) without following redirects or raising on 4xx/5xx."""
    request = urllib.request.Request(url, headers=headers or {}, data=data, method=method)  # noqa: S310
    opener = opener or urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(request, timeout=20)  # noqa: S310 - loopback only
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.headers, response.read().decode("utf-8", "replace")
