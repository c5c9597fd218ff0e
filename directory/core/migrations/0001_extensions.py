from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Trigram similarity (typo-tolerant search) and unaccent (Müller = Muller)."""

    initial = True
    dependencies = []
    operations = [TrigramExtension(), UnaccentExtension()]
