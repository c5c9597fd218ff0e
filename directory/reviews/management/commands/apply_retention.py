from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory.reviews.services import apply_retention, past_retention


class Command(BaseCommand):
    help = (
        "Anonymise contacts nobody confirmed for NETZPOL_RETENTION_MONTHS months: "
        "--dry-run lists them, --apply removes their personal data (entry and history) and "
        "keeps an audit record."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--dry-run", action="store_true", help="only list what would change")
        mode.add_argument("--apply", action="store_true", help="anonymise them")

    def handle(self, *args, dry_run, apply, **options):
        months = settings.NETZPOL_RETENTION_MONTHS
        if dry_run:
            contacts = list(past_retention())
            for contact in contacts:
                self.stdout.write(f"#{contact.pk} {contact} (last verified {contact.verified_on})")
            self.stdout.write(
                f"{len(contacts)} contacts not confirmed for {months} months would be anonymised."
            )
            return
        if not apply:
            raise CommandError("Choose --dry-run or --apply.")
        count = apply_retention()
        self.stdout.write(f"{count} contacts anonymised (audit records written).")
