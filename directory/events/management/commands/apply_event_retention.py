from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from directory.events import registration_services
from directory.events.retention import apply_retention, past_retention, retention_limit


class Command(BaseCommand):
    help = (
        "What events keep of people, past its time: invitations of events that ended "
        "NETZPOL_EVENT_RETENTION_MONTHS ago (those of people who did not take part are "
        "deleted, participants' notes and answer times erased, rows and history) and "
        "registrations through public event pages NETZPOL_REGISTRATION_RETENTION_MONTHS after "
        "the event (deleted). --dry-run counts them, --apply does it."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--dry-run", action="store_true", help="only count what would change")
        mode.add_argument("--apply", action="store_true", help="delete and erase them")

    def handle(self, *args, dry_run, apply, **options):
        months = settings.NETZPOL_EVENT_RETENTION_MONTHS
        registration_months = settings.NETZPOL_REGISTRATION_RETENTION_MONTHS
        if dry_run:
            to_delete, to_erase = past_retention()
            registrations = registration_services.past_retention().count()
            self.stdout.write(
                f"Events that ended on or before {retention_limit():%Y-%m-%d} ({months} months): "
                f"{to_delete.count()} invitations would be deleted, "
                f"{to_erase.count()} participants' invitations erased.\n"
                f"{registrations} registrations of events that ended {registration_months} "
                "months ago would be deleted."
            )
            return
        with transaction.atomic():
            counts = apply_retention()
            registrations = registration_services.apply_retention()
        self.stdout.write(
            f"{counts['deleted']} invitations deleted, {counts['erased']} participants' "
            f"invitations erased.\n{registrations} registrations deleted."
        )
