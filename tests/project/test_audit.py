"""`make audit` (netzpol.audit): pip-audit that fails loudly when it could not check."""

import json
import os
import subprocess
import sys

import pytest

from netzpol import audit

from ..conftest import ROOT

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens, connections are refused


@pytest.mark.slow  # pip-audit in a subprocess, twice
@pytest.mark.parametrize("service", ["osv", "pypi"])
def test_audit_without_network_fails_with_one_clear_line(service, tmp_path):
    env = {
        **os.environ,
        **dict.fromkeys(("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"), UNREACHABLE),
        "NO_PROXY": "",
        "no_proxy": "",
    }
    # An empty HTTP cache: a cached answer from an earlier run is not the database.
    args = ["--vulnerability-service", service, "--cache-dir", str(tmp_path)]

    result = subprocess.run(
        [sys.executable, "-m", "netzpol.audit", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        "netzpol: audit failed: could not reach the vulnerability database at "
    )
    assert "via the proxy ([Errno 111] Connection refused)" in result.stderr
    assert result.stderr.count("\n") == 1
    assert "No known vulnerabilities" not in result.stdout + result.stderr


def pip_audit_run(packages, stderr=""):
    """A finished pip-audit run with this JSON report, as `--format json` writes it."""
    report = json.dumps({"dependencies": packages, "fixes": []})
    return subprocess.CompletedProcess(["pip-audit"], 0, stdout=report, stderr=stderr)


def test_audit_fails_when_every_package_was_skipped():
    # What PyPI's JSON API gives behind a proxy that answers 404 to every release URL.
    skipped = [
        {
            "name": name,
            "skip_reason": f"Dependency not found on PyPI and could not be audited: {name}",
        }
        for name in ("django", "psycopg")
    ]
    result = pip_audit_run(skipped, stderr="No known vulnerabilities found\n")

    with pytest.raises(audit.AuditError, match="checked none of the 2 installed packages"):
        audit.vulnerable(result)


def test_audit_fails_when_some_packages_were_skipped():
    packages = [
        {"name": "django", "version": "5.2.19", "vulns": []},
        {"name": "psycopg", "skip_reason": "Dependency not found on PyPI"},
    ]

    with pytest.raises(audit.AuditError, match=r"1 of 2 packages not checked: psycopg \("):
        audit.vulnerable(pip_audit_run(packages))


def test_audit_reports_the_vulnerable_packages_of_a_full_check():
    vulnerable = {
        "name": "sqlparse",
        "version": "0.4.3",
        "vulns": [{"id": "PYSEC-2023-100", "fix_versions": ["0.4.4"]}],
    }
    packages = [{"name": "django", "version": "5.2.19", "vulns": []}, vulnerable]

    assert audit.vulnerable(pip_audit_run(packages)) == ([vulnerable], 2)


def test_audit_names_a_pip_audit_crash_that_is_no_network_fault():
    result = subprocess.CompletedProcess(
        ["pip-audit"], 1, stdout="", stderr="/venv/bin/python: No module named pip_audit\n"
    )

    with pytest.raises(audit.AuditError, match=r"^pip-audit failed \(.*No module named pip_audit"):
        audit.vulnerable(result)
