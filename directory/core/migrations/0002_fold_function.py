from django.db import migrations

# Frozen: `netzpol_fold` as first installed. Its current text lives in directory/core/text.py
# (FOLD_FUNCTION_SQL); a change there needs a new migration, and the drift test
# (tests/core/test_declared_sql.py) fails until one installs it.
FOLD_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION netzpol_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN replace(replace(replace(replace(
    public.unaccent('public.unaccent'::regdictionary, lower(value)),
    'ae', 'a'), 'oe', 'o'), 'ue', 'u'), 'ss', 's');
"""
DROP_FOLD_FUNCTION_SQL = "DROP FUNCTION IF EXISTS netzpol_fold(text);"


class Migration(migrations.Migration):
    dependencies = [("core", "0001_extensions")]

    operations = [migrations.RunSQL(FOLD_FUNCTION_SQL, DROP_FOLD_FUNCTION_SQL)]
