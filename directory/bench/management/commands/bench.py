"""`make bench`: page times and export throughput at national scale, beside their limits."""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count
from django.test import Client, RequestFactory
from psycopg import sql

from directory.api.tokens import create_token
from directory.contacts.models import ContactPerson
from directory.core.models import Language, Region, Topic
from directory.core.roles import Role, ensure_groups
from directory.exports.lists import LISTS
from directory.exports.views import annotated, filtered
from directory.network.cache import bump_now
from directory.organisations.models import Organisation

RESULTS = Path(settings.BASE_DIR) / "var" / "bench"
# Uncached scenarios recompute the page each run (seconds at 100,000 contacts): fewer runs.
UNCACHED_RUNS = 10


def user(name, role, **fields):
    account, _created = get_user_model().objects.get_or_create(username=name, defaults=fields)
    account.groups.set([ensure_groups()[role]])
    return account


def timed(client, url):
    """One request's wall time in ms."""
    started = time.perf_counter()
    client.get(url)
    return (time.perf_counter() - started) * 1000


class Command(BaseCommand):
    help = "Seed the bench database once (--scale N contacts), then measure and print the table."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=30, help="timed runs per page")
        parser.add_argument("--seed-only", action="store_true", help="seed (once), measure nothing")
        parser.add_argument(
            "--results", type=Path, default=RESULTS, help="folder for latest.json (var/bench)"
        )
        parser.add_argument(
            "--only",
            nargs="+",
            metavar="SCENARIO",
            help='measure only the scenarios whose names start so (e.g. "search page" "floor")',
        )

    def handle(self, *args, scale, runs, seed_only, only, results, **options):
        self.runs = runs
        self.seed(scale)
        if seed_only:
            return
        member, curator = (
            user("bench-mitglied", Role.MEMBER),
            user("bench-redaktion", Role.CURATOR, is_staff=True),
        )
        user("bench-koordination", Role.COORDINATOR)
        as_member, as_curator = Client(), Client()
        as_member.force_login(member)
        as_curator.force_login(curator)
        # The open API with a member's token (each request logged, as in production).
        as_token = Client(headers={"Authorization": f"Bearer {create_token(member, 'Bench')[1]}"})
        query = "Moschee Dortmund"
        topic = Topic.objects.annotate(n=Count("contacts")).order_by("-n").first()
        busiest = Organisation.objects.values("land").annotate(n=Count("pk")).order_by("-n")
        land = Region.objects.get(pk=busiest.exclude(land=None).first()["land"])
        german = Language.objects.get(name="Deutsch")
        org = (
            Organisation.objects.annotate(n=Count("contacts") + Count("agreement_parties"))
            .order_by("-n")
            .first()
        )
        filters = f"topic={topic.pk}&region={land.pk}&language={german.pk}&sort=name&per_page=10"
        words = query.replace(" ", "+")
        pages = [
            ("search page", as_member, f"/suche/?q={words}&topic={topic.pk}"),
            ("list search + topic", as_member, f"/organisationen/?q={words}&topic={topic.pk}"),
            ("contacts 3 filters p1", as_member, f"/ansprechpersonen/?{filters}"),
            ("contacts 3 filters p200", as_member, f"/ansprechpersonen/?{filters}&page=200"),
            (
                "api contacts 3 filters",
                as_token,
                f"/api/v1/contacts/?topic={topic.pk}&region={land.pk}&language={german.pk}"
                "&per_page=100",
            ),
            ("organisation detail", as_member, org.get_absolute_url()),
            ("floor", as_member, "/bench/floor/"),
            # Figures and the cooperation network (directory.network), as each role sees them.
            ("statistik", as_member, "/statistik/"),
            ("statistik public", Client(), "/statistik/"),
            ("statistik curator", as_curator, "/statistik/"),
            ("netzwerk", as_member, "/netzwerk/"),
            ("netzwerk public", Client(), "/netzwerk/"),
            ("netzwerk curator", as_curator, "/netzwerk/"),
            # The first request after a change of the data: every computed figure is old
            # (directory.network.cache), as after any save, before each run.
            ("statistik uncached", as_member, "/statistik/", bump_now),
            ("statistik public uncached", Client(), "/statistik/", bump_now),
            ("statistik curator uncached", as_curator, "/statistik/", bump_now),
            ("netzwerk uncached", as_member, "/netzwerk/", bump_now),
            ("netzwerk public uncached", Client(), "/netzwerk/", bump_now),
            ("netzwerk curator uncached", as_curator, "/netzwerk/", bump_now),
            # The curators' overview with its trend lines (directory.network.trends).
            ("redaktion", as_curator, "/redaktion/"),
            ("redaktion uncached", as_curator, "/redaktion/", bump_now),
            ("admin changelist ?q=", as_curator, f"/admin/contacts/contactperson/?q={words}"),
            ("admin changelist unfiltered", as_curator, "/admin/contacts/contactperson/"),
            (
                "admin organisations ?q=",
                as_curator,
                f"/admin/organisations/organisation/?q={words}",
            ),
            ("admin police units ?q=", as_curator, "/admin/police/policeunit/?q=Dortmund"),
            ("admin agreements ?q=", as_curator, "/admin/agreements/agreement/?q=Dortmund"),
        ]
        exports = [
            # As a curator: every contact.
            ("CSV export, all contacts", "csv", ""),
            ("vCard export, one topic", "vcf", f"topic={topic.pk}"),
            ("XLSX export, one topic", "xlsx", f"topic={topic.pk}"),
            # Every contact: the rate and peak memory at 100,000 rows.
            ("vCard export, all contacts", "vcf", ""),
            ("XLSX export, all contacts", "xlsx", ""),
        ]

        def chosen(name):
            return not only or any(name.startswith(prefix) for prefix in only)

        # Every page is timed beside the floor, a floor request after each of its requests (or
        # before, every other run): the machine's drift during a run (other processes, clock
        # speed) then moves both alike, and each page's ratio is to the floor of its own runs.
        self.floor = (as_member, "/bench/floor/")
        rows = [self.page(name, *rest) for name, *rest in pages if chosen(name)]
        exports = [self.export(name, *rest) for name, *rest in exports if chosen(name)]
        copy = (
            self.copy_rate(curator)
            if any(row["scenario"].endswith("all contacts") for row in exports)
            else None
        )
        page_ms = {row["scenario"]: row["median_ms"] for row in rows}
        to_floor = {row["scenario"]: row["median_ms"] / row["floor_ms"] for row in rows}
        export_rate = {row["scenario"]: row["rows_per_s"] for row in exports}
        ratios = {}
        if "search page" in page_ms:
            ratios["search / floor"] = to_floor["search page"]
        if "contacts 3 filters p1" in page_ms:
            ratios["contacts 3 filters / floor"] = to_floor["contacts 3 filters p1"]
        if {"search page", "admin changelist ?q="} <= page_ms.keys():
            ratios["admin / search"] = page_ms["admin changelist ?q="] / page_ms["search page"]
        for name in page_ms:
            if name.startswith("admin "):
                ratios[f"{name} / floor"] = to_floor[name]
        if copy:
            for name, rate in export_rate.items():
                if name.endswith("all contacts"):
                    ratios[f"{name.split(' export')[0]} export / COPY"] = rate / copy["rows_per_s"]
        report = {
            "scale": scale,
            "contacts": ContactPerson.objects.count(),
            "pages": rows,
            "copy": copy,
            "exports": exports,
            "ratios": ratios,
        }
        self.print_table(report)
        results.mkdir(parents=True, exist_ok=True)
        for name in ("latest.json", f"scale-{scale}.json"):
            (results / name).write_text(json.dumps(report, indent=2))
        self.stdout.write(f"written to {results / 'latest.json'} and scale-{scale}.json")

    def seed(self, scale):
        call_command("migrate", verbosity=0)
        count = ContactPerson.objects.count()
        if count >= scale:
            self.stdout.write(f"bench database: {count} contacts (seeded earlier, reused)")
            self.analyse()
            return
        if count:
            sys.exit(
                f"the bench database holds {count} contacts, fewer than --scale {scale}; "
                "drop it (make bench-reset) or choose its scale"
            )
        started = time.monotonic()
        call_command("seed_demo", scale=scale, seed=1)
        self.stdout.write(f"seeded {scale} contacts in {time.monotonic() - started:.1f} s")
        self.analyse()

    def analyse(self):
        """Fresh statistics and visibility maps, as autovacuum would leave them after a while."""
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    def page(self, scenario, client, url, before_each=None):
        """Median and p95 of `runs` requests after a warm-up; with `before_each` (e.g. making
        every cached figure old), called before every request and untimed, fewer runs."""
        before_each = before_each or (lambda: None)
        runs = min(self.runs, UNCACHED_RUNS) if scenario.endswith("uncached") else self.runs
        for _ in range(3):
            before_each()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        queries = []
        before_each()
        with connection.execute_wrapper(
            lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
        ):
            client.get(url)
        floor = None if (client, url) == self.floor else self.floor
        times, floors = [], []
        for run in range(runs):
            if floor and run % 2:
                floors.append(timed(*floor))
            before_each()
            times.append(timed(client, url))
            if floor and not run % 2:
                floors.append(timed(*floor))
        times.sort()
        median = round(statistics.median(times), 1)
        return {
            "scenario": scenario,
            "url": url,
            "median_ms": median,
            "p95_ms": round(times[max(0, round(len(times) * 0.95) - 1)], 1),
            "queries": len(queries),
            # The floor's median in the same runs (the floor's own row: itself).
            "floor_ms": round(statistics.median(floors), 1) if floor else median,
        }

    def copy_rate(self, curator):
        """The physical limit: PostgreSQL writing the CSV export's query (same rows, order and
        columns, the cells as stored) straight to the client."""
        request = RequestFactory().get("/export/ansprechpersonen/")
        request.user = curator
        export_list = LISTS["ansprechpersonen"]
        columns = [c for c in export_list.columns if c.default]
        values, names = annotated(filtered(export_list, request).qs, columns, request)
        query, params = values.values_list(*names).query.sql_with_params()
        statement = sql.SQL("COPY ({}) TO STDOUT WITH CSV").format(sql.SQL(query))
        started = time.perf_counter()
        rows = 0
        with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
            for _row in copy:
                rows += 1
        seconds = time.perf_counter() - started
        return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds)}

    def export(self, scenario, kind, query):
        """One export through the export view, in its own process (its peak RSS is its own)."""
        result = subprocess.run(  # noqa: S603 - this project's own command, fixed arguments
            [sys.executable, "manage.py", "bench_export", kind, query],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        )
        measured = json.loads(result.stdout.strip().splitlines()[-1])
        return {"scenario": scenario, **measured}

    def print_table(self, report):
        self.stdout.write(f"\nscale {report['scale']}: {report['contacts']} contacts\n")
        self.stdout.write(
            f"{'scenario':28} {'median ms':>10} {'p95 ms':>9} {'queries':>8} {'floor ms':>9}"
        )
        for row in report["pages"]:
            self.stdout.write(
                f"{row['scenario']:28} {row['median_ms']:>10} {row['p95_ms']:>9} "
                f"{row['queries']:>8} {row['floor_ms']:>9}"
            )
        self.stdout.write(
            f"\n{'export':28} {'rows':>8} {'seconds':>8} {'rows/s':>8} {'peak RSS MB':>12}"
        )
        copy = report["copy"]
        if copy:
            self.stdout.write(
                f"{'COPY ... TO STDOUT (limit)':28} {copy['rows']:>8} {copy['seconds']:>8} "
                f"{copy['rows_per_s']:>8} {'':>12}"
            )
        for row in report["exports"]:
            self.stdout.write(
                f"{row['scenario']:28} {row['rows']:>8} {row['seconds']:>8} "
                f"{row['rows_per_s']:>8} {row['peak_rss_mb']:>12}"
            )
        self.stdout.write("")
        for name, value in report["ratios"].items():
            self.stdout.write(f"{name:40} {value:8.2f}")
