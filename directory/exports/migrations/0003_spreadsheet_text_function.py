from django.db import migrations

# Frozen here: the rule as first installed (the current one lives in directory/exports/cells.py
# and reaches the database through later migrations).
SPREADSHEET_TEXT_SQL = r"""
CREATE OR REPLACE FUNCTION netzpol_spreadsheet_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN left(value, 1) IN ('=', '+', '-', '@', E'\t', E'\r') THEN '''' || value
    ELSE value END
$$;
"""
DROP_SPREADSHEET_TEXT_SQL = "DROP FUNCTION IF EXISTS netzpol_spreadsheet_text(text);"


class Migration(migrations.Migration):
    dependencies = [("exports", "0002_exportlog_contact_ids_and_more")]

    operations = [migrations.RunSQL(SPREADSHEET_TEXT_SQL, DROP_SPREADSHEET_TEXT_SQL)]
