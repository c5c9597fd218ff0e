"""Spreadsheet cells that cannot run as formulas (OWASP "CSV injection")."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that a spreadsheet would read as a formula, prefixed with an apostrophe.

    Applied to every text cell of CSV and XLSX exports. OWASP lists =, +, -, @, tab and carriage
    return; defusedcsv leaves tab and CR alone, so the rule is kept here."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
