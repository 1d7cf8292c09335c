#!/usr/bin/env python
"""Translation helpers for the per-app catalogues (samskab/<app>/locale/<lang>/LC_MESSAGES).

python tools/i18n.py extract            run makemessages for da, nb and en
python tools/i18n.py fill-en            English catalogues: msgstr = msgid (source is English)
python tools/i18n.py missing [LANG]     list entries with no translation (or fuzzy)
python tools/i18n.py apply FILE.json    apply {"da": {msgid: msgstr}, "nb": {...}}; plural
                                        forms as a list [singular, plural]
python tools/i18n.py check              exit 1 if any catalogue is incomplete
Add --app NAME to any command to work on one app only (samskab/NAME/locale).
"""

import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("da", "nb", "en")


APP = None  # set by --app NAME: only that app's catalogues


def catalogues(lang=None):
    pattern = f"{APP or '*'}/locale/*/LC_MESSAGES/django.po"
    for po_path in sorted((ROOT / "samskab").glob(pattern)):
        if lang is None or po_path.parent.parent.name == lang:
            yield po_path.parent.parent.name, po_path


def incomplete(entry) -> bool:
    if entry.obsolete:
        return False
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
    return not entry.msgstr


def extract():
    cwd = ROOT / "samskab" / APP if APP else ROOT
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "makemessages",
            "-l",
            "da",
            "-l",
            "nb",
            "-l",
            "en",
            "--no-location",
            "--ignore=.venv",
            "--ignore=node_modules",
            "--ignore=tests",
            "--ignore=bench",
            "--ignore=var",
            "--ignore=tools",
        ],
        cwd=cwd,
        check=True,
    )
    for _lang, path in catalogues():
        po = polib.pofile(str(path))
        for entry in po.obsolete_entries():
            po.remove(entry)
        po.save()


def fill_en():
    for _lang, path in catalogues("en"):
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()


def missing(lang=None):
    count = 0
    for code, path in catalogues(lang):
        for entry in polib.pofile(str(path)):
            if incomplete(entry):
                count += 1
                msgid = json.dumps(entry.msgid, ensure_ascii=False)
                print(f"{code}\t{path.relative_to(ROOT)}\t{msgid}")
    return count


def apply(file):
    table = json.loads(Path(file).read_text(encoding="utf-8"))
    for lang, strings in table.items():
        for _code, path in catalogues(lang):
            po = polib.pofile(str(path))
            changed = False
            for entry in po:
                if entry.msgid not in strings:
                    continue
                value = strings[entry.msgid]
                if entry.msgid_plural:
                    forms = value if isinstance(value, list) else [value, value]
                    entry.msgstr_plural = {0: forms[0], 1: forms[1]}
                else:
                    entry.msgstr = value
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                changed = True
            if changed:
                po.save()


def main(argv):
    global APP
    if "--app" in argv:
        i = argv.index("--app")
        APP = argv[i + 1]
        argv = argv[:i] + argv[i + 2 :]
    command = argv[1] if len(argv) > 1 else "check"
    if command == "extract":
        extract()
    elif command == "fill-en":
        fill_en()
    elif command == "missing":
        missing(argv[2] if len(argv) > 2 else None)
    elif command == "apply":
        apply(argv[2])
    elif command == "check":
        n = missing()
        print(f"{n} incomplete entries")
        return 1 if n else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
