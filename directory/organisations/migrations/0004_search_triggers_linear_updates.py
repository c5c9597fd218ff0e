"""Re-apply the search triggers: a bulk update of a referenced table now compares the changed
rows with EXCEPT (linear) instead of joining the transition tables (quadratic)."""

from django.db import migrations

from ._search_sql_0003 import FORWARD


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_search_triggers")]

    operations = [migrations.RunSQL(FORWARD, migrations.RunSQL.noop)]
