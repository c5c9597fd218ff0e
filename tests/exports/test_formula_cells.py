"""CSV injection (OWASP): no exported cell reads as a formula, whichever list separator the
spreadsheet uses, however the formula sign is dressed up; Python and PostgreSQL neutralise alike."""

import csv
import functools
import io
import re
import sys
import unicodedata

import openpyxl
import pytest
from django.db import connection

from directory.exports import cells
from directory.exports.cells import neutralise
from tests.exports.conftest import CONTACTS, body, post_export
from tests.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db

# (value, the cell as exported): the value is kept whole around the apostrophes.
NASTY = [
    ("=1+1", "'=1+1"),
    (" =1+1", "' =1+1"),
    ("\n=1+1", "'\n'=1+1"),
    ("\u00a0=1+1", "'\u00a0=1+1"),
    ("\u200b=1+1", "'\u200b=1+1"),
    ("\ufeff@SUM(A1)", "'\ufeff@SUM(A1)"),
    ("＝1+1", "'＝1+1"),
    ("﹦1+1", "'﹦1+1"),
    ("⁺1", "'⁺1"),
    ("\t@x", "'\t@x"),
    ("\r\n-1", "'\r\n'-1"),
    ("－1", "'－1"),
    ("+49 30 1234", "'+49 30 1234"),  # phone numbers, as before: the apostrophe hides in Excel
    # Opened with the other list separator, a row splits at every `,` or `;` and line break
    # past its first cell, quotes or not.
    ("Leitung,=1+1", "Leitung,'=1+1"),
    ("x;=3+3", "x;'=3+3"),
    ("x;＝3+3", "x;'＝3+3"),
    ('a, "=1+1', "a,' \"=1+1"),
    ('Zitat "=1+1"; ,@x', 'Zitat "=1+1"; ,\'@x'),
    ("Straße 1\n=2+2", "Straße 1\n'=2+2"),
    ("Ziele:\r\n- Austausch\r\n- Schulung", "Ziele:\r\n'- Austausch\r\n'- Schulung"),
    ("Bochum, Dortmund; Essen\nHagen", "Bochum, Dortmund; Essen\nHagen"),
    ("Baden-Württemberg", "Baden-Württemberg"),
    ("ordinary text", "ordinary text"),
    ("Ärger mit Ümlauten", "Ärger mit Ümlauten"),
    ("", ""),
]


def reads_as_formula(cell):
    """How a lenient spreadsheet may see a cell: Unicode compatibility forms folded, leading
    whitespace, control and format characters skipped. Written apart from cells.py."""
    folded = unicodedata.normalize("NFKC", cell)
    start = 0
    while start < len(folded) and (
        folded[start].isspace() or unicodedata.category(folded[start])[0] in "CZ"
    ):
        start += 1
    return cell.startswith(("\t", "\r")) or folded[start:].startswith(("=", "+", "-", "@"))


def sql_neutralise(values):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT netzpol_spreadsheet_text(v) FROM unnest(%s::text[]) WITH ORDINALITY AS t(v, i) "
            "ORDER BY i",
            [list(values)],
        )
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def nasty_contacts():
    for value, _cell in NASTY:
        ContactPersonFactory(function=value, phone=value)


def function_cells(rows):
    header, *data = rows
    column = header.index("Funktion")
    return [row[column] for row in data]


@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_cells_never_read_as_formulas_with_either_separator(
    client, coordinator, nasty_contacts, delimiter
):
    client.force_login(coordinator)

    raw = body(post_export(client, CONTACTS, delimiter=delimiter, columns=["function", "phone"]))

    text = raw.decode("utf-8-sig")
    for separator in (";", ","):
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
        formulas = [cell for row in rows for cell in row if reads_as_formula(cell)]
        assert formulas == [], f"opened with {separator!r}"
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert len(rows) == 1 + len(NASTY)
    assert all(len(row) == 2 for row in rows)
    assert sorted(function_cells(rows)) == sorted(cell for _value, cell in NASTY)


def test_xlsx_cells_never_read_as_formulas(client, coordinator, nasty_contacts):
    client.force_login(coordinator)

    response = post_export(client, CONTACTS, format="xlsx", columns=["function", "phone"])

    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    values = [cell.value or "" for row in sheet.iter_rows() for cell in row]
    assert len(values) == 2 * (1 + len(NASTY))
    assert [value for value in values if reads_as_formula(value)] == []


@pytest.mark.parametrize(("value", "cell"), NASTY)
def test_python_and_sql_neutralise_each_nasty_value_alike(value, cell):
    assert neutralise(value) == cell
    assert sql_neutralise([value]) == [cell]


@pytest.mark.slow  # every Unicode character, in Python and in PostgreSQL
def test_python_and_sql_agree_on_every_character():
    """Each character at a cell's start, after blanks and after a delimiter: one rule, written
    twice, must not drift. Beyond the BMP, unassigned and private characters are left out (the
    Unicode versions of Python and PostgreSQL differ there; the rule does not), and so are
    letters that normalise to themselves (the bulk: CJK, Tangut, ...)."""
    characters = [c for c, form in normalised() if c != "\0" and considered(c, form)]
    values = [f"{before}{c}{after}" for c in characters for before, after in CONTEXTS]

    in_sql = sql_neutralise(values)

    in_python = [neutralise(v) for v in values]
    differ = [v for v, p, s in zip(values, in_python, in_sql, strict=True) if p != s]
    assert differ == []


def considered(c, form):
    if c < "\U00010000":
        return True
    category = unicodedata.category(c)
    return category not in ("Cn", "Co") and not (category.startswith("L") and form == c)


CONTEXTS = [("", "=1"), ("a;", "1"), ("a;", "=1")]


@functools.cache
def normalised():
    """Every character (surrogates aside) with its NFKC form, as Python's Unicode data has it."""
    return [
        (chr(c), unicodedata.normalize("NFKC", chr(c)))
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF
    ]


def is_blank(c):
    return c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Zs", "Zl", "Zp")


@pytest.mark.slow  # every Unicode character
def test_blanks_cover_every_space_control_and_format_character():
    """...and every character that normalises (NFKC) to such characters only."""
    pattern = re.compile(f"[{cells.BLANKS}]")

    uncovered = [
        f"U+{ord(c):04X}"
        for c, form in normalised()
        if is_blank(form[0]) and all(is_blank(n) for n in form) and not pattern.match(c)
    ]

    assert uncovered == []
    assert cells.BLANKS == cells.INLINE_BLANKS + r"\u000a\u000d"


@pytest.mark.slow  # every Unicode character
def test_signs_are_every_character_that_normalises_to_a_formula_sign():
    blanks = re.compile(f"^[{cells.BLANKS}]*")
    signs = re.compile(f"[{cells.SIGNS}]")

    matching = {c for c, _form in normalised() if signs.match(c)}

    assert matching == {
        c for c, form in normalised() if blanks.sub("", form).startswith(("=", "+", "-", "@"))
    }


def test_installed_spreadsheet_function_is_the_declared_one():
    with connection.cursor() as cursor:
        cursor.execute("SELECT prosrc FROM pg_proc WHERE proname = 'netzpol_spreadsheet_text'")
        installed = [row[0] for row in cursor.fetchall()]

    assert installed == [cells.SPREADSHEET_TEXT_BODY]
