"""Time and queries to build an invitation list of N contacts and send it (issue: events).

Runs in a transaction that is rolled back: the database is left as it was. Mail goes to
Django's in-memory backend, so the figure is the portal's own work, not an SMTP server's."""

import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from directory.contacts.models import ConsentBasis, ContactPerson, Visibility
from directory.events import services
from directory.events.models import Event, Format
from directory.organisations.models import Organisation


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Build and send an invitation list of --count new contacts; prints time and queries."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)

    def handle(self, *args, count, **options):
        try:
            with transaction.atomic():
                self.measure(count)
                raise Rollback
        except Rollback:
            pass

    def measure(self, count):
        organisation = Organisation.objects.create(name="Messverein Einladungen")
        ContactPerson.objects.bulk_create(
            ContactPerson(
                organisation=organisation,
                last_name=f"Person {i}",
                email=f"person{i}@example.org",
                visibility=Visibility.MEMBERS,
                consent_given_on=timezone.localdate(),
                consent_basis=ConsentBasis.EMAIL,
            )
            for i in range(count)
        )
        user = get_user_model().objects.create_user("messung-einladungen")
        event = Event.objects.create(
            title="Messforum",
            format=Format.objects.get_or_create(name="Forum")[0],
            starts_at=timezone.now() + timezone.timedelta(days=30),
        )
        contacts = ContactPerson.objects.filter(organisation=organisation)
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                invitees = services.new_invitees(event, contacts)
                added = services.add_invitations(event, invitees, user, query="", source="bench")
                seconds = time.perf_counter() - start
            self.stdout.write(
                f"invitation list: {added} contacts in {seconds:.2f} s, {len(queries)} queries"
            )
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                sent = services.send_invitations(event)
                seconds = time.perf_counter() - start
            self.stdout.write(
                f"sending: {sent['sent']} sent, {sent['failed']} failed in {seconds:.2f} s, "
                f"{len(queries)} queries"
            )
