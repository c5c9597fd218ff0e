from django.db import migrations

from directory.police.search_sql import sql

FORWARD, REVERSE = sql()


class Migration(migrations.Migration):
    dependencies = [("police", "0002_policeunit_search_vector_and_more")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
