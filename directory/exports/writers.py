"""The export formats, each written row by row from an iterator so that memory stays constant
however many entries are exported."""

import csv
import datetime
import tempfile

import vobject
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from psycopg import sql

from .cells import neutralise

BOM = "\ufeff"


def text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


class _Line:
    """A file-like object that hands back what csv.writer writes."""

    def write(self, value):
        return value


def csv_lines(header, connection, query, params, delimiter=";", chunk_size=64 * 1024):
    """CSV that German Excel opens by double-click: UTF-8 with BOM, `;`, CRLF, a header row.

    PostgreSQL writes the rows (COPY, the cells already text and neutralised by `query`);
    its row ends are LF, one row per message, so each becomes CRLF while line breaks inside
    quoted cells stay as they are. Every cell is quoted: a file written with `;` may be opened
    with `,` as list separator (or the other way round), and an unquoted "Leitung,=1+1" would
    then split into a cell that starts with "="."""
    header_line = csv.writer(
        _Line(), delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_ALL
    ).writerow([neutralise(h) for h in header])
    yield (BOM + header_line).encode()
    statement = sql.SQL("COPY ({}) TO STDOUT (FORMAT csv, DELIMITER {}, FORCE_QUOTE *)").format(
        sql.SQL(query), sql.Literal(delimiter)
    )
    buffer = bytearray()
    with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
        for row in copy:
            buffer += row[:-1]
            buffer += b"\r\n"
            if len(buffer) >= chunk_size:
                yield bytes(buffer)
                buffer.clear()
    if buffer:
        yield bytes(buffer)


def xlsx_file(header, rows, row_count, widths):
    """An XLSX workbook in a temporary file: bold frozen header, autofilter, dates as dates.

    openpyxl's write-only mode keeps one row in memory; the file is on disk, not in RAM."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    last = get_column_letter(max(len(header), 1))
    sheet.auto_filter.ref = f"A1:{last}{row_count + 1}"
    bold = Font(bold=True)
    cells = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=neutralise(str(title)))
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([xlsx_value(sheet, value) for value in row])
    # Handed to the FileResponse, which closes it (and the file disappears) when sent.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    workbook.save(handle)
    handle.seek(0)
    return handle


def xlsx_value(sheet, value):
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD.MM.YYYY"
        return cell
    # Text cells are always text: neutralised, and never read back as a formula.
    cell = WriteOnlyCell(sheet, value=neutralise(text(value)))
    cell.data_type = "s"
    return cell


def vcard(card_fields):
    """One vCard 3.0 as text (vobject escapes and folds the lines)."""
    card = vobject.vCard()
    card.add("version").value = "3.0"
    given, family = card_fields.get("given", ""), card_fields.get("family", "")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("fn").value = card_fields["fn"]
    if card_fields.get("is_organisation"):
        # How Apple and Google mark a company card in vCard 3.0 (KIND came with 4.0).
        card.add("x-abshowas").value = "COMPANY"
    if card_fields.get("org"):
        card.add("org").value = card_fields["org"]  # organisation name, then units
    if card_fields.get("title"):
        card.add("title").value = card_fields["title"]
    for address in card_fields.get("emails", []):
        email = card.add("email")
        email.value = address
        email.type_param = ["INTERNET", "WORK"]
    for number, kind in card_fields.get("phones", []):
        tel = card.add("tel")
        tel.value = number
        tel.type_param = [kind, "VOICE"] if kind == "WORK" else [kind]
    address = card_fields.get("address")
    if address:
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(**address)
        adr.type_param = ["WORK"]
    if card_fields.get("url"):
        card.add("url").value = card_fields["url"]
    card.add("uid").value = card_fields["uid"]
    card.add("rev").value = card_fields["rev"].strftime("%Y-%m-%dT%H:%M:%SZ")
    return card.serialize()
