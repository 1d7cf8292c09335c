"""Every rule in every app's ``rules.py`` is checked by some code: a view's guard
(``view.guarded_by`` of a URL's view, or ``@guard("...")``), a service's
``require(actor, "...")``, a ``has_perm("...")`` call or a template's
``{% has_perm "..." %}``. A rule nothing checks is a rule the matrix tests pin while the
code does something else, so this test fails for it.

``NOT_YET_CHECKED`` lists the rules still waiting for their check (being fixed in their
apps); the test also fails for a listed rule that is now checked, so the list only
shrinks. The lead empties it after merging.
"""

import ast
import re
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parent.parent / "samskab"
CHECKS = {"require", "has_perm", "has_perms", "guard", "permission_required"}
ADD_PERM = re.compile(r"""add_perm\(\s*["']([\w.]+)["']""")
TEMPLATE_CHECK = re.compile(r"""\{%\s*has_perm\s+["']([\w.]+)["']""")

NOT_YET_CHECKED: set[str] = set()


def defined_rules() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.glob("*/rules.py")):
        for name in ADD_PERM.findall(path.read_text()):
            found[name] = path.relative_to(ROOT.parent)
    return found


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def rules_checked_in_code() -> set[str]:
    checked = set()
    for path in ROOT.rglob("*.py"):
        if path.name == "rules.py" or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and _call_name(node) in CHECKS:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        checked.add(arg.value)
    return checked


def rules_checked_in_templates() -> set[str]:
    checked = set()
    for path in ROOT.rglob("*.html"):
        checked.update(TEMPLATE_CHECK.findall(path.read_text()))
    return checked


def _views(patterns):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _views(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            yield entry.callback


def rules_guarding_urls() -> set[str]:
    checked = set()
    for view in _views(get_resolver().url_patterns):
        while view is not None:
            if getattr(view, "guarded_by", None):
                checked.add(view.guarded_by)
            view = getattr(view, "__wrapped__", None)
    return checked


def unchecked_rules() -> set[str]:
    checked = rules_checked_in_code() | rules_checked_in_templates() | rules_guarding_urls()
    return set(defined_rules()) - checked


def test_rules_are_found_at_all():
    """The scan sees the rules and the checks it is about (a broken scan passes nothing)."""
    rules = defined_rules()
    assert "groups.join_group" in rules and "accounts.change_person" in rules
    assert "groups.join_group" in rules_guarding_urls()
    assert "groups.join_group" in rules_checked_in_code()
    assert "groups.support_suggestion" in rules_checked_in_templates()


def test_every_rule_is_checked_by_some_code():
    missing = unchecked_rules() - NOT_YET_CHECKED
    assert not missing, (
        "Rules nothing checks (no guard, require, has_perm or template has_perm): "
        + ", ".join(f"{name} ({defined_rules()[name]})" for name in sorted(missing))
    )


def test_the_allow_list_only_names_rules_still_unchecked():
    stale = NOT_YET_CHECKED - unchecked_rules()
    assert not stale, "Checked now, remove from NOT_YET_CHECKED: " + ", ".join(sorted(stale))
