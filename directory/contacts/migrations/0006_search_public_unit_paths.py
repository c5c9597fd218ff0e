"""Re-apply the search triggers: a contact of a police unit is indexed by the unit's public path
(police 0006), not its full one, and re-indexed when that path changes, so nobody finds a public
contact by the name of a hidden superior unit. Re-indexes every contact."""

from django.db import migrations

from ._search_sql_0003 import FORWARD as BEFORE
from ._search_sql_0006 import FORWARD


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0005_remove_contactperson_insert_insert_and_more"),
        ("police", "0006_policeunit_public_path"),
    ]

    operations = [migrations.RunSQL(FORWARD, BEFORE)]
