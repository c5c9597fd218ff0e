from django.db import migrations

from directory.core.text import DROP_FOLD_FUNCTION_SQL, FOLD_FUNCTION_SQL


class Migration(migrations.Migration):
    dependencies = [("core", "0001_extensions")]

    operations = [migrations.RunSQL(FOLD_FUNCTION_SQL, DROP_FOLD_FUNCTION_SQL)]
