"""The benchmark commands run as `make bench` and `make bench-invitations` run them: in their
own process, with the bench settings, here on the test database at a small scale."""

import json
import os
import subprocess
import sys

import pytest

from directory.contacts.models import ContactPerson
from directory.events.models import Event, Invitation
from tests.conftest import ROOT
from tests.production.conftest import test_database_url as served_test_database

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def bench(*args, **env):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "netzpol.settings_bench",
            "DATABASE_URL": served_test_database(),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_bench_seeds_measures_and_writes_the_ratios(tmp_path):
    only = ["floor", "search page", "contacts 3 filters p1", "api contacts", "statistik"]
    # As `make bench`: the pages are served with collected static files (production storage).
    static = {"STATIC_ROOT": str(tmp_path / "static")}
    bench("collectstatic", "--noinput", "-v0", **static)
    results = tmp_path / "results"
    output = bench(
        "bench", "--scale", "60", "--runs", "3", "--results", str(results), "--only", *only,
        **static,
    )  # fmt: skip

    assert ContactPerson.objects.count() >= 60
    report = json.loads((results / "latest.json").read_text())
    assert report == json.loads((results / "scale-60.json").read_text())
    pages = {row["scenario"]: row for row in report["pages"]}
    assert set(pages) == {
        "floor",
        "search page",
        "contacts 3 filters p1",
        "api contacts 3 filters",
        *(
            f"statistik{role}{cache}"
            for role in ("", " public", " curator")
            for cache in ("", " uncached")
        ),
    }
    for row in pages.values():
        assert row["median_ms"] > 0, row
        assert row["p95_ms"] >= row["median_ms"], row
        assert row["queries"] > 0, row
    # Uncached: every run counts the figures afresh (a cached run only reads them).
    for role in ("", " public", " curator"):
        assert pages[f"statistik{role} uncached"]["queries"] > pages[f"statistik{role}"]["queries"]
    # Each page's ratio is to the floor timed between its own requests.
    assert pages["floor"]["floor_ms"] == pages["floor"]["median_ms"]
    for name in ("search page", "contacts 3 filters p1"):
        assert pages[name]["floor_ms"] > 0
    assert report["ratios"]["search / floor"] == (
        pages["search page"]["median_ms"] / pages["search page"]["floor_ms"]
    )
    assert report["ratios"]["contacts 3 filters / floor"] == (
        pages["contacts 3 filters p1"]["median_ms"] / pages["contacts 3 filters p1"]["floor_ms"]
    )
    # The table on the terminal shows the same figures.
    assert f"{pages['search page']['median_ms']}" in output
    assert "search / floor" in output


def test_bench_invitations_reports_and_leaves_the_database_as_it_was():
    output = bench("bench_invitations", "--count", "12")

    assert "invitation list: 12 contacts in" in output
    assert "sending: 12 sent, 0 failed in" in output
    assert not Event.objects.exists()
    assert not Invitation.objects.exists()
    assert not ContactPerson.objects.exists()
