"""No view writes to the database: a view module (any app's ``views.py`` or ``views/``)
never calls an ORM write (``.save(``, ``.delete(``, ``.create(``, ``.update(``,
``get_or_create``, ``update_or_create``, ``bulk_*``) nor opens a transaction
(``transaction.atomic``). Writes live in services, which check their rule with the actor.

``NOT_YET_THIN`` lists, per module, the writes still there (being moved into their apps'
services); the test also fails for a listed write that is gone, so the list only shrinks.
The lead empties it after merging.
"""

import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRITES = {"save", "delete", "create", "update", "get_or_create", "update_or_create"}

NOT_YET_THIN: dict[str, Counter] = {}


def view_modules() -> list[Path]:
    apps = ROOT / "samskab"
    return sorted([*apps.glob("*/views.py"), *apps.glob("*/views/**/*.py")])


def writes_in(path: Path) -> Counter:
    """The ORM writes and transactions in one module, by name (``atomic`` for
    ``transaction.atomic``)."""
    found = Counter()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name in WRITES or name.startswith("bulk_"):
                found[name] += 1
        if isinstance(node, ast.Attribute) and node.attr == "atomic":
            found["atomic"] += 1
    return found


def offenders() -> dict[str, Counter]:
    found = {}
    for path in view_modules():
        writes = writes_in(path)
        if writes:
            found[str(path.relative_to(ROOT))] = writes
    return found


def test_the_scan_sees_view_modules_and_writes(tmp_path):
    """A broken scan would pass everything: it finds the groups views package and a write."""
    assert ROOT / "samskab/groups/views/members.py" in view_modules()
    sample = tmp_path / "views.py"
    sample.write_text(
        "from django.db import transaction\n"
        "@transaction.atomic\n"
        "def v(request, thing):\n"
        "    thing.save()\n"
        "    Thing.objects.filter(pk=1).update(x=1)\n"
        "    Thing.objects.bulk_create([])\n"
    )
    assert writes_in(sample) == Counter(atomic=1, save=1, update=1, bulk_create=1)


def test_no_view_writes_to_the_database():
    new = {}
    for module, writes in offenders().items():
        extra = writes - NOT_YET_THIN.get(module, Counter())
        if extra:
            new[module] = dict(extra)
    assert not new, f"Views that write (move the write into a service): {new}"


def test_the_allow_list_only_names_writes_still_there():
    found = offenders()
    stale = {}
    for module, allowed in NOT_YET_THIN.items():
        gone = allowed - found.get(module, Counter())
        if gone:
            stale[module] = dict(gone)
    assert not stale, f"Gone now, lower NOT_YET_THIN: {stale}"
