from django.core.management.base import BaseCommand

from directory.events.services import REMINDER_DAYS, send_reminders


class Command(BaseCommand):
    help = (
        f"Remind invitees who have not answered (or answered “maybe”) {REMINDER_DAYS} days "
        "before an event's registration deadline, each once; failed sends are retried by the "
        "next run. Run it daily (cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        counts = send_reminders()
        self.stdout.write(f"Event reminders: {counts['sent']} sent, {counts['failed']} failed.")
