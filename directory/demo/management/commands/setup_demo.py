from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError

from directory.core.models import Topic

from .seed_demo import seed_demo

DEMO_CURATOR = "kuratorin"
DEMO_PASSWORD = "netzpol-demo"  # noqa: S105 - development only, refused when DEBUG is off
CURATED_APPS = ["core", "organisations", "police", "contacts", "agreements", "pghistory"]


class Command(BaseCommand):
    help = "Prepare the development portal (used by `make run`): demo data and a demo login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("setup_demo is for development (DEBUG=1) only.")
        if Topic.objects.exists():
            self.stdout.write("Demo directory present (kept as it is).")
        else:
            counts = seed_demo()
            self.stdout.write(f"Demo directory created: {counts}.")
        ensure_demo_curator()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo curator login at /admin/: {DEMO_CURATOR} / {DEMO_PASSWORD} "
                "(development only)"
            )
        )


def ensure_demo_curator():
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_CURATOR,
        defaults={"is_staff": True, "first_name": "Demo", "last_name": "Kuratorin"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=CURATED_APPS))
    return user
