"""The export formats, each written row by row from an iterator so that memory stays constant
however many entries are exported."""

import csv
import datetime
import hashlib
import re
import tempfile
import uuid
import zipfile
from xml.sax.saxutils import escape

from django.db.models import BooleanField, Case, Func, TextField, Value, When
from django.db.models.functions import Coalesce, NullIf
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


# --- XLSX -------------------------------------------------------------------------------------
# A minimal SpreadsheetML package (ECMA-376): PostgreSQL writes each row's cells as XML (as it
# writes CSV through COPY), Python numbers the rows and zips. Measured on nine text columns,
# openpyxl's write-only mode wrote 2,400 rows a second and XlsxWriter's constant-memory mode
# 9,000 (10-45 µs a cell in Python), where coordinators wait for 100,000 (README, benchmark).

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats"
_SPREADSHEET = f"{_TYPE}-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
XLSX_PARTS = {
    "[Content_Types].xml": _HEAD
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    f'<Default Extension="rels" ContentType="{_TYPE}-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SPREADSHEET}.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    f'ContentType="{_SPREADSHEET}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SPREADSHEET}.styles+xml"/>'
    "</Types>",
    "_rels/.rels": _HEAD + f'<Relationships xmlns="{_PACKAGE}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/_rels/workbook.xml.rels": _HEAD + f'<Relationships xmlns="{_PACKAGE}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/>'
    "</Relationships>",
    # Cell styles: 0 plain, 1 bold (the header), 2 a date as DD.MM.YYYY.
    "xl/styles.xml": _HEAD + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>",
}
SHEET = "Sheet1"
# Characters XML 1.0 does not allow (tab and line breaks apart): dropped from cells.
XML_ILLEGAL = "".join(map(chr, [*range(1, 9), 11, 12, *range(14, 32)])) + "\ufffe\uffff"
# Where a cell reference holds its row number: the database writes this character (which it
# drops from every value), Python the number.
ROW = b"\x01"


def xlsx_escape_sql(value_sql):
    """SQL: text as XML character data that also passes COPY's text format unchanged (line
    breaks, tab and backslash as character references; CR and CRLF read as LF)."""
    # Tested first as a class: translate() with these (multi-byte) in its list is several
    # times slower on every cell.
    illegal = "E'[" + "".join(f"\\u{ord(c):04x}" for c in XML_ILLEGAL) + "]'"
    escaped = (
        f"CASE WHEN {value_sql} ~ {illegal} "
        f"THEN regexp_replace({value_sql}, {illegal}, '', 'g') ELSE {value_sql} END"
    )
    for old, new in [
        ("'&'", "'&amp;'"),
        ("'<'", "'&lt;'"),
        ("'>'", "'&gt;'"),
        ("E'\\r\\n'", "E'\\n'"),
        ("E'\\r'", "E'\\n'"),
        ("E'\\n'", "'&#10;'"),
        ("E'\\t'", "'&#9;'"),
        ("E'\\\\'", "'&#92;'"),
    ]:
        escaped = f"replace({escaped}, {old}, {new})"
    return escaped


def xlsx_row_sql(query, is_date):
    """SQL: one text per row of `query` (columns: text cells already neutralised, or dates)
    holding the row's <c> elements, their references' row number written as ROW."""
    cells = []
    for index, date in enumerate(is_date):
        value = f"c{index}"
        ref = f"{get_column_letter(index + 1)}\\001"
        # An empty cell is written too: every row spans every column, as before.
        empty = f"E'<c r=\"{ref}\"/>'"
        if date:
            number = f"({value}::date - DATE '1899-12-30')"  # Excel's day number
            cell = f"E'<c r=\"{ref}\" s=\"2\"><v>' || {number} || '</v></c>'"
            cells.append(f"CASE WHEN {value} IS NOT NULL THEN {cell} ELSE {empty} END")
        else:
            start = f'E\'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">\''
            cell = f"{start} || {xlsx_escape_sql(value)} || '</t></is></c>'"
            cells.append(f"CASE WHEN {value} <> '' THEN {cell} ELSE {empty} END")
    names = ", ".join(f"c{index}" for index in range(len(is_date)))
    # The query is the export's own (Django's, parameters apart); the rest is fixed text.
    # OFFSET 0 keeps the query a subquery: each cell is computed once, not once per mention.
    return f"SELECT concat({', '.join(cells)}) FROM ({query} OFFSET 0) AS cells({names})"  # noqa: S608


