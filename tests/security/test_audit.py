"""tools/audit.py: a known vulnerability fails `make lint`, and so does an audit that could
not be done (unless asked to only warn); a clean audit passes."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def audit():
    spec = importlib.util.spec_from_file_location("audit", ROOT / "tools" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLEAN_NPM = {"vulnerabilities": {}, "metadata": {"vulnerabilities": {"total": 0}}}
NPM_DOWN = {"message": "405 Method Not Allowed", "error": {"summary": ""}}


def fake_tools(monkeypatch, audit, pip_deps, npm_report):
    def run(command, **kwargs):
        if "pip_audit" in command:
            output = Path(command[command.index("--output") + 1])
            output.write_text(json.dumps({"dependencies": pip_deps, "fixes": []}))
            return subprocess.CompletedProcess(command, 0, "", "")
        return subprocess.CompletedProcess(command, 1, json.dumps(npm_report), "")

    monkeypatch.setattr(audit.subprocess, "run", run)


def main(audit, monkeypatch, *args):
    monkeypatch.setattr(sys, "argv", ["audit.py", *args])
    return audit.main()


CHECKED = [
    {"name": "django", "version": "5.2.19", "vulns": []},
    {"name": "samskab", "skip_reason": "distribution marked as editable"},
]


def test_a_clean_audit_passes(audit, monkeypatch, capsys):
    fake_tools(monkeypatch, audit, CHECKED, CLEAN_NPM)
    assert main(audit, monkeypatch) == 0
    assert "No known vulnerabilities" in capsys.readouterr().out


def test_a_known_vulnerability_fails_even_when_only_warning(audit, monkeypatch, capsys):
    vulnerable = [
        {
            "name": "django",
            "version": "5.2.0",
            "vulns": [{"id": "PYSEC-2099-1", "fix_versions": ["5.2.1"]}],
        }
    ]
    fake_tools(monkeypatch, audit, vulnerable, CLEAN_NPM)
    assert main(audit, monkeypatch, "--offline=warn") == 1
    assert "django 5.2.0: PYSEC-2099-1 (fixed in 5.2.1)" in capsys.readouterr().err
    npm_vulnerable = {
        "vulnerabilities": {"htmx.org": {"severity": "high", "via": [{"title": "XSS"}]}},
        "metadata": {"vulnerabilities": {"total": 1}},
    }
    fake_tools(monkeypatch, audit, CHECKED, npm_vulnerable)
    assert main(audit, monkeypatch) == 1
    assert "htmx.org (high): XSS" in capsys.readouterr().err


def test_an_audit_that_could_not_be_done_fails_loudly(audit, monkeypatch, capsys):
    unchecked = [{"name": "django", "skip_reason": "Dependency not found on PyPI"}]
    fake_tools(monkeypatch, audit, unchecked, NPM_DOWN)
    assert main(audit, monkeypatch) == 1
    err = capsys.readouterr().err
    assert "FAILED: the vulnerability audit could not be done" in err
    assert "could not check 1 of 1 Python packages" in err
    assert "npm audit could not reach the advisory service" in err
    # Asked to, it only warns (a machine that reaches no vulnerability service).
    assert main(audit, monkeypatch, "--offline=warn") == 0
    assert "WARNING: the vulnerability audit could not be done" in capsys.readouterr().err
