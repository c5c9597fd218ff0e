from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from directory.core.models import Topic
from directory.core.roles import Role, ensure_groups
from directory.demo.events import create_demo_events
from directory.demo.projects import create_demo_projects

from .seed_demo import seed_demo

DEMO_PASSWORD = "netzpol-demo"  # noqa: S105 - development only, refused when DEBUG is off
DEMO_USERS = {"kuratorin": Role.CURATOR, "koordination": Role.COORDINATOR, "mitglied": Role.MEMBER}
DEMO_CURATOR = "kuratorin"
# One seed: every `make run` shows the same people, so the README's questions and a
# colleague's screenshot show what you see.
DEMO_SEED = 2024


class Command(BaseCommand):
    help = "Prepare the development portal (used by `make run`): demo data and a demo login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("setup_demo is for development (DEBUG=1) only.")
        if Topic.objects.exists():
            self.stdout.write("Demo directory present (kept as it is).")
        else:
            counts = create_demo()
            self.stdout.write(f"Demo directory created: {counts}.")
        if added := create_demo_projects():
            self.stdout.write(f"Demo cooperation projects created: {added}.")
        # After the projects: events name the projects they present.
        if added := create_demo_events():
            self.stdout.write(f"Demo events created: {added}.")
        ensure_demo_users()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo curator login at /admin/: {DEMO_CURATOR} / {DEMO_PASSWORD}; "
                f"also koordination and mitglied, same password (development only)"
            )
        )


def create_demo():
    """The development portal's directory (an empty database); returns the row counts."""
    return seed_demo(seed=DEMO_SEED)


def ensure_demo_users():
    """Demo accounts for each role (the curator also gets admin access)."""
    groups = ensure_groups()
    users = {}
    for username, role in DEMO_USERS.items():
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": role == Role.CURATOR}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set([groups[role]])
        users[role] = user
    return users
