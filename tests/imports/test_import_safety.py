"""Import files that could hurt: spreadsheets that unpack to far more than they weigh, sheets
that claim rows they do not hold, and errors that must not show curators a traceback."""

import io
import logging
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from directory.core import import_files
from directory.core.import_files import (
    MAX_COLUMNS,
    MAX_ROWS,
    FileRefused,
    LimitedCSV,
    LimitedXLSX,
)
from directory.organisations.models import Organisation
from directory.organisations.resources import OrganisationResource
from tests.imports.conftest import CSV, HEADER, XLSX, upload

pytestmark = pytest.mark.django_db

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPE}.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Target="xl/workbook.xml" Type="{RELATION}/officeDocument"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELATION}"><sheets>'
        '<sheet name="Tabelle1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="{RELATION}/worksheet"/>'
        f'<Relationship Id="rId2" Target="sharedStrings.xml" Type="{RELATION}/sharedStrings"/>'
        "</Relationships>"
    ),
    "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}"><si><t>Verein</t></si></sst>',
}


def inline_row(number, values):
    cells = "".join(f'<c t="inlineStr"><is><t>{value}</t></is></c>' for value in values)
    return f'<row r="{number}">{cells}</row>'.encode()


def workbook(*sheet_parts, dimension=None, level=6):
    """An XLSX written by hand: the parts Excel needs and one sheet, its XML given in pieces
    (so a sheet of many megabytes never has to sit in memory as one string)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<worksheet xmlns="{MAIN}">'.encode())
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            for part in sheet_parts:
                sheet.write(part)
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


HEADER_ROW = inline_row(1, HEADER.split(";"))


@pytest.fixture(scope="module")
def bomb():
    """What the review found: a few hundred KB holding 4 million shared-string cells (rows as
    wide as the header, so that everything but a limit would read them all)."""
    row = b"<row>" + b'<c t="s"><v>0</v></c>' * 7 + b"</row>"
    chunk = row * 5_000
    return workbook(HEADER_ROW, *[chunk] * (4_000_000 // 35_000), level=1)


def xlsx_upload(data):
    return SimpleUploadedFile("liste.xlsx", data)


def file_errors(response):
    return " ".join(str(e) for e in response.context["form"].errors.get("import_file", []))


def assert_no_traceback(html):
    assert "Traceback" not in html
    assert "site-packages" not in html
    assert '.py"' not in html
    assert ".py&quot;" not in html
    assert str(settings.BASE_DIR) not in html


@pytest.fixture
def parsing_forbidden(monkeypatch):
    """openpyxl may not even open the workbook: the refusal comes from the zip directory."""

    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(import_files.openpyxl, "load_workbook", refuse)


def test_an_xlsx_bomb_is_refused_before_it_is_unpacked(curator_client, bomb, parsing_forbidden):
    assert len(bomb) < settings.NETZPOL_MAX_IMPORT_BYTES

    response = upload(curator_client, xlsx_upload(bomb), format=XLSX)

    assert "Entpackt ist die Datei 8" in file_errors(response)
    assert "höchstens 10,0 MB" in file_errors(response)
    assert response.context.get("result") is None
    assert Organisation.objects.count() == 0


def test_an_xlsx_packed_unusually_tight_is_refused(curator_client):
    padding = b" " * (4 * 1024 * 1024)  # XML whitespace: valid, and packs a thousand to one
    data = workbook(HEADER_ROW, padding, padding, level=9)

    response = upload(curator_client, xlsx_upload(data), format=XLSX)

    assert "ungewöhnlich dicht gepackt" in file_errors(response)
    assert Organisation.objects.count() == 0


def test_an_xlsx_whose_rows_jump_to_a_million_is_refused_quickly(curator_client):
    """Two rows, numbered 1 and 1,048,576, under a dimension of A1:XFD1048576: openpyxl would
    hand over a million rows of 16,384 cells each."""
    data = workbook(
        HEADER_ROW,
        inline_row(1_048_576, ["Verein", "ev", "counselling"]),
        dimension="A1:XFD1048576",
    )

    response = upload(curator_client, xlsx_upload(data), format=XLSX)

    # Refused after reading the 1,001st row, not after a million.
    assert "mehr als 1.000 Zeilen" in file_errors(response)
    assert Organisation.objects.count() == 0


def test_a_csv_with_too_many_rows_is_refused_before_the_dry_run(curator_client):
    lines = [HEADER.replace(";", ","), *["Verein,ev,counselling,Dortmund,,,"] * (MAX_ROWS + 1)]
    file = SimpleUploadedFile("liste.csv", "\r\n".join(lines).encode(), content_type="text/csv")

    response = upload(curator_client, file, format=CSV)

    assert "mehr als 1.000 Zeilen" in file_errors(response)
    assert response.context.get("result") is None
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize(("last", "refused"), [(MAX_ROWS + 1, False), (MAX_ROWS + 2, True)])
def test_xlsx_rows_count_up_to_the_last_row_number(last, refused):
    data = workbook(HEADER_ROW, inline_row(last, ["Verein"]))

    if refused:
        with pytest.raises(FileRefused):
            LimitedXLSX().create_dataset(data)
    else:
        dataset = LimitedXLSX().create_dataset(data)
        assert len(dataset) == MAX_ROWS
        assert dataset.headers == HEADER.split(";")
        assert dataset[-1][0] == "Verein"


@pytest.mark.parametrize(("rows", "refused"), [(MAX_ROWS, False), (MAX_ROWS + 1, True)])
def test_csv_rows_count_without_blank_lines(rows, refused):
    text = "\r\n".join(["Name,Ort", *["Verein,Dortmund", ""] * rows])

    if refused:
        with pytest.raises(FileRefused):
            LimitedCSV(encoding="utf-8-sig").create_dataset(text.encode())
    else:
        assert len(LimitedCSV(encoding="utf-8-sig").create_dataset(text.encode())) == rows


def test_an_xlsx_declaring_a_huge_size_reads_only_what_it_holds():
    data = workbook(
        HEADER_ROW, inline_row(2, ["Verein", "ev"]), inline_row(4, ["Zweiter"]), dimension="A1:XFD9"
    )

    dataset = LimitedXLSX().create_dataset(data)

    assert dataset.headers == HEADER.split(";")
    assert [row[:2] for row in dataset] == [("Verein", "ev"), (None, None), ("Zweiter", None)]


def test_an_xlsx_with_too_many_columns_is_refused():
    wide = workbook(inline_row(1, [f"Spalte {n}" for n in range(MAX_COLUMNS + 1)]))

    with pytest.raises(FileRefused, match="101 Spalten"):
        LimitedXLSX().create_dataset(wide)


def test_the_unpacked_limit_follows_the_upload_limit(settings):
    settings.NETZPOL_MAX_IMPORT_BYTES = 1024 * 1024

    assert import_files.max_unpacked_bytes() == 2 * 1024 * 1024


@pytest.mark.parametrize("format", [CSV, XLSX])
def test_missing_columns_are_named_without_a_traceback(curator_client, format):
    if format == CSV:
        file = SimpleUploadedFile("liste.csv", b"Name,Ort\r\nVerein,Dortmund\r\n")
    else:
        file = xlsx_upload(workbook(inline_row(1, ["Name", "Ort"]), inline_row(2, ["V", "D"])))

    response = upload(curator_client, file, format=format)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert "In der Datei fehlen diese Spalten: Rechtsform, Art. Vorhanden sind: Name, Ort." in html
    assert "[&#x27;" not in html  # the message itself, not a Python list of it
    assert_no_traceback(html)
    assert response.context["result"].rows == []
    assert Organisation.objects.count() == 0


def test_an_unexpected_error_is_logged_and_shown_without_a_traceback(
    curator_client, monkeypatch, caplog
):
    def fail(*args, **kwargs):
        raise RuntimeError("/srv/netzpol/secret.py is broken")

    monkeypatch.setattr(OrganisationResource, "after_import", fail)
    text = f"{HEADER}\r\nVerein;ev;counselling;Dortmund;;;".replace(";", ",")
    file = SimpleUploadedFile("liste.csv", text.encode())

    with caplog.at_level(logging.ERROR, logger="directory.core.imports"):
        response = upload(curator_client, file)

    html = response.content.decode()
    assert "Der Import ist an einem unerwarteten Fehler gescheitert" in html
    assert "secret.py" not in html
    assert_no_traceback(html)
    assert "secret.py is broken" in caplog.text
