"""What the curators' spreadsheet imports share (django-import-export): columns found by their
German names or the portal's export labels (import_columns), cells read as office software
writes them (import_widgets), files read within limits (import_files), a check for missing
columns, errors in German without tracebacks, and likely duplicates: named in the dry run's
preview and skipped unless the curator asks for them."""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.postgres.search import TrigramSimilarity
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, results, widgets
from import_export.admin import ImportMixin
from import_export.forms import ConfirmImportForm, ImportForm

from .import_columns import PENDING_LINKS, header_key, spellings
from .import_files import FileRefused, LimitedCSV, LimitedXLSX
from .import_widgets import cell_text
from .text import Fold, fold

logger = logging.getLogger(__name__)

SIMILAR_NAME = 0.6
DUPLICATE_COLUMN = "Möglicherweise doppelt"
# Set on a row's instance while it is imported.
LIKELY_DUPLICATES = "_import_likely_duplicates"


# --- Likely duplicates ---------------------------------------------------------------------------


class DuplicateHint(fields.Field):
    """A read-only preview column naming existing entries the row may duplicate.

    `duplicates(entry)` returns the queryset of candidates (the entry itself is left out).
    Rows earlier in the same file count too: the dry run saves them in its transaction."""

    def __init__(self, duplicates):
        super().__init__(column_name=DUPLICATE_COLUMN, readonly=True)
        self.duplicates = duplicates

    def find(self, instance):
        candidates = self.duplicates(instance)
        if instance.pk is not None:
            candidates = candidates.exclude(pk=instance.pk)
        return list(candidates[:3])

    def export(self, instance, **kwargs):
        others = getattr(instance, LIKELY_DUPLICATES, None) or []
        return "; ".join(f"{other} (#{other.pk})" for other in others)


def similar(queryset, field, value):
    """Entries whose `field` is trigram-similar to `value` after German folding."""
    return queryset.annotate(similarity=TrigramSimilarity(Fold(field), fold(value or ""))).filter(
        similarity__gte=SIMILAR_NAME
    )


# --- Resources -----------------------------------------------------------------------------------


class FileProblem(Exception):
    """Something about the whole file the curator can fix; the message says what."""


class MissingColumns(FileProblem):
    """The file lacks required columns; the message names them and the columns it has."""


class ImportFailed(Exception):
    """What curators see of an unexpected error (its traceback goes to the log)."""


class MessageOnly(results.Error):
    """An import error as curators see it: django-import-export's template prints every file
    error's traceback (server paths included), whatever DEBUG says."""

    traceback = ""


