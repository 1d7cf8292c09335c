"""No page breaks the Content Security Policy (issue 20, defect 14): a real Chromium visits
the main page types of the demo data, anonymously and as the secretariat (the forms and the
live filter of the case list included), and collects every CSP violation the page reports.
The policy (settings.CONTENT_SECURITY_POLICY) allows no inline style or script."""

import pytest
from django.core.management import call_command

from samskab.cases.models import Case
from samskab.events.models import Event
from samskab.groups.models import ThemeGroup

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)

# Records each violation in the page itself (the console shows it too, but a listener
# also sees the ones a page swallows).
COLLECT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(
    `${e.violatedDirective} ${e.blockedURI || 'inline'} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture
def demo(settings, tmp_path):
    from samskab.cases.models import InterventionType, Topic
    from samskab.cases.taxonomy import seed

    settings.MEDIA_ROOT = tmp_path / "media"
    seed(Topic, InterventionType)
    call_command("load_demo", "--quiet")


def violations(page, console):
    found = page.evaluate("window.__csp || []")
    return found + [m for m in console if "Content Security Policy" in m]


def visit(page, console, path, problems):
    console.clear()
    page.goto(path)
    problems += [f"{path}: {v}" for v in violations(page, console)]


def test_main_page_types_report_no_csp_violation(page, live_server, demo):
    page.context.add_init_script(COLLECT)
    console = []
    page.on("console", lambda msg: console.append(msg.text))
    case = Case.objects.filter(status=Case.Status.PUBLISHED).order_by("pk").first()
    event = Event.objects.order_by("pk").first()
    group = ThemeGroup.objects.order_by("pk").first()
    public = [
        "/da/",
        "/da/cases/",
        f"/da/cases/{case.slug}/",
        "/nb/cases/",
        "/da/events/",
        f"/da/events/{event.pk}/",
        "/da/groups/",
        f"/da/groups/{group.slug}/",
        "/da/members/",
        "/da/news/",
        "/da/programmes/",
        "/da/search/?q=sundhed",
        "/da/accounts/login/",
        "/da/accounts/signup/",
    ]
    problems = []
    for path in public:
        visit(page, console, path, problems)

    # The live filter on the case list swaps the results in place (htmx).
    visit(page, console, "/da/cases/", problems)
    console.clear()
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.locator("form[data-drop-empty] select[name=topic]").select_option(index=1)
    page.wait_for_load_state("networkidle")
    problems += [f"/da/cases/ (filtered): {v}" for v in violations(page, console)]

    log_in(
        page,
        "sekretariat@sundby.example",
        "samskab-demo",
        totp_secret="SAMSKABDEMOSAMSKABDEMOSAMSKAB234",
    )
    for path in [
        "/da/me/",
        "/da/cases/new/",
        f"/da/cases/{case.slug}/edit/",
        f"/da/events/{event.pk}/edit/",
        f"/da/events/{event.pk}/participants/",
        f"/da/groups/{group.slug}/edit/",
        "/da/accounts/email/",
    ]:
        visit(page, console, path, problems)
    assert not problems, "CSP violations:\n" + "\n".join(problems)
