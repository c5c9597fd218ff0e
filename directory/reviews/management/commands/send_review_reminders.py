from django.core.management.base import BaseCommand

from directory.reviews.services import send_review_reminders


class Command(BaseCommand):
    help = (
        "Send “please confirm your entry” emails for every entry that is due or never verified "
        "and has an email address, at most once per NETZPOL_REMINDER_INTERVAL_DAYS per entry. "
        "Failed sends are retried by the next run. Run it daily (cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        counts = send_review_reminders()
        self.stdout.write(f"Reminders: {counts['sent']} sent, {counts['failed']} failed.")
        if counts["failed"]:
            self.stdout.write("Failed sends are listed in admin (confirmation emails).")
