"""The production set-up of README.md on loopback, as real processes: Redis, two gunicorn
instances, one RQ worker and nginx with deploy/nginx.conf in front of both.

Used by tests/production (on the test database) and by tools/loadtest.py (`make
loadtest`). Every process runs from this checkout's .venv with the environment a
production machine has (DEBUG=false, REDIS_URL, TASKS_BACKEND=rq, LOG_FORMAT=json), except
plain HTTP and e-mails written to files (one file a message) in ``workdir/mail``.

Ports: free ones, or PRODSTACK_PORTS="nginx,app1,app2,redis" (e.g. 8111,8112,8113,6391).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _load_renderer():
    spec = importlib.util.spec_from_file_location(
        "render_nginx", ROOT / "deploy" / "render_nginx.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binaries() -> dict[str, str | None]:
    def find(name):
        return shutil.which(name) or next(
            (p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if os.path.exists(p)), None
        )

    return {"nginx": find("nginx"), "redis-server": find("redis-server")}


def wait_until(check, timeout: float, what: str, step: float = 0.05):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except Exception as exc:  # noqa: BLE001 - keep polling
            last = exc
        time.sleep(step)
    raise TimeoutError(f"{what} not ready after {timeout}s ({last!r})")


def http_status(url: str, timeout: float = 5) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def database_url_from_settings(db: dict) -> str:
    """A DATABASE_URL for Django's connection settings (the test database)."""
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    from urllib.parse import quote

    auth = quote(db.get("USER") or "", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


class Stack:
    def __init__(self, workdir: Path, database_url: str, *, workers: int = 2, extra_env=None):
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.bins = binaries()
        ports = os.environ.get("PRODSTACK_PORTS")
        if ports:
            self.nginx_port, app1, app2, self.redis_port = (int(p) for p in ports.split(","))
        else:
            self.nginx_port, app1, app2, self.redis_port = (free_port() for _ in range(4))
        self.app_ports = [app1, app2]
        self.url = f"http://127.0.0.1:{self.nginx_port}"
        self.app_urls = [f"http://127.0.0.1:{p}" for p in self.app_ports]
        self.mail_dir = self.workdir / "mail"
        self.mail_dir.mkdir(exist_ok=True)
        self.static_root = self.workdir / "static"
        self.workers = workers
        self.redis_url = f"redis://127.0.0.1:{self.redis_port}/0"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "samskab.settings",
                "DEBUG": "false",
                "HTTPS": "false",
                "SECRET_KEY": "prodstack-" + "k" * 50,
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "TRUSTED_PROXIES": "127.0.0.1",
                "DATABASE_URL": database_url,
                "REDIS_URL": self.redis_url,
                "TASKS_BACKEND": "rq",
                "EMAIL_URL": f"file:///{self.mail_dir}",  # dj-email-url drops one "/"
                "STATIC_ROOT": str(self.static_root),
                "MEDIA_ROOT": str(self.workdir / "media"),
                "LOG_FORMAT": "json",
                "PAGE_CACHE_MAX_AGE": "1",
                "STAFF_MFA_REQUIRED": "true",
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(extra_env or {})
        self.env = env
        self.apps: list[subprocess.Popen | None] = [None, None]
        self.redis = self.worker = self.nginx = None

    # --- processes ----------------------------------------------------------------------
    def _spawn(self, args, log_name):
        log = open(self.workdir / log_name, "ab")  # noqa: SIM115 - the process keeps it
        return subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def log(self, name: str) -> str:
        path = self.workdir / name
        return path.read_text(errors="replace") if path.exists() else ""

    def manage(self, *args, timeout=300):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def collectstatic(self):
        self.manage("collectstatic", "--no-input", "-v", "0")

    def start_redis(self):
        (self.workdir / "redis").mkdir(exist_ok=True)
        self.redis = self._spawn(
            [
                self.bins["redis-server"],
                "--port", str(self.redis_port),
                "--bind", "127.0.0.1",
                "--dir", str(self.workdir / "redis"),
                "--save", "",
                "--appendonly", "no",
            ],
            "redis.log",
        )  # fmt: skip

        def ping():
            with socket.create_connection(("127.0.0.1", self.redis_port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")

        wait_until(ping, 10, "redis")

    def stop_redis(self):
        self._stop(self.redis)
        self.redis = None

    def start_app(self, i: int):
        self.apps[i] = self._spawn(
            [
                str(BIN / "gunicorn"),
                "samskab.wsgi",
                "--bind", f"127.0.0.1:{self.app_ports[i]}",
                "--workers", str(self.workers),
                "--timeout", "30",
                "--graceful-timeout", "10",
                "--pid", str(self.workdir / f"app{i}.pid"),
                "--control-socket", str(self.workdir / f"app{i}.ctl"),
            ],
            f"app{i}.log",
        )  # fmt: skip
        wait_until(lambda: http_status(self.app_urls[i] + "/healthz") == 200, 30, f"app {i}")

    def stop_app(self, i: int):
        self._stop(self.apps[i], timeout=15)
        self.apps[i] = None

    def app_worker_pids(self, i: int) -> list[int]:
        master = self.apps[i].pid
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                pids.append(int(stat.parent.name))
        return pids

    def start_worker(self):
        self.worker = self._spawn(
            [sys.executable, "manage.py", "rqworker", "--job-class", "django_tasks_rq.Job",
             "default"],
            "worker.log",
        )  # fmt: skip
        wait_until(lambda: "Listening on" in self.log("worker.log") or None, 30, "worker")

    def stop_worker(self):
        self._stop(self.worker)
        self.worker = None
        # The next start is known by a fresh "Listening on".
        (self.workdir / "worker.log").rename(self.workdir / f"worker-{time.time():.0f}.log")

    def start_nginx(self):
        render = _load_renderer().render
        work = self.workdir / "nginx"
        work.mkdir(exist_ok=True)
        site = render(
            listen=f"127.0.0.1:{self.nginx_port}",
            server_names="_",
            app=",".join(f"127.0.0.1:{p}" for p in self.app_ports),
            static_root=str(self.static_root),
            cache_path=str(work / "cache"),
            tls=None,
        )
        (work / "samskab.conf").write_text(site)
        user = "user root;\n" if os.geteuid() == 0 else ""
        temp = "".join(
            f"    {name}_temp_path {work / name};\n"
            for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (work / "main.conf").write_text(
            f"{user}worker_processes 1;\npid {work}/nginx.pid;\n"
            f"error_log {work}/error.log warn;\nevents {{ worker_connections 1024; }}\n"
            f"http {{\n    access_log off;\n    default_type application/octet-stream;\n"
            f"    types {{ text/css css; text/html html; }}\n{temp}"
            f"    include {work / 'samskab.conf'};\n}}\n"
        )
        self.nginx = subprocess.Popen(
            [self.bins["nginx"], "-p", str(work), "-c", str(work / "main.conf"), "-g",
             "daemon off;"],
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(lambda: http_status(self.url + "/healthz") == 200, 10, "nginx")

    def start(self, *, collectstatic: bool = True):
        if collectstatic:
            self.collectstatic()
        if self.redis is None:
            self.start_redis()
        # Both instances and the worker import Django at the same time.
        for i in (0, 1):
            self.apps[i] = None
        starters = [lambda i=i: self.start_app(i) for i in (0, 1)]
        import threading

        threads = [threading.Thread(target=f) for f in (*starters, self.start_worker)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if not all(self.apps) or self.worker is None:
            raise RuntimeError("an app instance or the worker did not start")
        self.start_nginx()
        return self

    def stop(self):
        for process in (self.nginx, self.worker, *self.apps, self.redis):
            self._stop(process)

    @staticmethod
    def _stop(process, timeout: float = 10):
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def mails(self) -> list[str]:
        return [p.read_text(errors="replace") for p in sorted(self.mail_dir.glob("*.log"))]
