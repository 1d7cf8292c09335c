"""The Content Security Policy allows no inline style or script (settings
CONTENT_SECURITY_POLICY: style-src and script-src 'self'): no template of the project may
carry a style attribute, a <style> block, an inline <script> or an on...= handler; the
browser test tests/browser/test_csp.py checks the rendered pages."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR) / "samskab"
FORBIDDEN = {
    "style attribute": re.compile(r"""\sstyle\s*=\s*["'{]""", re.I),
    "<style> block": re.compile(r"<style[\s>]", re.I),
    "inline <script>": re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I),
    "event handler attribute": re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I),
    "javascript: link": re.compile(r"""href\s*=\s*["']\s*javascript:""", re.I),
}


def test_policy_forbids_inline_code():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for name in ("style-src", "script-src"):
        assert directives[name] == ["'self'"], name


def test_no_template_carries_inline_style_or_script():
    found = []
    for template in sorted(ROOT.rglob("templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for what, pattern in FORBIDDEN.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{template.relative_to(ROOT)}:{line}: {what}")
    assert not found, "\n".join(found)
