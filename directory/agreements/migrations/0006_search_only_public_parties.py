"""Re-apply the search triggers: an agreement's document names only its public parties, police
units by their public path (police 0006), and is re-indexed when a party is hidden or shown."""

from django.db import migrations

from ._search_sql_0003 import FORWARD as BEFORE
from ._search_sql_0006 import FORWARD


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0005_remove_agreement_insert_insert_and_more"),
        ("police", "0006_policeunit_public_path"),
    ]

    operations = [migrations.RunSQL(FORWARD, BEFORE)]
