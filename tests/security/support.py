"""Shared helpers of the security tests: a real log-in, data built once per module, a
fingerprint of the whole database, and an HTML reader that finds what a browser would run.
"""

import contextlib
import hashlib
import re
import time

import html5lib
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.test import Client, TestCase
from django.urls import reverse

from tests.conftest import TOTP_SECRET
from tests.factories import PASSWORD

# --- logging in ------------------------------------------------------------------------------


def _totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def login_as(client: Client, user, *, password: str = PASSWORD, secret: str = TOTP_SECRET):
    """Log ``user`` in through allauth's own forms, the door a person uses: e-mail and
    password, then the authenticator code when the account has TOTP. The session is then
    exactly what a completed log-in gives (including the record of the second factor)."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302, f"log-in of {user.email} failed: {response.status_code}"
    if response["Location"].startswith(reverse("mfa_authenticate")):
        for _attempt in range(2):  # a code can fall at the end of its 30-second window
            response = client.post(reverse("mfa_authenticate"), {"code": _totp_code(secret)})
            if response.status_code == 302:
                break
        assert response.status_code == 302, f"the second factor of {user.email} failed"
    assert client.session.get("_auth_user_id") == str(user.pk), f"{user.email} is not logged in"
    return client


# --- data built once per module --------------------------------------------------------------


@contextlib.contextmanager
def module_data(django_db_blocker):
    """A transaction around a whole module's shared data, rolled back at its end. Each test
    still runs in its own savepoint (pytest-django's ``db``), so tests cannot see each
    other's changes. On-commit work is dropped unless run with ``run_on_commit``."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextlib.contextmanager
def run_on_commit():
    """Run on-commit callbacks (mail, indexing) made inside the block, as a commit would."""
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        yield callbacks


# --- the whole database, to prove a request changed nothing ----------------------------------

# Sessions change with every request that logs in, out or leaves a message.
UNTRACKED = {Session}


def db_fingerprint() -> dict[str, str]:
    """A digest of every row of every table Django knows (many-to-many tables included),
    read with plain SQL so that taking it stays cheap."""
    digests = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model in UNTRACKED or not model._meta.managed or model._meta.proxy:
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")  # noqa: S608
            digests[model._meta.label] = hashlib.sha1(
                repr(cursor.fetchall()).encode(), usedforsecurity=False
            ).hexdigest()
    return digests


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(label for label in after if before.get(label) != after[label])


# --- what a browser would run ----------------------------------------------------------------

MARKER = re.compile(r"xss-[a-z0-9_.]+-\d+")
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "lowsrc",
    "dynsrc",
    "ping",
    "codebase",
    "srcset",
    "cite",
    "manifest",
    "icon",
    "values",
    "to",
    "from",
    "by",
}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:text/html", "data:image/svg")
# Elements that load or run something; the site's own use of them never carries a marker.
ACTIVE_ELEMENTS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "style",
    "form",
    "svg",
    "math",
    "template",
    "portal",
    "img",
    "video",
    "audio",
    "source",
    "input",
    "button",
    "textarea",
    "select",
    "details",
}
# Where the site itself writes user text into attributes (escaped): a marker there is text.
TEXT_ATTRIBUTES = {"value", "title", "alt", "aria-label", "placeholder", "content", "data-value"}


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _compact(value: str) -> str:
    """The URL as a browser reads its scheme: control characters and spaces dropped."""
    return re.sub(r"[\x00-\x20]+", "", value).lower()


def _markers(text: str) -> list[str]:
    return MARKER.findall(text or "") or ["(no marker)"]


def executable_findings(html: str, *, site_elements: bool = True) -> list[tuple[str, str]]:
    """(marker, what) for everything in ``html`` a browser would run or load because of
    user input: script elements, event-handler attributes, script URLs, active elements or
    attributes that carry a payload's marker, and tags or attribute names a payload made.

    The page is parsed the way a browser parses it (html5lib implements the WHATWG
    algorithm), so broken-tag tricks are judged by what they become, not by their text."""
    findings = []
    document = html5lib.parse(html, namespaceHTMLElements=True)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        tag = _local(element.tag)
        own = " ".join(f"{k}={v}" for k, v in element.attrib.items())
        text = element.text or ""
        if MARKER.search(tag):
            findings.append((MARKER.search(tag).group(0), f"a tag made by the payload: <{tag}>"))
        if tag == "script":
            if text.strip() or MARKER.search(own):
                for marker in _markers(text + own):
                    findings.append((marker, f"<script {own}>{text[:80]}"))
            elif site_elements and not element.attrib.get("src", "").startswith("/static/"):
                findings.append(("(no marker)", f"<script {own}> not from /static/"))
        elif tag == "meta" and "http-equiv" in element.attrib and MARKER.search(own):
            findings.append((MARKER.search(own).group(0), f"<meta {own[:120]}>"))
        elif tag in ACTIVE_ELEMENTS and (MARKER.search(own) or (tag == "style" and text)):
            marked = {k: v for k, v in element.attrib.items() if MARKER.search(v or "")}
            if tag == "link" and element.attrib.get("rel") == "alternate":
                # A feed announced by the page: a path on this site (a slug made from the
                # name) loads nothing and runs nothing; another site or scheme still counts.
                href = marked.get("href", "")
                if href.startswith("/") and not href.startswith("//"):
                    marked.pop("href")
            if tag == "style" or any(_local(k) not in TEXT_ATTRIBUTES for k in marked):
                for marker in _markers(own + text):
                    findings.append((marker, f"<{tag} {own[:120]}>"))
        for name, value in element.attrib.items():
            attr = _local(name) if name.startswith("{") else name.lower()
            value = value or ""
            if MARKER.search(attr):
                findings.append(
                    (MARKER.search(attr).group(0), f"attribute made by the payload: {attr}")
                )
            if attr.startswith("on"):
                for marker in _markers(value):
                    findings.append((marker, f"event handler <{tag} {attr}={value[:80]!r}>"))
            elif attr in {"style", "srcdoc"} and MARKER.search(value):
                findings.append((MARKER.search(value).group(0), f"<{tag} {attr}={value[:80]!r}>"))
            elif attr.startswith(("hx-", "data-hx-")) and MARKER.search(value):
                findings.append((MARKER.search(value).group(0), f"htmx <{tag} {attr}={value!r}>"))
            elif (attr in URL_ATTRIBUTES or name.endswith("}href")) and _compact(value).startswith(
                DANGEROUS_SCHEMES
            ):
                for marker in _markers(value):
                    findings.append((marker, f"script URL <{tag} {attr}={value[:80]!r}>"))
    return findings


def visible_text(html: str) -> str:
    """The page's text and attribute values, as a reader (or a sanity check) sees them."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    parts = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        parts.append(element.text or "")
        parts.append(element.tail or "")
        parts.extend(v or "" for v in element.attrib.values())
    return " ".join(parts)
