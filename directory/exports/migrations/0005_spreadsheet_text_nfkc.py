from django.db import migrations

# Frozen copy of directory.exports.cells.SPREADSHEET_TEXT_SQL as of this migration: a formula
# sign counts after leading blanks, in its compatibility forms (NFKC: "＝" is "=") and after
# a delimiter or line break inside the cell. A test compares what is installed with what
# cells.py declares; a change there needs a new migration like this one.
SPREADSHEET_TEXT_SQL = r"""
CREATE OR REPLACE FUNCTION netzpol_spreadsheet_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN ascii(value) BETWEEN 33 AND 126 AND left(value, 1) NOT IN ('=', '+', '-', '@')
            AND strpos(value, ';') = 0 AND strpos(value, ',') = 0
            AND strpos(value, E'\n') = 0 AND strpos(value, E'\r') = 0
            THEN value
        ELSE regexp_replace(
            CASE WHEN left(value, 1) IN (E'\t', E'\r') OR value ~ '^[\u0000-\u0009\u000b\u000c\u000e-\u0020\u007f-\u00a0\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001-\U000e007f\u000a\u000d]*[=+@\u207a\u207c\u208a\u208c\u2a75\u2a76\ufb29\ufe62\ufe63\ufe66\ufe6b\uff0b\uff0d\uff1d\uff20-]'
                THEN '''' || value ELSE value END,
            '([;,\u000a\u000d])([\u0000-\u0009\u000b\u000c\u000e-\u0020\u007f-\u00a0\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001-\U000e007f"]*[=+@\u207a\u207c\u208a\u208c\u2a75\u2a76\ufb29\ufe62\ufe63\ufe66\ufe6b\uff0b\uff0d\uff1d\uff20-])', '\1''\2', 'g')
    END
$$;
"""

# The rule of 0003, to go back to.
PREVIOUS_SQL = r"""
CREATE OR REPLACE FUNCTION netzpol_spreadsheet_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN left(value, 1) IN ('=', '+', '-', '@', E'\t', E'\r') THEN '''' || value
    ELSE value END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("exports", "0004_contact_ids_unindexed_uncompressed")]

    operations = [migrations.RunSQL(SPREADSHEET_TEXT_SQL, PREVIOUS_SQL)]
