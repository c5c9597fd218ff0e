from django.db import migrations

from directory.organisations.search_sql import sql

FORWARD, REVERSE = sql()


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_remove_organisation_update_update_and_more")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