class DirectoryResource(resources.ModelResource):
    """Columns are recognised by their German names or the portal's export labels, and the
    required ones checked before any row is read. Every cell's error names its column; a row
    flagged as a likely duplicate is skipped unless `import_duplicates`."""

    required_columns = []
    # Columns of the portal's exports that hold nothing to import (computed, or another
    # entry's): listed in the preview as not imported, like any unknown column.
    not_imported = []

    def __init__(self, import_duplicates=False, **kwargs):
        super().__init__(**kwargs)
        self.import_duplicates = import_duplicates
        self.flagged_rows = []
        self.ignored_columns = []
        self.flagged = False

    @classmethod
    def known_columns(cls):
        """Each recognised spelling of a column (as `header_key`) and its column name."""
        known = {}
        for field in cls.fields.values():
            if field.column_name and not field.readonly:
                for spelling in spellings(field):
                    known.setdefault(header_key(spelling), field.column_name)
        return known

    def rename_columns(self, dataset):
        known = self.known_columns()
        renamed, seen = [], {}
        for header in dataset.headers or []:
            header = cell_text(header)
            name = known.get(header_key(header))
            if name is None:
                if header:
                    self.ignored_columns.append(header)
                renamed.append(header)
                continue
            if name in seen:
                raise FileProblem(
                    _("The columns %(first)s and %(second)s both hold “%(column)s”.")
                    % {"first": seen[name], "second": header, "column": name}
                )
            seen[name] = header
            renamed.append(name)
        if dataset.headers:
            dataset.headers = renamed

    def derive_columns(self, dataset):
        """Columns computed from others before the rows are read (none by default)."""

    def before_import(self, dataset, **kwargs):
        try:
            self.rename_columns(dataset)
            self.derive_columns(dataset)
            self.check_columns(dataset)
        except FileProblem:
            # django-import-export goes on with the rows after this error; without the right
            # columns each row would only fail again, so there are none left to go on with.
            del dataset[:]
            raise
        # Rows a spreadsheet keeps below the data, empty but formatted.
        while len(dataset) and not any(cell_text(value) for value in dataset[-1]):
            del dataset[-1]
        super().before_import(dataset, **kwargs)

    def check_columns(self, dataset):
        headers = [h for h in dataset.headers or [] if h]
        missing = [c for c in self.required_columns if c not in headers]
        if missing:
            raise MissingColumns(
                _("The file lacks these columns: %(columns)s. Its columns are: %(found)s.")
                % {"columns": ", ".join(missing), "found": ", ".join(headers)}
                + " "
                + _("For a file from the portal's export, choose these columns there as well.")
            )

    def import_row(self, row, instance_loader, **kwargs):
        if not any(cell_text(value) for value in row.values()):
            row_result = self.get_row_result_class()()
            row_result.import_type = results.RowResult.IMPORT_TYPE_SKIP
            row_result.blank = True
            return row_result
        self.flagged = False
        row_result = super().import_row(row, instance_loader, **kwargs)
        if row_result.import_type == results.RowResult.IMPORT_TYPE_NEW and row_result.diff:
            # The dry run's id is rolled back with it: the entry will get another.
            row_result.diff = [
                "" if field.attribute == "id" else cell
                for field, cell in zip(self.get_import_fields(), row_result.diff, strict=True)
            ]
        if self.flagged and row_result.import_type == results.RowResult.IMPORT_TYPE_SKIP:
            row_result.likely_duplicate = True
            self.flagged_rows.append(kwargs["row_number"] + 1)
        if row_result.errors:
            for error in row_result.errors:
                logger.error("Import row %s failed", kwargs["row_number"], exc_info=error.error)
            row_result.errors = [
                MessageOnly(
                    ImportFailed(
                        _(
                            "This row could not be saved because of an unexpected error, which "
                            "has been logged."
                        )
                    ),
                    number=kwargs["row_number"],
                )
            ]
        return row_result

    def import_instance(self, instance, row, **kwargs):
        """Every column's value, linked entries (topics, languages, ...) included: their errors
        are the row's errors before anything is saved."""
        errors, pending = {}, {}
        for field in self.get_import_fields():
            if not field.attribute or field.readonly or field.column_name not in row:
                continue
            try:
                if isinstance(field.widget, widgets.ManyToManyWidget):
                    pending[field.attribute] = field.clean(row, **kwargs)
                else:
                    self.import_field(field, instance, row, **kwargs)
            except ValueError as error:
                errors[field.attribute] = ValidationError(str(error), code="invalid")
        setattr(instance, PENDING_LINKS, pending)
        if errors:
            raise ValidationError(errors)

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            return
        for attribute, entries in getattr(instance, PENDING_LINKS, {}).items():
            getattr(instance, attribute).set(entries)

    def duplicate_hint(self):
        return next((f for f in self.fields.values() if isinstance(f, DuplicateHint)), None)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        if super().skip_row(instance, original, row, import_validation_errors):
            return True
        hint = self.duplicate_hint()
        if hint is None:
            return False
        likely = hint.find(instance)
        setattr(instance, LIKELY_DUPLICATES, likely)
        if not likely or self.import_duplicates:
            return False
        try:
            # A flagged row with errors is shown with its errors: it must be importable when
            # the curator asks for flagged rows at the confirmation.
            self.validate_instance(instance)
        except ValidationError:
            return False
        self.flagged = True
        return True

    def column_of(self, name):
        """The column an error of the model field `name` belongs to."""
        for field in self.fields.values():
            if field.attribute == name:
                return field.column_name
        try:
            return capfirst(self._meta.model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            return name

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            by_column = {
                (key if key == NON_FIELD_ERRORS else str(self.column_of(key))): messages_
                for key, messages_ in error.message_dict.items()
            }
            raise ValidationError(by_column) from error

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        result.flagged_rows = self.flagged_rows
        result.ignored_columns = self.ignored_columns

    def get_error_result_class(self):
        return MessageOnly

    def handle_import_error(self, result, error, raise_errors=False):
        if not isinstance(error, FileProblem):
            logger.error("Import failed", exc_info=error)
            error = ImportFailed(
                _("The import failed because of an unexpected error, which has been logged.")
            )
        super().handle_import_error(result, error, raise_errors)


# --- Admin ---------------------------------------------------------------------------------------

IMPORT_DUPLICATES = gettext_lazy("Import rows flagged as possible duplicates as well")


class LimitedImportForm(ImportForm):
    """The admin's import form with an upload size limit (NETZPOL_MAX_IMPORT_MB)."""

    import_duplicates = forms.BooleanField(
        label=IMPORT_DUPLICATES,
        label_suffix="",
        required=False,
        help_text=gettext_lazy(
            "Without this, a row like an existing entry (a similar name in the same place, or "
            "the same email) is skipped. You can also decide after the check."
        ),
    )

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        limit = settings.NETZPOL_MAX_IMPORT_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s MB; imports may be at most %(limit)s MB.")
                % {"size": round(upload.size / 1024 / 1024, 1), "limit": limit // 1024 // 1024}
            )
        return upload


class DuplicatesConfirmForm(ConfirmImportForm):
    import_duplicates = forms.BooleanField(label=IMPORT_DUPLICATES, label_suffix="", required=False)


class CuratorImportMixin(ImportMixin):
    """Admin import from CSV or XLSX: upload, dry run with every row's result, then confirm;
    all rows are saved in one transaction, or none."""

    import_formats = [LimitedCSV, LimitedXLSX]
    import_form_class = LimitedImportForm
    confirm_form_class = DuplicatesConfirmForm

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        resource = self.get_import_resource_classes(None)[0]()
        context["import_columns"] = [
            (field.column_name, field.column_name in resource.required_columns)
            for field in resource.get_import_fields()
            if field.column_name and not field.readonly
        ]
        return context

    def get_import_resource_kwargs(self, request, **kwargs):
        resource_kwargs = super().get_import_resource_kwargs(request, **kwargs)
        cleaned = getattr(kwargs.get("form"), "cleaned_data", {})
        resource_kwargs["import_duplicates"] = bool(cleaned.get("import_duplicates"))
        return resource_kwargs

    def get_import_data_kwargs(self, **kwargs):
        import_kwargs = super().get_import_data_kwargs(**kwargs)
        # All rows or none, also should a row fail only when it is saved for good.
        import_kwargs["rollback_on_validation_errors"] = True
        return import_kwargs

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["import_duplicates"] = import_form.cleaned_data.get("import_duplicates")
        return initial

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, FileRefused):
            form.add_error("import_file", str(e))
            return
        logger.warning("Import file unreadable", exc_info=e)
        format_name = self.get_import_formats()[int(form.cleaned_data["format"])]().get_title()
        form.add_error(
            "import_file",
            _(
                "The file could not be read as %(format)s. Please check that you chose the "
                "right format and that the file opens in your spreadsheet program."
            )
            % {"format": format_name.upper()},
        )

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _(
                    "Nothing has been imported: rows failed when they were saved. Please upload "
                    "the file again to see the errors."
                ),
            )
            app_label, model_name = self.get_model_info()
            url = reverse(
                f"admin:{app_label}_{model_name}_import", current_app=self.admin_site.name
            )
            return HttpResponseRedirect(url)
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        totals = result.totals
        message = _("Import finished: %(new)s new, %(updated)s changed, %(skipped)s skipped.") % {
            "new": totals[results.RowResult.IMPORT_TYPE_NEW],
            "updated": totals[results.RowResult.IMPORT_TYPE_UPDATE],
            "skipped": totals[results.RowResult.IMPORT_TYPE_SKIP],
        }
        flagged = getattr(result, "flagged_rows", [])
        if flagged:
            message += " " + _("Skipped as possible duplicates: rows %(rows)s.") % {
                "rows": ", ".join(str(row) for row in flagged)
            }
        messages.success(request, message)
