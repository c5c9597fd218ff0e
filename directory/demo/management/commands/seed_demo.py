import time

import pghistory
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from directory.agreements.models import Agreement, AgreementParty
from directory.contacts.models import ContactPerson
from directory.core.models import Topic
from directory.core.search import search_index_deferred
from directory.demo.directory import DemoDirectory
from directory.demo.scale import ScaleDirectory
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit


class Command(BaseCommand):
    help = (
        "Fill an empty directory with the demo data (Dortmund, Berlin, the Länder sparsely); "
        "with --scale N add N synthetic contacts with proportional organisations (N/5), police "
        "units (N/30) and agreements (N/20)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=0, metavar="N", help="synthetic contacts")
        parser.add_argument(
            "--seed", type=int, default=None, help="random seed (reproducible data)"
        )

    def handle(self, *args, scale, seed, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or a positive number of contacts.")
        started = time.monotonic()
        counts = seed_demo(scale=scale, seed=seed)
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Seeded in {elapsed:.1f} s: {summary}."))


def seed_demo(scale=0, seed=None):
    """Seed an empty database; returns the row counts per kind of entry (demo plus scale)."""
    if Topic.objects.exists():
        raise CommandError(
            "The database already holds a directory; seed_demo only fills an empty one."
        )
    with (
        transaction.atomic(),
        pghistory.context(source="seed_demo"),
        search_index_deferred(),
    ):
        DemoDirectory(seed=seed).build()
        if scale:
            ScaleDirectory(seed=seed).build(contacts=scale)
    return {
        "organisations": Organisation.objects.count(),
        "police units": PoliceUnit.objects.count(),
        "contact persons": ContactPerson.objects.count(),
        "agreements": Agreement.objects.count(),
        "agreement parties": AgreementParty.objects.count(),
    }
