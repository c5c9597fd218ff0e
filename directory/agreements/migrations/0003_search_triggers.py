from django.db import migrations

from ._search_sql_0003 import FORWARD, REVERSE


class Migration(migrations.Migration):
    dependencies = [("agreements", "0002_remove_agreement_update_update_and_more"), ("contacts", "0003_search_triggers")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
