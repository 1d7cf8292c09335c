"""Browser tests: Playwright (Python) driving Debian's Chromium, never a downloaded browser.

Outside CI, the tests skip with a clear reason when /usr/bin/chromium is missing
(`apt-get install chromium`). In CI (CI=true) a missing Chromium is an error.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_executable():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        if IN_CI:
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing.")
        pytest.skip(
            f"Chromium not installed at {CHROMIUM} (apt-get install chromium); "
            "browser tests skipped outside CI."
        )
    return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")


@pytest.fixture(scope="session")
def browser(chromium_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context; fails the test on any console error (CSP violations and
    JavaScript errors show up there) and on any failed same-origin request."""
    context = browser.new_context(locale="da-DK", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems = []
    page.on(
        "console",
        lambda msg: (
            problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None
        ),
    )
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    yield page
    context.close()
    ignorable = ("Failed to load resource: the server responded with a status of 4",)
    real = [p for p in problems if not any(i in p for i in ignorable)]
    assert not real, "Browser reported errors:\n" + "\n".join(real)


def assert_no_axe_violations(page, context_name: str = "") -> None:
    """Run axe-core (from npm) on the page and fail on any violation."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci`.")
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}
        })"""
    )
    violations = result["violations"]
    if violations:
        lines = []
        for v in violations:
            targets = [", ".join(n["target"]) for n in v["nodes"][:5]]
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']} -> {targets}")
        pytest.fail(
            f"axe found {len(violations)} violation(s) on {context_name or page.url}:\n"
            + "\n".join(lines)
        )


def totp_code(secret: str) -> str:
    """The current code, taken from a fresh 30-second window so it cannot expire between
    being typed and being checked (allauth accepts the current window only)."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    if time.time() % 30 > 25:
        time.sleep(30 - time.time() % 30 + 0.2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(page, email: str, password: str, totp_secret: str | None = None, lang: str = "da"):
    """Log in through the real form (and the second factor when asked), waiting for each
    form submission to finish so a following page.goto cannot cancel it."""
    page.goto(f"/{lang}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    if totp_secret:
        page.wait_for_selector("input[name=code]")
        page.fill("input[name=code]", totp_code(totp_secret))
        with page.expect_navigation():
            page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def wide_elements(page, width: int, limit: int = 8) -> list[str]:
    """The outermost elements that reach past `width` (for a message that names them)."""
    return page.evaluate(
        """([width, limit]) => {
            const out = [];
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.right <= width + 0.5 || r.width === 0) continue;
                let p = el.parentElement, inside = false;
                while (p && p !== document.body) {
                    const pr = p.getBoundingClientRect();
                    if (pr.right > width + 0.5) { inside = true; break; }
                    // Inside a box that scrolls or clips: that box holds it.
                    if (getComputedStyle(p).overflowX !== 'visible') { inside = true; break; }
                    p = p.parentElement;
                }
                if (inside) continue;
                const cls = el.className && typeof el.className === 'string'
                    ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
                out.push(`${el.tagName.toLowerCase()}${cls} right=${Math.round(r.right)}`);
                if (out.length >= limit) break;
            }
            return out;
        }""",
        [width, limit],
    )


def assert_fits(page, width: int, what: str = "") -> None:
    """The page does not scroll sideways at this viewport width."""
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, (
        f"{what or page.url} scrolls sideways ({scroll}px at {width}px): "
        f"{wide_elements(page, width)}"
    )
