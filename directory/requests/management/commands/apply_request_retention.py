from django.conf import settings
from django.core.management.base import BaseCommand

from directory.requests.services import apply_retention, past_retention


class Command(BaseCommand):
    help = (
        "Anonymise requests to the office closed NETZPOL_REQUEST_RETENTION_MONTHS months ago: "
        "--dry-run lists them, --apply erases their personal data (request and history)."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--dry-run", action="store_true", help="only list what would change")
        mode.add_argument("--apply", action="store_true", help="anonymise them")

    def handle(self, *args, dry_run, apply, **options):
        months = settings.NETZPOL_REQUEST_RETENTION_MONTHS
        if dry_run:
            requests = list(past_retention())
            for request in requests:
                self.stdout.write(f"#{request.pk} closed {request.closed_at:%Y-%m-%d}")
            self.stdout.write(
                f"{len(requests)} requests closed {months} months ago would be anonymised."
            )
            return
        count = apply_retention()
        self.stdout.write(f"{count} requests anonymised.")
