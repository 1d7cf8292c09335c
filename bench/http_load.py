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


LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, script: str | None = None, connections: int = CONNECTIONS) -> dict:
    """Requests per second and the p50 / p99 latency (``wrk --latency``: from sending the
    request to the end of the response; for these pages of 10-60 kB on loopback that is
    the time to first byte plus well under a millisecond)."""
    extra = ["-s", script] if script else []
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{DURATION}",
            "--timeout",
            "5s",
            "--latency",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses under load")
    latency = {f"p{p}_ms": round(float(v) * UNIT_MS[u], 2) for p, v, u in LATENCY.findall(out)}
    return {"rps": float(match.group(1)) if match else 0.0, **latency}


def worker_pids(master_pid: int) -> list[int]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    try:
        return [int(pid) for pid in children.read_text().split()]
    except OSError:
        return []


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def cold_start(paths: list[str], env: dict) -> dict:
    """A fresh gunicorn with one worker: seconds until it answers /healthz (Django loaded,
    no page built), then the time of the first request of each page, then its resident
    memory. Each page is measured in its own fresh worker, so every first request pays
    what a worker's first request pays (the list's index, the templates, the host map)."""
    result = {"first_request_ms": {}, "rss_mb_after_first_requests": None}
    for path in paths:
        port = free_port()
        started = time.perf_counter()
        proc = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "samskab.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "1",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz")
            result.setdefault("boot_to_healthz_s", round(time.perf_counter() - started, 2))
            t0 = time.perf_counter()
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120).read()  # noqa: S310
            result["first_request_ms"][path] = round((time.perf_counter() - t0) * 1000)
            pids = worker_pids(proc.pid)
            if pids and path == paths[-1]:
                result["rss_mb_after_first_requests"] = rss_mb(pids[0])
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return result


def http_throughput(paths: list[str], env: dict, vary: dict | None = None) -> dict:
    """Requests per second and latency of each path from gunicorn and from nginx (a saved
    copy). ``vary={path: "nocache"}`` also measures that path with the page cache missed
    on every request (a new query parameter each time), at 16 and at 64 connections.
    Returns ``{"rows": [...], "memory": {...}, "cold_start": {...}}``."""
    vary = vary or {}
    if not shutil.which("wrk") or not shutil.which("nginx"):
        print("HTTP throughput skipped: install the Debian packages wrk and nginx-light.")
        return {"rows": [], "memory": {}, "cold_start": {}}
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
            runs = [("", app_port, None, CONNECTIONS)]
            if vary.get(path) == "nocache":
                runs = [
                    (" (page cache)", app_port, None, CONNECTIONS),
                    (" (uncached)", app_port, str(lua), CONNECTIONS),
                    (" (uncached, 64 connections)", app_port, str(lua), 64),
                ]
            runs.append((" (through deploy/nginx.conf)", proxy_port, None, CONNECTIONS))
            for label, port, script, connections in runs:
                app = wrk(f"http://127.0.0.1:{port}{path}", script, connections)
                rows.append(
                    {
                        "path": path,
                        "variant": label.strip(" ()"),
                        "connections": connections,
                        "app_rps": round(app["rps"], 1),
                        "p50_ms": app.get("p50_ms"),
                        "p99_ms": app.get("p99_ms"),
                        "nginx_rps": round(static["rps"], 1),
                        "ratio_to_nginx": round(app["rps"] / static["rps"], 4)
                        if static["rps"]
                        else None,
                    }
                )
        # Resident memory of each worker after every page was loaded (the list's index
        # and the per-process caches are built).
        memory = {"rss_mb_per_worker": [rss_mb(pid) for pid in worker_pids(gunicorn.pid)]}
        return {"rows": rows, "memory": memory, "cold_start": cold_start(paths, env)}
    finally:
        for proc in (gunicorn, nginx, proxy):
            if proc is not None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(workdir, ignore_errors=True)
