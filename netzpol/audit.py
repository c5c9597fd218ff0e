"""`make audit`: known vulnerabilities in the installed pinned dependencies (pip-audit).

pip-audit alone is not enough here: when every package is skipped (PyPI's JSON API answering
404, as it does behind a filtering proxy) it exits 0 and says "No known vulnerabilities found",
and an unreachable OSV ends in a traceback. This wrapper reads pip-audit's JSON report and
passes only when every installed package was checked; otherwise it exits 1 with one line.

Extra arguments go to pip-audit, e.g. ``python -m netzpol.audit --ignore-vuln GHSA-...``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

# OSV: the PyPA advisory database (all PyPI's JSON API serves) plus GitHub's advisories.
SERVICE = "osv"
NETWORK_ERRORS = ("ConnectionError", "ProxyError", "Timeout", "SSLError", "Max retries")


class AuditError(RuntimeError):
    """The audit could not check every installed package; the message says why."""


def run_pip_audit(args: list[str], python: str = sys.executable) -> subprocess.CompletedProcess:
    """pip-audit over the environment of ``python`` (the project's .venv under make)."""
    command = [
        *(python, "-m", "pip_audit", "--local", "--vulnerability-service", SERVICE),
        *("--format", "json", "--progress-spinner", "off", *args),
    ]
    return subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603


def vulnerable(result: subprocess.CompletedProcess) -> tuple[list[dict], int]:
    """The packages with known vulnerabilities and how many were checked, from pip-audit's
    JSON report; AuditError when pip-audit failed or skipped a package."""
    try:
        packages = json.loads(result.stdout)["dependencies"]
    except (ValueError, KeyError, TypeError):
        raise AuditError(failure(result.stderr)) from None
    skipped = [package for package in packages if "skip_reason" in package]
    if not packages:
        raise AuditError("pip-audit found no installed packages to check")
    if len(skipped) == len(packages):
        raise AuditError(
            f"the vulnerability database checked none of the {len(packages)} installed "
            f"packages (first: {skipped[0]['skip_reason']})"
        )
    if skipped:
        names = ", ".join(f"{package['name']} ({package['skip_reason']})" for package in skipped)
        raise AuditError(f"{len(skipped)} of {len(packages)} packages not checked: {names}")
    return [package for package in packages if package["vulns"]], len(packages)


def failure(stderr: str) -> str:
    """One line for a pip-audit run that ended without a report."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    # Never pip-audit's own summary: it says "No known vulnerabilities found" after skipping all.
    errors = [line for line in lines if "Error" in line or "error" in line]
    last = (errors or lines or ["pip-audit printed nothing"])[-1]
    if not any(marker in last for marker in NETWORK_ERRORS):
        return f"pip-audit failed ({last[:300]})"
    host = re.search(r"host='([^']+)'", last)
    cause = re.findall(r"\[Errno [^\]]+\] [^'\")]+|Failed to resolve '[^']+'|timed out", last)
    via = " via the proxy" if "ProxyError" in last else ""
    where = f" at {host[1]}" if host else ""
    detail = cause[-1] if cause else last[:300]
    return f"could not reach the vulnerability database{where}{via} ({detail})"


def main(args: list[str]) -> int:
    try:
        packages, checked = vulnerable(run_pip_audit(args))
    except AuditError as exc:
        print(f"netzpol: audit failed: {exc}", file=sys.stderr)
        return 1
    for package in packages:
        for vuln in package["vulns"]:
            fixed = ", ".join(vuln["fix_versions"]) or "no fixed version yet"
            aliases = f" ({', '.join(vuln['aliases'])})" if vuln.get("aliases") else ""
            print(
                f"{package['name']} {package['version']}: {vuln['id']}{aliases}, fixed in {fixed}"
            )
    if packages:
        count = sum(len(package["vulns"]) for package in packages)
        print(
            f"netzpol: audit failed: {count} known vulnerabilities in {len(packages)} of "
            f"{checked} installed packages",
            file=sys.stderr,
        )
        return 1
    print(f"netzpol: audit passed: {checked} installed packages checked against {SERVICE.upper()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
