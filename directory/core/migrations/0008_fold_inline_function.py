from django.db import migrations

# Frozen: `netzpol_fold_inline` as first installed, the fold the search rank computes row by
# row (see FOLD_INLINE_FUNCTION_SQL in directory/core/text.py for why it is a twin of
# `netzpol_fold` declared STABLE).
FOLD_INLINE_FUNCTION_SQL = """CREATE OR REPLACE FUNCTION netzpol_fold_inline(value text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE STRICT
RETURN replace(replace(replace(replace(
    public.unaccent('public.unaccent'::regdictionary, lower(value)),
    'ae', 'a'), 'oe', 'o'), 'ue', 'u'), 'ss', 's');
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0007_search_words")]

    operations = [
        migrations.RunSQL(
            FOLD_INLINE_FUNCTION_SQL, "DROP FUNCTION IF EXISTS netzpol_fold_inline(text);"
        )
    ]
