"""How import files and cells are read: the encodings and delimiters office software writes,
German dates, choices by label or abbreviation, and the exports' formula guards taken off."""

import datetime

import pytest

from directory.contacts.models import Visibility
from directory.core.import_files import FileRefused, LimitedCSV
from directory.core.import_widgets import (
    ChoiceWidget,
    GermanDateWidget,
    PostcodeWidget,
    cell_text,
    parse_german_date,
    restore_formula_text,
)
from directory.exports.cells import neutralise
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

ROWS = [
    ["Name", "Rechtsform", "Ort"],
    ["Café Ümlaut; Köln", "e.V.", "Köln"],
    ["Straße, Weg und Platz", "gGmbH", "Düsseldorf"],
]


def written(encoding, delimiter, bom=b"", line_end="\r\n"):
    """A table as a spreadsheet program writes it: every cell quoted where it must be."""
    lines = []
    for row in ROWS:
        cells = [f'"{c}"' if delimiter in c or "," in c or ";" in c else c for c in row]
        lines.append(delimiter.join(cells))
    return bom + (line_end.join(lines) + line_end).encode(encoding)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (written("cp1252", ";"), "German Excel: CSV (Trennzeichen-getrennt)"),
        (written("utf-8", ";", bom=b"\xef\xbb\xbf"), "Excel: CSV UTF-8"),
        (written("utf-8", ";", line_end="\n"), "LibreOffice: UTF-8 without BOM"),
        (written("utf-8", ","), "UTF-8 with commas"),
        (written("cp1252", ","), "Windows-1252 with commas"),
        (written("utf-16", "\t"), "Excel: Unicode-Text"),
    ],
    ids=["cp1252-semicolon", "utf8-bom", "utf8-lf", "utf8-comma", "cp1252-comma", "utf16-tab"],
)
def test_csv_encoding_and_delimiter_are_recognised(data, what):
    dataset = LimitedCSV().create_dataset(data)

    assert dataset.headers == ROWS[0], what
    assert [list(row) for row in dataset] == ROWS[1:], what


def test_excels_delimiter_hint_line_is_followed():
    data = "sep=;\r\nName;Ort\r\nVerein, Nord;Köln\r\n".encode("cp1252")

    dataset = LimitedCSV().create_dataset(data)

    assert dataset.headers == ["Name", "Ort"]
    assert list(dataset[0]) == ["Verein, Nord", "Köln"]


def test_a_csv_row_with_more_cells_than_the_header_is_refused_with_a_hint():
    data = "Name;Ort\r\nVerein;Köln\r\nVerein; mit Semikolon;Köln\r\n".encode("cp1252")

    with pytest.raises(FileRefused) as refused:
        LimitedCSV().create_dataset(data)

    message = str(refused.value)
    assert "Zeile 3 hat 3 Zellen, mehr als die 2 Spalten der Kopfzeile" in message
    assert "„;“ ohne Anführungszeichen" in message


def test_short_rows_and_empty_trailing_cells_are_read():
    data = b"Name;Ort;;\r\nVerein\r\nZweiter;Essen;;\r\n"

    dataset = LimitedCSV().create_dataset(data)

    assert dataset.headers == ["Name", "Ort"]
    assert [list(row) for row in dataset] == [["Verein", ""], ["Zweiter", "Essen"]]


def test_an_xlsx_chosen_as_csv_is_named():
    with pytest.raises(FileRefused, match=r"keine CSV-Datei\. Bitte wählen Sie das Format „xlsx“"):
        LimitedCSV().create_dataset(b"PK\x03\x04\x14\x00\x06\x00")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("31.12.2025", datetime.date(2025, 12, 31)),
        ("1.2.2025", datetime.date(2025, 2, 1)),
        ("31.12.25", datetime.date(2025, 12, 31)),
        ("15.01.29", datetime.date(2029, 1, 15)),
        ("15.01.30", datetime.date(1930, 1, 15)),  # as Excel reads two-digit years
        ("2025-12-31", datetime.date(2025, 12, 31)),
        ("31.02.2025", None),
        ("31/12/2025", None),
        ("morgen", None),
    ],
)
def test_german_dates(text, day):
    assert parse_german_date(text) == day


def test_a_date_cell_takes_spreadsheet_dates_and_refuses_other_text_in_german():
    widget = GermanDateWidget()

    assert widget.clean(datetime.datetime(2025, 1, 15)) == datetime.date(2025, 1, 15)
    assert widget.clean(" 15.01.2025 ") == datetime.date(2025, 1, 15)
    assert widget.clean("") is None
    with pytest.raises(ValueError, match=r"„31\.13\.2025“ ist kein Datum; bitte schreiben Sie es"):
        widget.clean("31.13.2025")


@pytest.mark.parametrize(
    "text",
    [
        "ev",
        "e.V.",
        "e. V.",
        "EV",
        "Eingetragener Verein",
        "eingetragener verein (e.V.)",
        "Registered association (e.V.)",
    ],
)
def test_a_legal_form_by_code_label_or_abbreviation(text):
    assert ChoiceWidget(Organisation.LegalForm).clean(text) == "ev"


@pytest.mark.parametrize(
    ("choices", "text", "code"),
    [
        (Organisation.LegalForm, "gGmbH", "ggmbh"),
        (Organisation.LegalForm, "Körperschaft", "religious_body"),
        (Organisation.Kind, "Netzwerk / Bündnis", "network"),
        (Organisation.Kind, "Migrant:innenselbstorganisation", "migrant_org"),
        (PoliceUnit.Kind, "LKA", "lka"),
        (PoliceUnit.Level, "Bund", "federal"),
        (Visibility, "Nur für die Geschäftsstelle", "staff"),
    ],
)
def test_choices_by_their_german_labels(choices, text, code):
    assert ChoiceWidget(choices).clean(text) == code


def test_an_unknown_choice_names_the_value_and_the_choices_in_german():
    with pytest.raises(ValueError, match="ist keiner dieser Werte") as error:
        ChoiceWidget(Organisation.LegalForm).clean("GmbH & Co. KG")

    assert str(error.value).startswith("„GmbH & Co. KG“ ist keiner dieser Werte: ")
    assert "„Eingetragener Verein (e.V.)“" in str(error.value)


@pytest.mark.parametrize(
    ("value", "text"),
    [(1099, "01099"), (1099.0, "01099"), ("1099", "01099"), ("44145", "44145"), (None, "")],
)
def test_a_postcode_gets_back_the_zero_a_spreadsheet_took(value, text):
    assert PostcodeWidget().clean(value) == text


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://x")',
        "+49 30 123456",
        "-110-",
        "@SUM(A1)",
        "\tx",
        "\rx",
        " =1+1",
        "\u00a0+1",
        "＝1",  # full-width equals sign
        "Leitung,=1+1",
        'Leitung;"@SUMME(A1)',
        "Zeile eins\n-Zeile zwei",
        "Plain text",
        "O'Brien",
        "'Quoted' text",
        "e.V., -Vorstand-",
    ],
)
def test_the_exports_formula_guard_is_taken_off(value):
    assert restore_formula_text(neutralise(value)) == value


def test_text_cells_are_read_as_the_sheet_shows_them():
    assert cell_text(None) == ""
    assert cell_text("  Köln ") == "Köln"
    assert cell_text(2025.0) == "2025"
    assert cell_text(datetime.datetime(2025, 1, 15)) == "15.01.2025"
    assert cell_text("'+49 30 123456") == "+49 30 123456"
