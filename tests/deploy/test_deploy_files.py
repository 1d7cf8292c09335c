"""deploy/: the environment template names every variable settings.py reads and passes
`manage.py check --deploy`; the systemd units run commands that exist, from the paths the
README's production section uses."""

import configparser
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
TEMPLATE = DEPLOY / "samskab.env.example"
ENV_FILE = "/etc/samskab/samskab.env"


def template_values() -> dict[str, str]:
    values = {}
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value
    return values


def test_the_template_names_every_variable_the_settings_read():
    settings = (ROOT / "samskab" / "settings.py").read_text(encoding="utf-8")
    read = set(
        re.findall(
            r'(?:os\.environ(?:\.get)?\(|os\.environ\[|env_(?:bool|list)\()"([A-Z0-9_]+)"', settings
        )
    )
    assert len(read) > 30
    assert sorted(read - set(template_values())) == []


def test_check_deploy_is_clean_with_the_template(tmp_path):
    env = template_values()
    # The placeholders, filled as the README says.
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/db.sqlite3"
    env["EMAIL_URL"] = "smtp+tls://user:password@smtp.example:587"
    env["STATIC_ROOT"] = str(tmp_path / "static")
    env["MEDIA_ROOT"] = str(tmp_path / "media")
    assert not [v for v in env.values() if re.search(r"<[a-z ]+>", v)]
    env.update({"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "samskab.settings"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def units():
    return sorted((DEPLOY / "systemd").iterdir())


def parse(path):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("path", units(), ids=lambda p: p.name)
def test_each_unit_is_complete(path):
    unit = parse(path)
    assert unit.has_section("Unit")
    if path.suffix == ".service":
        service = unit["Service"]
        assert service["EnvironmentFile"] == ENV_FILE
        assert service["WorkingDirectory"] == "/srv/samskab"
        assert service["ExecStart"].startswith("/srv/samskab/.venv/bin/")
    else:
        target = unit["Timer"]["Unit"]
        template, _, command = target.removesuffix(".service").partition("@")
        assert (DEPLOY / "systemd" / f"{template}@.service").exists()
        found = list(ROOT.glob(f"samskab/*/management/commands/{command}.py"))
        assert found, f"{path.name}: no command {command}"
        assert unit["Install"]["WantedBy"] == "timers.target"


def test_the_scheduled_commands_all_have_a_timer():
    scheduled = {"flush_case_reads", "send_event_reminders", "send_decision_reminders", "backup"}
    timed = {
        parse(p)["Timer"]["Unit"].split("@")[1].split(".")[0]
        for p in units()
        if p.suffix == ".timer"
    }
    assert timed == scheduled


def test_the_readme_uses_exactly_these_files():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Running in production", 1)[1].split("\n## ", 1)[0]
    for path in [*units(), TEMPLATE, DEPLOY / "render_nginx.py"]:
        assert path.name in section, path.name
    assert ENV_FILE in section
