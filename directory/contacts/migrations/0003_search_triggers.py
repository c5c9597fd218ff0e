from django.db import migrations

from ._search_sql_0003 import FORWARD, REVERSE


class Migration(migrations.Migration):
    dependencies = [("contacts", "0002_remove_contactperson_update_update_and_more"), ("organisations", "0003_search_triggers"), ("police", "0003_search_triggers")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
