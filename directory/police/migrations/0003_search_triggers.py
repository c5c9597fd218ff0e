from django.db import migrations

from ._search_sql_0003 import FORWARD, REVERSE


class Migration(migrations.Migration):
    dependencies = [("police", "0002_policeunit_search_vector_and_more")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
