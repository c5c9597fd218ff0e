from django.db import migrations

from ._search_sql_0003 import FORWARD, REVERSE


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_remove_organisation_update_update_and_more")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
