"""What the curators' spreadsheet imports share (django-import-export): German column names,
choice and Land columns that accept codes or labels, a size-limited upload form, files read
within limits (import_files), a check for missing columns, errors without tracebacks, and the
"likely duplicate" hint shown in the dry run's preview."""

import logging

from django.conf import settings
from django.contrib.postgres.search import TrigramSimilarity
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, results, widgets
from import_export.admin import ImportMixin
from import_export.forms import ImportForm

from .import_files import FileRefused, LimitedCSV, LimitedXLSX
from .models import Region
from .text import Fold, fold

logger = logging.getLogger(__name__)

SIMILAR_NAME = 0.6


class ChoiceWidget(widgets.Widget):
    """A choice column: the stored code or its label (German or English) is accepted."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return ""
        for code, label in self.choices.choices:
            if fold(text) in (fold(code), fold(str(label))):
                return code
        allowed = ", ".join(str(label) for _code, label in self.choices.choices)
        raise ValueError(
            _("“%(value)s” is not one of: %(allowed)s.") % {"value": text, "allowed": allowed}
        )

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices.choices).get(value, value or ""))


class LandWidget(widgets.ForeignKeyWidget):
    """A federal state by its name."""

    def __init__(self, **kwargs):
        super().__init__(Region, field="name", **kwargs)

    def get_queryset(self, value, row, *args, **kwargs):
        return Region.objects.lands()

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except Region.DoesNotExist as exc:
            raise ValueError(_("“%(value)s” is not a federal state.") % {"value": value}) from exc


def text(attribute, column):
    """A text column; an empty cell is an empty string (never NULL)."""
    return fields.Field(
        attribute=attribute, column_name=column, widget=widgets.CharWidget(allow_blank=True)
    )


def names(model, column, attribute, **kwargs):
    """A column of comma-separated names (topics, languages, regions)."""
    return fields.Field(
        attribute=attribute,
        column_name=column,
        widget=widgets.ManyToManyWidget(model, field="name", separator=","),
        **kwargs,
    )


class DuplicateHint(fields.Field):
    """A read-only preview column naming existing entries the row may duplicate.

    `duplicates(entry)` returns the queryset of candidates; the row itself (saved inside the
    dry run's rolled-back transaction) is left out. Rows earlier in the same file count too."""

    def __init__(self, duplicates):
        super().__init__(column_name="Möglicherweise doppelt", readonly=True)
        self.duplicates = duplicates

    def export(self, instance, **kwargs):
        if instance is None or instance.pk is None:
            return ""
        others = self.duplicates(instance).exclude(pk=instance.pk)[:3]
        return "; ".join(f"{other} (#{other.pk})" for other in others)


class MissingColumns(Exception):
    """The file lacks required columns; the message names them and the columns it has."""


class ImportFailed(Exception):
    """What curators see of an unexpected error (its traceback goes to the log)."""


class MessageOnly(results.Error):
    """An import error as curators see it: django-import-export's template prints every file
    error's traceback (server paths included), whatever DEBUG says."""

    traceback = ""


class DirectoryResource(resources.ModelResource):
    """Required columns are checked before any row is read."""

    required_columns = []

    def before_import(self, dataset, **kwargs):
        headers = [str(h) for h in dataset.headers or [] if h is not None]
        missing = [c for c in self.required_columns if c not in headers]
        if missing:
            # django-import-export goes on with the rows after this error; without the columns
            # each row would only fail again, so there are none left to go on with.
            del dataset[:]
            raise MissingColumns(
                _("The file lacks these columns: %(columns)s. Its columns are: %(found)s.")
                % {"columns": ", ".join(missing), "found": ", ".join(headers)}
            )
        super().before_import(dataset, **kwargs)

    def get_error_result_class(self):
        return MessageOnly

    def handle_import_error(self, result, error, raise_errors=False):
        if not isinstance(error, MissingColumns):
            logger.error("Import failed", exc_info=error)
            error = ImportFailed(
                _("The import failed because of an unexpected error, which has been logged.")
            )
        super().handle_import_error(result, error, raise_errors)


def similar(queryset, field, value):
    """Entries whose `field` is trigram-similar to `value` after German folding."""
    return queryset.annotate(similarity=TrigramSimilarity(Fold(field), fold(value or ""))).filter(
        similarity__gte=SIMILAR_NAME
    )


class LimitedImportForm(ImportForm):
    """The admin's import form with an upload size limit (NETZPOL_MAX_IMPORT_MB)."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        limit = settings.NETZPOL_MAX_IMPORT_BYTES
        if upload.size > limit:
            raise ValidationError(
                _("The file is %(size)s MB; imports may be at most %(limit)s MB.")
                % {"size": round(upload.size / 1024 / 1024, 1), "limit": limit // 1024 // 1024}
            )
        return upload


class CuratorImportMixin(ImportMixin):
    """Admin import from CSV or XLSX: upload, dry run with every row's result, then confirm."""

    import_formats = [LimitedCSV, LimitedXLSX]
    import_form_class = LimitedImportForm

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, FileRefused):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)
