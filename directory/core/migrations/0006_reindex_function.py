"""`netzpol_reindex(table, ids)`: what the search triggers call to store documents anew (see
directory/core/search.py, REINDEX_FUNCTION_SQL, of which this is a frozen copy)."""

from django.db import migrations

REINDEX_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION netzpol_reindex(entries regclass, ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- Any update of a row runs its table's search document trigger, which stores the document
    -- anew: emptying the column is just the cheapest update.
    IF cardinality(ids) > 0 THEN
        EXECUTE format('UPDATE %s SET search_vector = NULL WHERE id IN (SELECT unnest($1))',
            entries) USING ids;
    END IF;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0005_legalpage_legalpageevent_legalpage_insert_insert_and_more")]

    operations = [
        migrations.RunSQL(
            REINDEX_FUNCTION_SQL, "DROP FUNCTION netzpol_reindex(regclass, bigint[]);"
        )
    ]
