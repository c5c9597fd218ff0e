"""The export formats, each written row by row from an iterator so that memory stays constant
however many entries are exported."""

import csv
import datetime
import itertools
import re
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


# Rows read to size the columns of a spreadsheet or a print view (the rest follow the sample).
SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 6, 60


def cell_length(value):
    """How many characters a cell needs on its longest line (a date: DD.MM.YYYY)."""
    if value is None:
        return 0
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def column_widths(header, sample):
    """Characters per column: the header or the longest value in `sample`, whichever is
    longer, plus a margin, within MIN_WIDTH and MAX_WIDTH (longer text wraps or is cut)."""
    widths = [cell_length(title) for title in header]
    for row in sample:
        widths = [max(width, cell_length(value)) for width, value in zip(widths, row, strict=True)]
    return [min(max(width + 2, MIN_WIDTH), MAX_WIDTH) for width in widths]


def xlsx_file(header, rows, row_count, widths=None):
    """An XLSX workbook in a temporary file: bold frozen header, autofilter, dates as dates,
    columns as wide as their header or longest value in the first SAMPLE_ROWS rows.

    openpyxl's write-only mode keeps one row in memory (and the sample); the file is on disk,
    not in RAM."""
    rows = iter(rows)
    sample = list(itertools.islice(rows, SAMPLE_ROWS))
    widths = widths or column_widths(header, sample)
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
    for row in itertools.chain(sample, rows):
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


# --- print view -----------------------------------------------------------------------------

# Up to this many columns (a signature column counts two) go on A4 portrait, more on landscape;
# beyond DENSE_COLUMNS the type gets smaller. Longer words than fit turn the page too.
PORTRAIT_COLUMNS = 5
DENSE_COLUMNS = 12
# Characters across the page's content width at 9 pt (a generous 7 CSS px each; 7.5 pt when
# dense), and per cell for its padding.
CHARACTERS = {"portrait": 100, "landscape": 147}
DENSE_FACTOR = 1.2
CELL_PADDING = 1.5
# A word longer than this may break inside (an email address, a long compound).
LONGEST_WORD = 20
# A signature column's share of the table width, in per cent.
SIGNATURE_SHARE = 20
# Column shares come in steps of SHARE_STEP per cent (the stylesheet's print-w-2 ... -100).
SHARE_STEP = 2


def shares(widths, room):
    """`room` per cent split over the columns in proportion to their widths, in steps of
    SHARE_STEP that add up to `room` (largest remainders; each at least one step)."""
    steps = room // SHARE_STEP
    total = sum(widths) or 1
    exact = [steps * width / total for width in widths]
    result = [max(1, int(share)) for share in exact]
    by_remainder = sorted(range(len(widths)), key=lambda i: int(exact[i]) - exact[i])
    for index in by_remainder[: max(steps - sum(result), 0)]:
        result[index] += 1
    return [share * SHARE_STEP for share in result]


def longest_word(value):
    """The longest run of characters a cell should not break (a break after a hyphen is fine),
    at most LONGEST_WORD."""
    words = re.split(r"[\s/]+|(?<=-)", text(value))
    return min(max((len(word) for word in words), default=0), LONGEST_WORD)


def print_widths(header, sample, capacity):
    """Characters per column as a table lays them out: each column at least its longest word,
    the room left shared by how much longer its longest line is (CSS's automatic table
    layout, computed here because the print table's layout is fixed)."""
    minimum = [longest_word(title) for title in header]
    for row in sample:
        minimum = [max(m, longest_word(v)) for m, v in zip(minimum, row, strict=True)]
    minimum = [m + CELL_PADDING for m in minimum]
    wanted = [max(m, w) for m, w in zip(minimum, column_widths(header, sample), strict=True)]
    room = capacity - sum(minimum)
    growth = [w - m for w, m in zip(wanted, minimum, strict=True)]
    if room <= 0 or not sum(growth):
        return minimum
    factor = min(room / sum(growth), 1)
    return [m + g * factor for m, g in zip(minimum, growth, strict=True)]


def print_sheet(header, rows, attendance=False):
    """What the print view needs: the header, all rows (at most the print limit, so a list),
    the page (`portrait` or `landscape`, by the number of columns and their longest words),
    whether the type must be small, and each column's share of the table width as a class
    of the stylesheet (print-w-2 ... print-w-100), so every column is on the page."""
    rows = list(rows)
    sample = rows[:SAMPLE_ROWS]
    weight = len(header) + (2 if attendance else 0)
    room = 100 - (SIGNATURE_SHARE if attendance else 0)

    least = sum(print_widths(header, sample, 0))  # every column only as wide as its words

    def capacity(page, dense=False):
        return CHARACTERS[page] * (DENSE_FACTOR if dense else 1) * room / 100

    fits_portrait = weight <= PORTRAIT_COLUMNS and least <= capacity("portrait")
    page = "portrait" if fits_portrait else "landscape"
    dense = weight > DENSE_COLUMNS or least > capacity(page)
    widths = print_widths(header, sample, capacity(page, dense))
    return {
        "header": header,
        "rows": rows,
        "column_classes": [f"print-w-{share}" for share in shares(widths, room)],
        "page": page,
        "dense": dense,
        "attendance": attendance,
        "signature_class": f"print-w-{SIGNATURE_SHARE}",
    }
