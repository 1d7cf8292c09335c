"""deploy/nginx.conf in a real nginx: what it caches, what it never caches, what it passes on.

An upstream written here answers each path the way the app answers that kind of page
(public, private, setting a cookie, counted with max-age=0, by language), and counts the
requests that reach it: a cache hit is a request that did not. The whole app behind the
same configuration is in test_nginx_app.py.
"""

import http.server
import threading

import pytest

from .conftest import Nginx, fetch, free_port, render_nginx


class Upstream(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), Handler)
        self.hits: dict[str, int] = {}
        self.seen: list[dict] = []
        self.lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.do_GET()

    def do_POST(self):
        self.do_GET()

    def do_GET(self):
        server = self.server
        path = self.path.split("?")[0]
        with server.lock:
            server.hits[path] = server.hits.get(path, 0) + 1
            count = server.hits[path]
            server.seen.append(dict(self.headers.items()))
        headers = {"Content-Type": "text/html; charset=utf-8", "Vary": "Cookie, HX-Request"}
        status = 200
        body = f"{path} #{count}"
        if path.startswith("/public/"):
            headers["Cache-Control"] = "public, max-age=60"
            if self.headers.get("HX-Request"):
                body += " fragment"
        elif path == "/cookie/":
            headers["Cache-Control"] = "public, max-age=60"
            headers["Set-Cookie"] = "csrftoken=abc; Path=/"
        elif path == "/private/":
            headers["Cache-Control"] = "private, no-cache"
        elif path == "/counted/":
            headers["Cache-Control"] = "public, max-age=0, must-revalidate"
        elif path == "/":
            # As Django's LocaleMiddleware: "/" goes to the browser's language.
            lang = "en" if (self.headers.get("Accept-Language") or "").startswith("en") else "da"
            status = 302
            headers["Location"] = f"/{lang}/"
            headers["Cache-Control"] = "public, max-age=60"
            headers["Vary"] = "Accept-Language, Cookie"
            body = lang
        elif path.split("/")[1] in ("da", "nb", "en"):
            headers["Cache-Control"] = "public, max-age=60"
            headers["Content-Language"] = path.split("/")[1]
        elif path == "/headers/":
            headers["Cache-Control"] = "private"
            body = repr(dict(self.headers.items()))
        else:
            status = 404
        data = body.encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


