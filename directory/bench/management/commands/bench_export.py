"""One export through the export view, timed, with this process's peak memory (for bench)."""

import json
import resource
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.test import Client

from directory.exports.lists import LISTS
from directory.exports.models import ExportLog


def peak_rss_kb():
    """This process's peak resident set size. VmHWM, not getrusage: ru_maxrss survives exec
    and would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Command(BaseCommand):
    help = "Export contacts as FORMAT for the filters QUERY; prints a JSON line of figures."

    def add_arguments(self, parser):
        parser.add_argument("format", choices=["csv", "xlsx", "vcf"])
        parser.add_argument("query", nargs="?", default="")

    def handle(self, *args, format, query, **options):
        # A curator sees (and exports) every contact.
        user = get_user_model().objects.get(username="bench-redaktion")
        client = Client()
        client.force_login(user)
        columns = LISTS["ansprechpersonen"].default_columns
        # Warm-up, as for the pages: the first request of a process compiles the URL patterns,
        # templates and static file index.
        client.get(f"/export/ansprechpersonen/?{query}")
        started = time.perf_counter()
        response = client.post(
            f"/export/ansprechpersonen/?{query}",
            {"format": format, "delimiter": ";", "columns": columns, "purpose": "Benchmark"},
        )
        size = 0
        for chunk in response.streaming_content if response.streaming else [response.content]:
            size += len(chunk)
        seconds = time.perf_counter() - started
        # Only the count: the log row also holds every exported contact's id.
        rows = (
            ExportLog.objects.filter(user=user)
            .order_by("-created_at")
            .values_list("row_count", flat=True)
            .first()
        )
        peak = peak_rss_kb() / 1024
        self.stdout.write(
            json.dumps(
                {
                    "rows": rows,
                    "bytes": size,
                    "seconds": round(seconds, 2),
                    "rows_per_s": round(rows / seconds),
                    "peak_rss_mb": round(peak, 1),
                }
            )
        )
