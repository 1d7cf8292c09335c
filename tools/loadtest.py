"""`make loadtest`: the production set-up on loopback (tools/prodstack.py: nginx in front of
two gunicorn instances, Redis, an RQ worker) under readers and writers, then a report.

Readers (anonymous, LOADTEST_READERS=200) fetch the front page, the case list (plain and
with a filter nginx has not cached), case pages, events, news and members. Writers
(LOADTEST_WRITERS=20, signed in as the demo user borger@samskab.example) follow and unfollow
cases and comment on them (comments send e-mails through the worker). For
LOADTEST_SECONDS (120). The database is a fresh SQLite file with the demo data, or
LOADTEST_DATABASE_URL (migrated and loaded with the demo data: use an empty database).

Reported: requests, errors (connection failures), 5xx (must be 0), p50/p99 per kind, and
the resident memory of every process at the start and the end. Loopback only. Exit status
1 when any 5xx or error was seen or a process grew beyond LOADTEST_RSS_GROWTH_MB (100).
"""

from __future__ import annotations

import http.client
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import prodstack  # noqa: E402

DEMO_USER = ("borger@samskab.example", "samskab-demo")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CASE_LINK = re.compile(r'href="/da/cases/([a-z0-9-]+)/"')


class Client:
    """One keep-alive connection to nginx, with cookies."""

    def __init__(self, port):
        self.port = port
        self.conn = None
        self.cookies: dict[str, str] = {}

    def request(self, method, path, data=None):
        headers = {"Accept-Language": "da"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A keep-alive connection nginx closed between requests: reconnect once.
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                cookie_value = rest.split(";", 1)[0]
                if cookie_value and "max-age=0" not in value.lower():
                    self.cookies[key] = cookie_value
                else:
                    self.cookies.pop(key, None)
        return response.status, text


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.statuses: dict[int, int] = {}
        self.errors = 0
        self.error_samples: list[str] = []

    def record(self, kind, status, seconds):
        with self.lock:
            self.times.setdefault(kind, []).append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def error(self, exc):
        with self.lock:
            self.errors += 1
            if len(self.error_samples) < 5:
                self.error_samples.append(repr(exc))


def timed(recorder, client, kind, method, path, data=None):
    start = time.perf_counter()
    try:
        status, text = client.request(method, path, data)
    except Exception as exc:  # noqa: BLE001 - counted
        recorder.error(exc)
        client.conn = None
        return None, ""
    recorder.record(kind, status, time.perf_counter() - start)
    return status, text


def reader(port, slugs, stop, recorder, seed):
    rnd = random.Random(seed)
    client = Client(port)
    while not stop.is_set():
        choice = rnd.random()
        if choice < 0.25:
            path, kind = f"/da/cases/{rnd.choice(slugs)}/", "case page"
        elif choice < 0.45:
            path, kind = "/da/cases/", "case list"
        elif choice < 0.55:
            # A filter and page nginx has probably not cached: the app's index answers.
            query = {"q": rnd.choice(["sund", "skole", "mad"]), "page": rnd.randint(1, 3)}
            path = f"/da/cases/?{urlencode(query)}"
            kind = "case list filtered"
        else:
            path = rnd.choice(["/da/", "/da/events/", "/da/news/", "/da/members/"])
            kind = "other pages"
        timed(recorder, client, kind, "GET", path)


def writer(port, slugs, stop, recorder, seed):
    rnd = random.Random(seed)
    client = Client(port)
    status, text = timed(recorder, client, "log-in", "GET", "/da/accounts/login/")
    token = CSRF.search(text).group(1)
    status, _ = timed(
        recorder, client, "log-in", "POST", "/da/accounts/login/",
        {"login": DEMO_USER[0], "password": DEMO_USER[1], "csrfmiddlewaretoken": token},
    )  # fmt: skip
    if status != 302:
        recorder.error(RuntimeError(f"log-in answered {status}"))
        return
    n = 0
    while not stop.is_set():
        n += 1
        slug = rnd.choice(slugs)
        status, text = timed(recorder, client, "case page signed in", "GET", f"/da/cases/{slug}/")
        match = CSRF.search(text or "")
        if not match:
            continue
        if n % 5 == 0:
            data = {"text": f"Belastningstest {seed}-{n}", "csrfmiddlewaretoken": match.group(1)}
            timed(recorder, client, "comment", "POST", f"/da/cases/{slug}/comments/", data)
        else:
            action = "unfollow" if n % 2 else "follow"
            data = {"action": action, "csrfmiddlewaretoken": match.group(1)}
            timed(recorder, client, "follow", "POST", f"/da/cases/{slug}/follow/", data)


def rss_kb(pid) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def processes(stack) -> dict[str, int]:
    found = {"redis": stack.redis.pid, "rq worker": stack.worker.pid, "nginx": stack.nginx.pid}
    for i in (0, 1):
        found[f"gunicorn {i} master"] = stack.apps[i].pid
        for n, pid in enumerate(sorted(stack.app_worker_pids(i))):
            found[f"gunicorn {i} worker {n}"] = pid
    return found


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    seconds = float(os.environ.get("LOADTEST_SECONDS", "120"))
    readers = int(os.environ.get("LOADTEST_READERS", "200"))
    writers = int(os.environ.get("LOADTEST_WRITERS", "20"))
    growth_mb = float(os.environ.get("LOADTEST_RSS_GROWTH_MB", "100"))
    workdir = Path(tempfile.mkdtemp(prefix="samskab-loadtest-"))
    database_url = os.environ.get("LOADTEST_DATABASE_URL") or f"sqlite:///{workdir}/db.sqlite3"
    stack = prodstack.Stack(
        workdir, database_url, workers=int(os.environ.get("LOADTEST_GUNICORN_WORKERS", "3"))
    )
    missing = [name for name, path in stack.bins.items() if not path]
    if missing:
        print(f"loadtest needs {', '.join(missing)} (apt-get install nginx-light redis-server)")
        return 2
    print(f"== setting up in {workdir} (migrate, demo data, collectstatic)", flush=True)
    try:
        stack.start_redis()  # the demo data's changes reach the cache and the queue
        stack.manage("migrate", "--no-input", "-v", "0")
        stack.manage("load_demo")
        stack.start()
        _, text = Client(stack.nginx_port).request("GET", "/da/cases/")
        slugs = sorted(set(CASE_LINK.findall(text))) or ["x"]
        start_rss = {name: rss_kb(pid) for name, pid in processes(stack).items()}
        print(
            f"== {readers} readers, {writers} writers for {seconds:.0f} s through nginx "
            f"({stack.url}) to {stack.app_urls}",
            flush=True,
        )
        recorder = Recorder()
        stop = threading.Event()
        threads = [
            threading.Thread(target=reader, args=(stack.nginx_port, slugs, stop, recorder, i))
            for i in range(readers)
        ] + [
            threading.Thread(target=writer, args=(stack.nginx_port, slugs, stop, recorder, i))
            for i in range(writers)
        ]
        began = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(seconds)
        stop.set()
        for t in threads:
            t.join(timeout=70)
        elapsed = time.monotonic() - began
        end_pids = processes(stack)
        end_rss = {name: rss_kb(pid) for name, pid in end_pids.items()}
    finally:
        stack.stop()

    total = sum(recorder.statuses.values())
    fives = sum(n for status, n in recorder.statuses.items() if status >= 500)
    print(f"\nrequests: {total} in {elapsed:.0f} s ({total / elapsed:.0f}/s)")
    print(f"status codes: {dict(sorted(recorder.statuses.items()))}")
    print(f"errors (no answer): {recorder.errors} {recorder.error_samples}")
    print(f"5xx: {fives}")
    everything = [t for times in recorder.times.values() for t in times]
    print(f"\n{'kind':24} {'count':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, times in sorted(recorder.times.items()) + [("all", everything)]:
        print(
            f"{kind:24} {len(times):7} {statistics.median(times) * 1000:8.1f} "
            f"{percentile(times, 0.99) * 1000:8.1f} {max(times) * 1000:8.1f}"
        )
    print(f"\n{'process':24} {'RSS start MB':>12} {'RSS end MB':>12}")
    grew = []
    for name in sorted(set(start_rss) | set(end_rss)):
        a, b = start_rss.get(name, 0) / 1024, end_rss.get(name, 0) / 1024
        print(f"{name:24} {a:12.1f} {b:12.1f}")
        if a and b - a > growth_mb:
            grew.append(name)
    if grew:
        print(f"grew by more than {growth_mb} MB: {grew}")
    return 1 if fives or recorder.errors or grew else 0


if __name__ == "__main__":
    sys.exit(main())
