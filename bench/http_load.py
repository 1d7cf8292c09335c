"""HTTP throughput of pages under the production server, next to nginx serving a saved copy.

gunicorn (as many workers as cores) serves the app on loopback; each page's HTML is saved
and served by nginx on another loopback port in the same run; `wrk` (16 connections,
bounded in time) loads each. Only 127.0.0.1 is ever contacted.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
from render_nginx import render as render_deploy_nginx  # noqa: E402

VENV_BIN = ROOT / ".venv" / "bin"
CONNECTIONS = 16
DURATION = os.environ.get("BENCH_WRK_DURATION", "8s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except Exception:  # noqa: BLE001
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


# Appends a query parameter that is new on every request, so the page cache never hits.
NOCACHE_LUA = """
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
function init(args) counter = 0 end
function request()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "_n=" .. tid .. "-" .. counter)
end
"""


def wrk(url: str, script: str | None = None) -> float:
    extra = ["-s", script] if script else []
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--timeout", "5s", *extra, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses under load")
    return float(match.group(1)) if match else 0.0


def http_throughput(paths: list[str], env: dict, vary: dict | None = None) -> list[dict]:
    """Requests per second of each path from gunicorn and from nginx (a saved copy).
    ``vary={path: "nocache"}`` also measures that path with the page cache missed on
    every request (a new query parameter each time)."""
    vary = vary or {}
    if not shutil.which("wrk") or not shutil.which("nginx"):
        print("HTTP throughput skipped: install the Debian packages wrk and nginx-light.")
        return []
    workdir = Path(tempfile.mkdtemp(prefix="samskab-bench-"))
    workdir.chmod(0o755)  # nginx workers run as an unprivileged user and must read the copy
    app_port, nginx_port, proxy_port = free_port(), free_port(), free_port()
    static_root = workdir / "static"
    env = {
        **env,
        "STATIC_ROOT": str(static_root),
        "DEBUG": "false",
        "HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # The case page from the page cache (readings counted in each worker's cache; in
        # production the cache is Redis and flush_case_reads writes them).
        "READ_COUNTS_IN_CACHE": env.get("READ_COUNTS_IN_CACHE", "true"),
    }
    env.pop("PYTEST_VERSION", None)
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    workers = str(os.cpu_count() or 2)
    gunicorn = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "samskab.wsgi",
            "-b",
            f"127.0.0.1:{app_port}",
            "-w",
            workers,
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    nginx = proxy = None
    try:
        wait_for(f"http://127.0.0.1:{app_port}/healthz")
        site = workdir / "site"
        site.mkdir()
        for i, path in enumerate(paths):
            html = urllib.request.urlopen(f"http://127.0.0.1:{app_port}{path}").read()  # noqa: S310
            (site / f"page{i}.html").write_bytes(html)
        conf = workdir / "nginx.conf"
        conf.write_text(f"""
worker_processes {workers};
pid {workdir}/nginx.pid;
error_log {workdir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    client_body_temp_path {workdir / "body"};
    server {{ listen 127.0.0.1:{nginx_port}; root {site}; }}
}}
""")
        (workdir / "body").mkdir()
        nginx = subprocess.Popen(
            ["nginx", "-c", str(conf), "-p", str(workdir), "-g", "daemon off;"]
        )
        wait_for(f"http://127.0.0.1:{nginx_port}/page0.html")
        # deploy/nginx.conf as README renders it (plain HTTP on loopback instead of TLS).
        proxy_dir = workdir / "proxy"
        proxy_dir.mkdir()
        (proxy_dir / "samskab.conf").write_text(
            render_deploy_nginx(
                listen=f"127.0.0.1:{proxy_port}",
                app=f"127.0.0.1:{app_port}",
                static_root=str(static_root),
                cache_path=str(proxy_dir / "cache"),
            )
        )
        (proxy_dir / "nginx.conf").write_text(f"""
worker_processes {workers};
pid {proxy_dir}/nginx.pid;
error_log {proxy_dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    client_body_temp_path {proxy_dir / "body"};
    proxy_temp_path {proxy_dir / "proxy_temp"};
    include {proxy_dir / "samskab.conf"};
}}
""")
        proxy = subprocess.Popen(
            [
                "nginx",
                "-c",
                str(proxy_dir / "nginx.conf"),
                "-p",
                str(proxy_dir),
                "-g",
                "daemon off;",
            ]
        )
        wait_for(f"http://127.0.0.1:{proxy_port}/healthz")
        # Warm every worker (first requests build per-process caches such as the list's
        # index), without counting: a few requests per worker and path.
        for path in paths:
            for _ in range(int(workers) * 3):
                urllib.request.urlopen(f"http://127.0.0.1:{app_port}{path}", timeout=120).read()  # noqa: S310
        lua = workdir / "nocache.lua"
        lua.write_text(NOCACHE_LUA)
        rows = []
        for i, path in enumerate(paths):
            static = wrk(f"http://127.0.0.1:{nginx_port}/page{i}.html")
            runs = [("", app_port, None)]
            if vary.get(path) == "nocache":
                runs = [(" (page cache)", app_port, None), (" (uncached)", app_port, str(lua))]
            runs.append((" (through deploy/nginx.conf)", proxy_port, None))
            for label, port, script in runs:
                app = wrk(f"http://127.0.0.1:{port}{path}", script)
                rows.append(
                    {
                        "path": path,
                        "variant": label.strip(" ()"),
                        "app_rps": round(app, 1),
                        "nginx_rps": round(static, 1),
                        "ratio_to_nginx": round(app / static, 4) if static else None,
                    }
                )
        return rows
    finally:
        for proc in (gunicorn, nginx, proxy):
            if proc is not None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(workdir, ignore_errors=True)