def xml_text(value):
    return escape(neutralise(text(value))).translate(dict.fromkeys(map(ord, XML_ILLEGAL)))


def xlsx_file(header, connection, query, params, is_date, widths, row_count):
    """An XLSX workbook in a temporary file: bold frozen header, autofilter, dates as dates,
    columns `widths` characters wide; the rows are `query`'s (see `xlsx_row_sql`), streamed
    from the database into the compressed sheet, so memory stays constant."""
    last_column, last_row = get_column_letter(max(len(header), 1)), row_count + 1
    last = f"{last_column}{last_row}"
    columns = "".join(
        f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>'
        for i, width in enumerate(widths, start=1)
    )
    title = "".join(
        f'<c r="{get_column_letter(i)}1" s="1" t="inlineStr"><is><t>{xml_text(t)}</t></is></c>'
        for i, t in enumerate(header, start=1)
    )
    sheet_head = (
        _HEAD + f'<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{columns}</cols>'
        f'<sheetData><row r="1">{title}</row>'
    )
    sheet_tail = (
        f'</sheetData><autoFilter ref="A1:{last}"/>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )
    workbook = (
        _HEAD + f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        "<bookViews><workbookView/></bookViews>"
        f'<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets>'
        # Excel keeps an autofilter's range as this hidden name.
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{SHEET}!$A$1:${last_column}${last_row}"
        "</definedName></definedNames></workbook>"
    )
    statement = sql.SQL("COPY ({}) TO STDOUT").format(sql.SQL(xlsx_row_sql(query, is_date)))
    # Handed to the FileResponse, which closes it (and the file disappears) when sent.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    # Level 1: a sheet's XML compresses about as well and several times faster than at 6.
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, content in XLSX_PARTS.items():
            package.writestr(name, content)
        package.writestr("xl/workbook.xml", workbook)
        with (
            package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet,
            connection.cursor() as cursor,
            cursor.cursor.copy(statement, params) as copy,
        ):
            sheet.write(sheet_head.encode())
            buffer = bytearray()
            number = 1
            for line in copy:
                number += 1
                digits = b"%d" % number
                buffer += b'<row r="%s">%s</row>' % (digits, bytes(line[:-1]).replace(ROW, digits))
                if len(buffer) >= 256 * 1024:
                    sheet.write(buffer)
                    buffer.clear()
            sheet.write(buffer)
            sheet.write(sheet_tail.encode())
    handle.seek(0)
    return handle


# --- vCard 3.0 (RFC 2426) -------------------------------------------------------------------
# As for XLSX, the database writes each card's lines (values escaped, see VCardText; the lists
# build them with `vcard_line` and `Joined`) and Python adds the UID (SHA-1, which PostgreSQL
# lacks without an extension), folds long lines (about one card in two) and streams: a writer
# in Python that took a dictionary per card and escaped each value wrote 17,000 cards a second
# where the database's cards reach about twice that (README, benchmark).

# Longest line in octets; a longer one continues on lines that start with a space.
FOLD_OCTETS = 75
_NAMESPACE_URL = uuid.NAMESPACE_URL.bytes
# The longest piece of a line that fits (the first line, a continuation after its space) and
# does not end inside a multi-byte character (the next octet is not a continuation octet).
_FIRST_PIECE = re.compile(rb"(?s).{1,%d}(?![\x80-\xbf])" % FOLD_OCTETS)
_NEXT_PIECE = re.compile(rb"(?s).{1,%d}(?![\x80-\xbf])" % (FOLD_OCTETS - 1))


class VCardText(Func):
    """SQL: a text value escaped as RFC 2426 (and 6350) ask: backslash, semicolon, comma and
    line breaks (any of CRLF, CR, LF becomes "\\n"); NULL as empty."""

    template = (
        "replace(replace(replace(replace(replace(replace(COALESCE(%(expressions)s, ''), "
        "E'\\\\', E'\\\\\\\\'), ';', E'\\\\;'), ',', E'\\\\,'), "
        "E'\\r\\n', E'\\n'), E'\\r', E'\\n'), E'\\n', E'\\\\n')"
    )
    output_field = TextField()


class PlainText(Func):
    """SQL: a text value that holds nothing to escape (see NeedsEscape); NULL as empty."""

    template = "COALESCE(%(expressions)s, '')"
    output_field = TextField()


class NeedsEscape(Func):
    """SQL: whether any of the texts holds a character VCardText escapes."""

    template = "(concat(%(expressions)s) ~ E'[\\\\\\\\;,\\r\\n]')"
    output_field = BooleanField()


class Joined(Func):
    """SQL: texts one after the other, NULL if any is NULL (Concat reads NULL as empty)."""

    arg_joiner = " || "
    template = "(%(expressions)s)"
    output_field = TextField()


class Present(Func):
    """SQL: whether a text is neither NULL nor empty."""

    template = "(COALESCE(%(expressions)s, '') <> '')"
    output_field = BooleanField()


def vcard_escaped(*components, text=VCardText):
    """SQL: a value escaped (see VCardText); several as the components of a structured value
    (N, ADR, ORG), separated by semicolons. `text` is PlainText where there is nothing to
    escape (see vcard_either)."""
    parts = []
    for component in components:
        if parts:
            parts.append(Value(";"))
        parts.append(text(component))
    return Joined(*parts)


def vcard_either(lines, values):
    """SQL: `lines(text)` (a card's lines, see vcard_escaped) with its values escaped only if
    one of `values` (all it escapes) needs it: few cards do (4 in 100 of the benchmark's), and
    escaping every value cost the database about as much as building the card."""
    return Case(
        When(NeedsEscape(*values), then=lines(VCardText)),
        default=lines(PlainText),
        output_field=TextField(),
    )


def vcard_line(name, value, optional=True):
    """SQL: the content line `name:value` with its CRLF (`value` escaped already); an optional
    line is left out when its value is empty."""
    if optional:
        value = NullIf(value, Value(""))
    line = Joined(Value(f"{name}:"), value, Value("\r\n"))
    return Coalesce(line, Value(""), output_field=TextField()) if optional else line


def vcard_card(*lines):
    """SQL: a card from BEGIN to the lines `lines` (see vcard_line); `vcards` adds the rest."""
    return Joined(Value("BEGIN:VCARD\r\nVERSION:3.0\r\n"), *lines)


def fold_octets(line):
    """A content line (UTF-8) folded to at most FOLD_OCTETS octets a line (a continuation's
    leading space included), never inside a multi-byte character; CRLF between the lines."""
    if len(line) <= FOLD_OCTETS:
        return line
    first = _FIRST_PIECE.match(line)
    return b"\r\n ".join([first.group(), *_NEXT_PIECE.findall(line, first.end())])


def fold(line):
    """`fold_octets` for text."""
    if len(line) <= FOLD_OCTETS and line.isascii():
        return line
    return fold_octets(line.encode()).decode()


def url_uuid(name):
    """uuid.uuid5(uuid.NAMESPACE_URL, name) as text, without building UUID objects (a tenth
    of a vCard's time otherwise); `name` as text or UTF-8."""
    if isinstance(name, str):
        name = name.encode()
    digest = bytearray(hashlib.sha1(_NAMESPACE_URL + name).digest()[:16])  # noqa: S324
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def vcards(connection, query, params, chunk_size=256 * 1024):
    """vCard 3.0 as UTF-8, in chunks of about `chunk_size` bytes. `query` selects each card's
    lines as `vcard_card` writes them, the entry's address in the directory and REV's text;
    PostgreSQL streams them (COPY, binary: no escaping to undo) while Python adds the UID,
    stable per entry and site (host and path: a re-import updates the card), and folds."""
    statement = sql.SQL("COPY ({}) TO STDOUT (FORMAT binary)").format(sql.SQL(query))
    buffer = bytearray()
    with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
        # Read as bytea: the text's UTF-8 as it comes, neither decoded nor encoded again.
        copy.set_types(["bytea", "bytea", "bytea"])
        for lines, link, rev in copy.rows():
            uid = url_uuid(link.split(b"://", 1)[1]).encode()
            card = b"%sUID:urn:uuid:%s\r\nREV:%s\r\nEND:VCARD\r\n" % (lines, uid, rev)
            split = card.split(b"\r\n")  # escaped values hold no CR or LF
            if max(map(len, split)) > FOLD_OCTETS:  # about one card in two: an address, a path
                card = b"\r\n".join([fold_octets(s) if len(s) > FOLD_OCTETS else s for s in split])
            buffer += card
            if len(buffer) >= chunk_size:
                yield bytes(buffer)
                buffer.clear()
    if buffer:
        yield bytes(buffer)


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
