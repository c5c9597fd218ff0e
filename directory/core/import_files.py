"""Reading curators' import files within limits. A spreadsheet is a zip archive that can unpack
to a thousand times its size, and a sheet can claim rows it does not hold (openpyxl fills the
gaps: two rows numbered 1 and 1,048,576 become a million). So an archive is measured before
openpyxl opens it, and rows are read one at a time, up to a limit."""

import csv
import io
import itertools
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


class LimitedCSV(CSV):
    """CSV, refused beyond MAX_ROWS rows before tablib builds the dataset."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes) and self.encoding:
            in_stream = in_stream.decode(self.encoding)
        # Counted as tablib reads them (it skips empty lines), stopping past the limit.
        reader = csv.reader(io.StringIO(in_stream), delimiter=kwargs.get("delimiter", ","))
        rows = (row for row in reader if row)
        if next(itertools.islice(rows, MAX_ROWS + 1, None), None) is not None:
            raise too_many_rows()
        return super().create_dataset(in_stream, **kwargs)


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
                raise FileRefused(
                    _("The file has %(count)s columns; imports may have at most %(limit)s.")
                    % {"count": len(header), "limit": MAX_COLUMNS}
                )
            dataset = tablib.Dataset(headers=header)
            if not header:
                return dataset
            ignore_blanks = getattr(settings, "IMPORT_EXPORT_IMPORT_IGNORE_BLANK_LINES", False)
            rows = sheet.iter_rows(min_row=2, max_col=len(header), values_only=True)
            for count, row in enumerate(rows, start=1):
                if count > MAX_ROWS:
                    raise too_many_rows()
                if not (ignore_blanks and all(value is None for value in row)):
                    dataset.append(row)
            return dataset
        finally:
            book.close()
