from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Prepare the development portal: demo data on first run (used by `make run`)."

    def handle(self, *args, **options):
        # The domain apps add their demo data here; until then the directory starts empty.
        self.stdout.write("Demo directory ready.")
