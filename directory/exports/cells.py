"""Spreadsheet cells that cannot run as formulas (OWASP "CSV injection")."""

import re

from django.db.models import Func, TextField, Value
from django.db.models.functions import Cast

# What a spreadsheet may pass over before it looks for a formula sign: whitespace, control and
# format characters (no-break and zero-width spaces, byte order and direction marks), as
# Unicode lists them; line breaks apart. Regular expression classes that Python and PostgreSQL
# both read.
INLINE_BLANKS = (
    r"\u0000-\u0009\u000b\u000c\u000e-\u0020\u007f-\u00a0\u00ad\u0600-\u0605\u061c\u06dd"
    r"\u070f\u0890\u0891\u08e2\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000"
    r"\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    r"\U0001d173-\U0001d17a\U000e0001-\U000e007f"
)
BLANKS = INLINE_BLANKS + r"\u000a\u000d"
# = + - @ and every character that Unicode compatibility normalisation (NFKC) turns into one
# ("＝", "﹢", "⁼", ...): normalised once, here, rather than every cell on every export.
SIGNS = (
    r"=+@\u207a\u207c\u208a\u208c\u2a75\u2a76\ufb29\ufe62\ufe63\ufe66\ufe6b\uff0b\uff0d\uff1d"
    r"\uff20-"
)

# A cell that starts like a formula, after blanks.
STARTS_FORMULA = f"^[{BLANKS}]*[{SIGNS}]"
# A formula sign after a delimiter (`;` or `,`) or a line break inside a cell, blanks and quotes
# between. A file written with `;` and opened with `,` (or the other way round) splits cells
# there, quoted or not: the csv module, like Excel, honours a quote only at a cell's start, and
# past the first cell of such a row nothing counts as quoted.
BREAK_FORMULA = f'([;,\\u000a\\u000d])([{INLINE_BLANKS}"]*[{SIGNS}])'
_STARTS_FORMULA = re.compile(STARTS_FORMULA)
_BREAK_FORMULA = re.compile(BREAK_FORMULA)


def neutralise(value):
    """Text that a spreadsheet could read as a formula, with an apostrophe before the formula.

    Applied to every text cell of CSV and XLSX exports. OWASP lists =, +, -, @, tab and carriage
    return at the start; a formula sign counts after leading blanks and in its full-width or
    small forms too, and after a delimiter or a line break inside the cell. The value is kept
    whole around the apostrophes."""
    if not isinstance(value, str):
        return value
    if value.startswith(("\t", "\r")) or _STARTS_FORMULA.match(value):
        value = "'" + value
    if _BREAK_FORMULA.search(value):  # searching is cheap, substituting is not
        value = _BREAK_FORMULA.sub(r"\1'\2", value)
    return value


# The same rule in SQL, for exports the database writes itself (CSV through COPY). A plain SQL
# function, so PostgreSQL inlines it. Most cells start with printable ASCII other than a formula
# sign and hold no delimiter or line break: those skip the regular expressions.
# Installed by a migration that holds this text frozen; a test compares the two.
SPREADSHEET_TEXT_BODY = rf"""
    SELECT CASE
        WHEN ascii(value) BETWEEN 33 AND 126 AND left(value, 1) NOT IN ('=', '+', '-', '@')
            AND strpos(value, ';') = 0 AND strpos(value, ',') = 0
            AND strpos(value, E'\n') = 0 AND strpos(value, E'\r') = 0
            THEN value
        ELSE regexp_replace(
            CASE WHEN left(value, 1) IN (E'\t', E'\r') OR value ~ '{STARTS_FORMULA}'
                THEN '''' || value ELSE value END,
            '{BREAK_FORMULA}', '\1''\2', 'g')
    END
"""
SPREADSHEET_TEXT_SQL = f"""
CREATE OR REPLACE FUNCTION netzpol_spreadsheet_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $${SPREADSHEET_TEXT_BODY}$$;
"""


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