@pytest.fixture
def upstream():
    server = Upstream(free_port("SAMSKAB_TEST_UPSTREAM_PORT"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def nginx(nginx_binary, upstream, tmp_path):
    server = Nginx(nginx_binary, tmp_path / "nginx", f"127.0.0.1:{upstream.server_address[1]}")
    yield server
    server.stop()


def test_the_template_renders_completely_for_production():
    text = render_nginx.render(
        server_names="sundby.example sunnekommuner.example",
        static_root="/srv/samskab/var/static/",
        tls="/etc/letsencrypt/live/sundby.example",
    )
    assert "listen 443 ssl http2;" in text
    assert "ssl_certificate     /etc/letsencrypt/live/sundby.example/fullchain.pem;" in text
    assert "alias /srv/samskab/var/static/;" in text
    assert "/media" not in text.split("server {", 1)[1].replace("# ", "")  # no route to uploads


def test_public_anonymous_pages_are_served_from_the_cache(nginx, upstream):
    first = fetch(nginx.url + "/public/page/")
    second = fetch(nginx.url + "/public/page/")
    assert first[1]["X-Cache-Status"] == "MISS"
    assert second[1]["X-Cache-Status"] == "HIT"
    assert first[2] == second[2] == "/public/page/ #1"
    assert upstream.hits["/public/page/"] == 1
    # HEAD is answered from the same entry.
    assert fetch(nginx.url + "/public/page/", method="HEAD")[1]["X-Cache-Status"] == "HIT"
    assert upstream.hits["/public/page/"] == 1


def test_query_strings_and_htmx_fragments_are_cached_apart(nginx, upstream):
    fetch(nginx.url + "/public/list/?topic=a")
    other = fetch(nginx.url + "/public/list/?topic=b")
    assert other[1]["X-Cache-Status"] == "MISS"
    fragment = fetch(nginx.url + "/public/list/?topic=a", headers={"HX-Request": "true"})
    assert fragment[1]["X-Cache-Status"] == "MISS"
    assert fragment[2].endswith("fragment")
    page = fetch(nginx.url + "/public/list/?topic=a")
    assert page[1]["X-Cache-Status"] == "HIT" and not page[2].endswith("fragment")


@pytest.mark.parametrize("cookie", ["sessionid=s1", "csrftoken=t1", "messages=m1"])
def test_a_request_with_a_personal_cookie_bypasses_and_never_fills_the_cache(
    nginx, upstream, cookie
):
    personal = fetch(nginx.url + "/public/mine/", headers={"Cookie": f"theme=x; {cookie}"})
    assert personal[1]["X-Cache-Status"] == "BYPASS"
    anonymous = fetch(nginx.url + "/public/mine/")
    assert anonymous[1]["X-Cache-Status"] == "MISS"  # the personal answer was not stored
    assert anonymous[2] == "/public/mine/ #2"
    cached = fetch(nginx.url + "/public/mine/")
    assert cached[1]["X-Cache-Status"] == "HIT"
    again = fetch(nginx.url + "/public/mine/", headers={"Cookie": cookie})
    assert again[1]["X-Cache-Status"] == "BYPASS" and again[2] == "/public/mine/ #3"


def test_responses_that_set_a_cookie_or_are_private_or_counted_are_never_cached(nginx, upstream):
    for path in ("/cookie/", "/private/", "/counted/"):
        for _ in range(3):
            status, headers, _body = fetch(nginx.url + path)
            assert status == 200
            assert headers["X-Cache-Status"] != "HIT", path
        assert upstream.hits[path] == 3, path
    # The cookie reaches the one who asked, every time.
    assert "csrftoken=abc" in fetch(nginx.url + "/cookie/")[1]["Set-Cookie"]


def test_each_language_has_its_own_entry(nginx, upstream):
    da = fetch(nginx.url + "/da/cases/")
    en = fetch(nginx.url + "/en/cases/")
    assert en[1]["X-Cache-Status"] == "MISS"
    assert fetch(nginx.url + "/da/cases/")[2] == da[2] == "/da/cases/ #1"
    assert fetch(nginx.url + "/en/cases/")[2] == en[2] == "/en/cases/ #1"
    assert fetch(nginx.url + "/en/cases/")[1]["Content-Language"] == "en"


def test_the_language_redirect_follows_each_browser_language(nginx, upstream):
    for _ in range(2):
        english = fetch(nginx.url + "/", headers={"Accept-Language": "en-GB,en;q=0.9"})
        danish = fetch(nginx.url + "/", headers={"Accept-Language": "da-DK,da;q=0.9"})
        assert english[0] == danish[0] == 302
        assert english[1]["Location"] == "/en/"
        assert danish[1]["Location"] == "/da/"


def test_static_files_are_served_by_nginx_itself(nginx, upstream):
    (nginx.static_root / "site.css").write_text("body{color:red}")
    status, headers, body = fetch(nginx.url + "/static/site.css")
    assert status == 200 and body == "body{color:red}"
    assert "max-age=31536000" in headers["Cache-Control"]
    assert "X-Cache-Status" not in headers
    assert not any(path.startswith("/static/") for path in upstream.hits)
    assert fetch(nginx.url + "/static/../samskab.conf")[0] in (400, 404)


def test_uploads_are_never_served_from_disk(nginx, upstream, tmp_path):
    media = tmp_path / "nginx" / "static" / ".." / "media"
    media.mkdir(parents=True, exist_ok=True)
    (media / "secret.pdf").write_text("TOP SECRET CONTENT")
    status, _headers, body = fetch(nginx.url + "/media/secret.pdf")
    assert "TOP SECRET" not in body
    assert upstream.hits.get("/media/secret.pdf") == 1  # the app decides (it answers 404)
    assert status == 404


def test_the_client_address_and_scheme_are_passed_to_the_app(nginx, upstream):
    _status, _headers, body = fetch(
        nginx.url + "/headers/", headers={"X-Forwarded-For": "203.0.113.9"}
    )
    seen = upstream.seen[-1]
    # What the client wrote stays on the left; nginx appends the address it saw, which is
    # the one the app believes (TRUSTED_PROXIES, core.client_ip).
    assert seen["X-Forwarded-For"] == "203.0.113.9, 127.0.0.1"
    assert seen["X-Forwarded-Proto"] == "http"
    assert seen["Host"].startswith("127.0.0.1")
