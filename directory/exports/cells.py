"""Spreadsheet cells that cannot run as formulas (OWASP "CSV injection")."""

from django.db.models import Func, TextField, Value
from django.db.models.functions import Cast

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that a spreadsheet would read as a formula, prefixed with an apostrophe.

    Applied to every text cell of CSV and XLSX exports. OWASP lists =, +, -, @, tab and carriage
    return; defusedcsv leaves tab and CR alone, so the rule is kept here."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# The same rule in SQL, for exports the database writes itself (CSV through COPY). A plain SQL
# function, so PostgreSQL inlines it; keep the characters in step with FORMULA_STARTS.
SPREADSHEET_TEXT_SQL = r"""
CREATE OR REPLACE FUNCTION netzpol_spreadsheet_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN left(value, 1) IN ('=', '+', '-', '@', E'\t', E'\r') THEN '''' || value
    ELSE value END
$$;
"""
DROP_SPREADSHEET_TEXT_SQL = "DROP FUNCTION IF EXISTS netzpol_spreadsheet_text(text);"


class SpreadsheetText(Func):
    """SQL: a value as the text its cell shows (dates as DD.MM.YYYY), neutralised."""

    function = "netzpol_spreadsheet_text"
    output_field = TextField()

    def __init__(self, expression, is_date=False):
        if is_date:
            text = Func(expression, Value("DD.MM.YYYY"), function="to_char")
        else:
            text = Cast(expression, TextField())
        super().__init__(text)
