"""Reading curators' import files within limits. A spreadsheet is a zip archive that can unpack
to a thousand times its size, and a sheet can claim rows it does not hold (openpyxl fills the
gaps: two rows numbered 1 and 1,048,576 become a million). So an archive is measured before
openpyxl opens it, and rows are read one at a time, up to a limit."""

import codecs
import csv
import io
import re
import zipfile

import openpyxl
import tablib
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV, XLSX

# The dry run costs some 20–50 ms a row (duplicate hints, history, search triggers), and a
# request has 60 s (gunicorn's timeout): larger lists go in several files.
MAX_ROWS = 1_000
MAX_COLUMNS = 100
# Office files pack text about 5–20 : 1; a bomb packs a thousand to one.
MAX_RATIO = 100
# Members this small cannot hurt, whatever they pack to.
RATIO_FROM_BYTES = 1024 * 1024


class FileRefused(Exception):
    """A file the import does not read; the message tells the curator why."""


def max_unpacked_bytes():
    """Unpacked, a spreadsheet may be twice the upload limit (NETZPOL_MAX_IMPORT_MB): 10 MB by
    default. MAX_ROWS × MAX_COLUMNS cells of text unpack to less; openpyxl parses about a
    megabyte of sheet XML a second, so this bounds what a file can cost before its rows count."""
    return 2 * settings.NETZPOL_MAX_IMPORT_BYTES


def megabytes(size):
    return number_format(size / 1024 / 1024, decimal_pos=1)


def check_archive(data):
    """Refuse an XLSX that unpacks too large or packs suspiciously tight, reading only the zip's
    directory. Its sizes bind: Python's zipfile reads no member past its declared size."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    limit = max_unpacked_bytes()
    if unpacked > limit:
        raise FileRefused(
            _("Unpacked, the file is %(size)s MB; imports may unpack to at most %(limit)s MB.")
            % {"size": megabytes(unpacked), "limit": megabytes(limit)}
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise FileRefused(
                _(
                    "The file is packed unusually tightly (%(ratio)s to 1) and is not read. "
                    "Please save it again as an ordinary spreadsheet."
                )
                % {"ratio": number_format(round(ratio), force_grouping=True)}
            )


def too_many_rows():
    return FileRefused(
        _("The file has more than %(limit)s rows; please split it into smaller files.")
        % {"limit": number_format(MAX_ROWS, force_grouping=True)}
    )


# What German office software writes: Excel's "CSV UTF-8" (with a byte order mark), its "CSV
# (Trennzeichen-getrennt)" (Windows-1252), LibreOffice's UTF-8 (without one), Excel's "Unicode-Text"
# (UTF-16). Text in Windows-1252 with umlauts is never valid UTF-8, so UTF-8 is tried first.
BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
ENCODINGS = ["utf-8", "cp1252"]
# `;` is German Excel's list separator, `,` everyone else's; Excel's "Unicode-Text" uses tabs.
DELIMITERS = ";,\t"
ZIP_SIGNATURE = b"PK\x03\x04"


def decode(data):
    """The text of a CSV file in one of the encodings office software writes."""
    if data.startswith(ZIP_SIGNATURE):
        raise FileRefused(
            _("The file is a spreadsheet (XLSX), not a CSV file. Please choose the format “xlsx”.")
        )
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return decode_as(data, [encoding])
    return decode_as(data, ENCODINGS)


def decode_as(data, encodings):
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise FileRefused(
        _(
            "The file could not be read as text in UTF-8 or Windows-1252. Please save it from "
            "your spreadsheet program as “CSV UTF-8” or “CSV (Trennzeichen-getrennt)”, "
            "or as an Excel workbook (XLSX)."
        )
    )


def sniff_delimiter(text):
    """The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes
    (`;` when there is a tie, `,` when the file has a single column)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def no_rows():
    # Refused here: django-import-export's own message for it speaks to curators informally.
    return FileRefused(_("The file holds no rows below the column names."))


def too_wide(count):
    return FileRefused(
        _("The file has %(count)s columns; imports may have at most %(limit)s.")
        % {"count": count, "limit": MAX_COLUMNS}
    )


class LimitedCSV(CSV):
    """CSV as office software writes it, read within limits: the encoding and the delimiter are
    recognised, and the file is refused beyond MAX_ROWS rows or MAX_COLUMNS columns. Read as
    bytes (django-import-export would decode it as UTF-8 before this sees it)."""

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        text = decode(in_stream) if isinstance(in_stream, bytes) else in_stream
        text = text.removeprefix("\ufeff")
        # Excel's own hint, written by some tools as the first line: "sep=;".
        hint = re.match(r"sep=([;,\t])\r?\n", text)
        if hint:
            text = text[hint.end() :]
        delimiter = kwargs.get("delimiter") or (hint and hint.group(1)) or sniff_delimiter(text)
        # Empty lines are skipped, as tablib does.
        rows = (
            row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if row
        )
        header = next(rows, [])
        while header and not header[-1].strip():
            header.pop()
        if len(header) > MAX_COLUMNS:
            raise too_wide(len(header))
        dataset = tablib.Dataset(headers=header)
        for number, row in enumerate(rows, start=2):
            if number > MAX_ROWS + 1:
                raise too_many_rows()
            extra = row[len(header) :]
            if any(cell.strip() for cell in extra):
                raise FileRefused(
                    _(
                        "Row %(row)s has %(count)s cells, more than the %(columns)s columns of "
                        "the header row. Is there a “%(delimiter)s” in a cell without quotation "
                        "marks around it?"
                    )
                    % {
                        "row": number,
                        "count": len(row),
                        "columns": len(header),
                        "delimiter": delimiter.replace("\t", "Tab"),
                    }
                )
            dataset.append(row[: len(header)] + [""] * (len(header) - len(row)))
        if not len(dataset):
            raise no_rows()
        return dataset


class LimitedXLSX(XLSX):
    """The first sheet of an XLSX, as django-import-export reads it, within limits: the archive
    is checked first; the sheet's declared size is ignored (it can claim 16,384 columns and a
    million rows in a few bytes); rows are as wide as the header and stop past MAX_ROWS."""

    def create_dataset(self, in_stream):
        check_archive(in_stream)
        book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        try:
            sheet = book.active
            sheet.reset_dimensions()
            header = list(next(sheet.iter_rows(max_row=1, values_only=True), ()))
            while header and header[-1] is None:
                header.pop()
            if len(header) > MAX_COLUMNS:
                raise too_wide(len(header))
            dataset = tablib.Dataset(headers=header)
            if not header:
                raise no_rows()
            ignore_blanks = getattr(settings, "IMPORT_EXPORT_IMPORT_IGNORE_BLANK_LINES", False)
            rows = sheet.iter_rows(min_row=2, max_col=len(header), values_only=True)
            for count, row in enumerate(rows, start=1):
                if count > MAX_ROWS:
                    raise too_many_rows()
                if not (ignore_blanks and all(value is None for value in row)):
                    dataset.append(row)
            if not len(dataset):
                raise no_rows()
            return dataset
        finally:
            book.close()
