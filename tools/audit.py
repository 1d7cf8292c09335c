"""Known vulnerabilities in the dependencies: pip-audit over the installed Python packages
(everything in .venv but Samskab itself), ``npm audit --omit=dev`` over the front end.

A reported vulnerability always fails. So does an audit that could not be done (the
vulnerability service unreachable, or unable to say anything about some packages): both
tools otherwise report "no known vulnerabilities" for packages they never checked.
``--offline=warn`` (``make lint AUDIT_OFFLINE=warn``) turns only that second case into a
warning, for machines that reach a package mirror but no vulnerability service.

    python tools/audit.py [--offline=fail|warn]
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 300  # seconds for each tool


def pip_audit() -> tuple[list[str], list[str]]:
    """(vulnerabilities found, reasons the audit is incomplete)"""
    with tempfile.TemporaryDirectory() as tmp:
        report_path = Path(tmp) / "pip-audit.json"
        try:
            run = subprocess.run(
                [sys.executable, "-m", "pip_audit", "--skip-editable", "--progress-spinner",
                 "off", "--desc", "off", "--format", "json", "--output", str(report_path)],
                capture_output=True, text=True, timeout=TIMEOUT, cwd=ROOT,
            )  # fmt: skip
        except (OSError, subprocess.TimeoutExpired) as exc:
            return [], [f"pip-audit did not finish: {exc}"]
        try:
            report = json.loads(report_path.read_text())
        except (OSError, ValueError):
            return [], [f"pip-audit did not finish: {run.stderr.strip()[-1500:]}"]
    found, unchecked, total = [], [], 0
    for dep in report.get("dependencies", []):
        for vuln in dep.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed release"
            found.append(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
        reason = dep.get("skip_reason", "")
        if "editable" in reason:
            continue
        total += 1
        if reason:
            unchecked.append(reason)
    problems = []
    if unchecked:
        problems.append(
            f"pip-audit could not check {len(unchecked)} of {total} Python packages, "
            f"e.g. {unchecked[0]}"
        )
    return found, problems


def npm_audit() -> tuple[list[str], list[str]]:
    try:
        run = subprocess.run(
            ["npm", "audit", "--omit=dev", "--json"],
            capture_output=True, text=True, timeout=TIMEOUT, cwd=ROOT,
        )  # fmt: skip
        report = json.loads(run.stdout or "{}")
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        return [], [f"npm audit did not finish: {exc}"]
    if "error" in report or "metadata" not in report:
        message = report.get("message") or run.stderr.strip()[-1500:] or "no report"
        return [], [f"npm audit could not reach the advisory service: {message}"]
    found = [
        f"{name} ({info.get('severity', '?')}): "
        + ", ".join(v["title"] if isinstance(v, dict) else str(v) for v in info.get("via", []))
        for name, info in report.get("vulnerabilities", {}).items()
    ]
    return found, []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offline", choices=["fail", "warn"], default="fail")
    args = parser.parse_args()
    found, problems = [], []
    for audit in (pip_audit, npm_audit):
        f, p = audit()
        found += f
        problems += p
    if found:
        print("Known vulnerabilities in the dependencies (upgrade the pins):", file=sys.stderr)
        for line in found:
            print(f"  {line}", file=sys.stderr)
    if problems:
        banner = "=" * 78
        verdict = "WARNING" if args.offline == "warn" else "FAILED"
        print(f"{banner}\n{verdict}: the vulnerability audit could not be done", file=sys.stderr)
        for line in problems:
            print(f"  - {line}", file=sys.stderr)
        if args.offline == "fail":
            print(
                "  Nothing is known about these packages' vulnerabilities. Run it where\n"
                "  PyPI's JSON API and the npm advisory endpoint answer, or accept this\n"
                "  with `make lint AUDIT_OFFLINE=warn`.",
                file=sys.stderr,
            )
        print(banner, file=sys.stderr)
    if found or (problems and args.offline == "fail"):
        return 1
    if not problems:
        print("No known vulnerabilities in the Python or npm dependencies.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
