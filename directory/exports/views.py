"""Coordinators export the list they just filtered: the same view, the same filters, the same
visibility rules as the page, written as CSV, XLSX, vCard or a print view, and logged."""

import datetime

from django.contrib import messages
from django.db import connections
from django.db.models import DateField, F, QuerySet
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from directory.core.roles import Role, rate_limit, role_required

from . import merkliste, services, writers
from .cells import SpreadsheetText
from .forms import ExportForm
from .lists import LISTS
from .models import ExportLog

PRINT_LIMIT = 1000
CHUNK = 2000


def filtered(export_list, request):
    """The filterset of the list page for this request's query string (page and page size
    aside: an export holds every matching entry)."""
    view = export_list.view()
    view.setup(request)
    # Always bound (the list view leaves an empty query string unbound): no filters is a
    # valid choice, and the confirm page describes the cleaned filters.
    return view.get_filterset_class()(
        data=request.GET, request=request, queryset=view.get_queryset()
    )


@role_required(Role.COORDINATOR)
@rate_limit("NETZPOL_RATE_EXPORTS")
def export(request, list_key):
    export_list = LISTS.get(list_key)
    if export_list is None:
        raise Http404
    from_merkliste = export_list.key == merkliste.LIST_KEY and merkliste.is_source(request)
    filterset = filtered(export_list, request)
    query = request.GET.copy()
    query.pop("page", None)
    list_url = f"{export_list.list_url()}?{query.urlencode()}" if query else export_list.list_url()
    if from_merkliste:
        list_url = reverse("exports:merkliste")
    if not filterset.is_valid():
        messages.error(request, _("The filters are not valid; please correct them in the list."))
        return redirect(list_url)
    # The Merkliste (`?merkliste=1`) narrows the list like a filter: what the user may see.
    entries = merkliste.only_saved(request, filterset.qs) if from_merkliste else filterset.qs
    last = services.last_columns(request.user, export_list)
    form = ExportForm(
        export_list,
        request.POST or None,
        initial={
            "format": ExportLog.Format.CSV,
            "columns": last if last is not None else export_list.default_columns,
        },
    )
    count = entries.count()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.get("unique_emails"):
            entries = entries.one_per_email()
            count = entries.count()
        columns = [c for c in export_list.columns if c.key in data["columns"]]
        if data["format"] != ExportLog.Format.VCARD and not columns:
            form.add_error("columns", _("Choose at least one column."))
        elif data["format"] == ExportLog.Format.PRINT and count > PRINT_LIMIT:
            form.add_error(
                "format",
                _("A print view holds at most %(limit)s entries; narrow the filters.")
                % {"limit": PRINT_LIMIT},
            )
        else:
            services.log_export(
                request.user,
                export_list,
                entries,
                format=data["format"],
                query=query.urlencode(),
                columns=columns,
                row_count=count,
                purpose=data["purpose"],
            )
            return respond(request, export_list, entries, data, columns, count)
    source = [(_("Source"), _("Your Merkliste"))] if from_merkliste else []
    return render(
        request,
        "exports/confirm.html",
        {
            "form": form,
            "export_list": export_list,
            "count": count,
            "list_url": list_url,
            "filters": [*source, *describe(filterset)],
        },
    )


def describe(filterset):
    """The chosen filters as (label, text) pairs for the confirm page."""
    form = filterset.form
    described = []
    for name, value in form.cleaned_data.items():
        if name == "per_page" or value is None or value == "" or value == []:
            continue
        field = form.fields[name]
        if isinstance(value, QuerySet):
            if not value:
                continue
            text = ", ".join(str(item) for item in value)
        elif isinstance(value, bool):
            text = _("yes") if value else _("no")
        elif isinstance(value, datetime.date):
            text = date_format(value)
        else:
            labels = dict(_flat(getattr(field, "choices", [])))
            values = value if isinstance(value, list) else [value]
            text = ", ".join(str(labels.get(v, v)) for v in values)
        described.append((field.label, text))
    return described


def _flat(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat(label)
        else:
            yield key, label


def annotated(entries, columns, request):
    """The entries with each chosen column as an annotation, and the annotations' names."""
    names = [f"export_{column.key}" for column in columns]
    values = entries.prefetch_related(None).annotate(
        **{name: column.expression(request) for name, column in zip(names, columns, strict=True)}
    )
    return values, names


def rows(entries, columns, request):
    """The chosen columns of every entry, computed by the database and read in chunks from a
    server-side cursor: no model instances, constant memory."""
    values, names = annotated(entries, columns, request)
    return values.values_list(*names).iterator(chunk_size=CHUNK)


def csv_query(entries, columns, request):
    """SQL and parameters that select every cell as the CSV shows it: text, dates as
    DD.MM.YYYY, formula-like text neutralised."""
    values, names = annotated(entries, columns, request)
    cells = {
        f"{name}_text": SpreadsheetText(
            F(name), is_date=isinstance(values.query.annotations[name].output_field, DateField)
        )
        for name in names
    }
    return values.annotate(**cells).values_list(*cells).query.sql_with_params()


def xlsx_query(entries, columns, request):
    """SQL and parameters that select every cell as the XLSX writer takes it (dates as dates,
    text neutralised), and which columns are dates."""
    values, names = annotated(entries, columns, request)
    is_date = [isinstance(values.query.annotations[name].output_field, DateField) for name in names]
    cells = {
        f"{name}_cell": F(name) if date else SpreadsheetText(F(name))
        for name, date in zip(names, is_date, strict=True)
    }
    sql, params = values.annotate(**cells).values_list(*cells).query.sql_with_params()
    return sql, params, is_date


def cards(entries, export_list, request):
    """The entries' vCards, written by the database (see writers.vcards), in chunks."""
    card = export_list.card(request)
    rows = (
        entries.prefetch_related(None)
        .annotate(**{f"card_{name}": expression for name, expression in card.items()})
        .values_list("card_lines", "card_link", "card_rev")
    )
    sql, params = rows.query.sql_with_params()
    return writers.vcards(connections[entries.db], sql, params)


def filename(export_list, extension):
    return f"netzpol-{export_list.key}-{timezone.localdate():%Y-%m-%d}.{extension}"


def respond(request, export_list, entries, data, columns, count):
    kind = data["format"]
    header = [str(c.label) for c in columns]
    if kind == ExportLog.Format.CSV:
        sql, params = csv_query(entries, columns, request)
        response = StreamingHttpResponse(
            writers.csv_lines(header, connections[entries.db], sql, params, data["delimiter"]),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename(export_list, "csv")}"'
        return response
    if kind == ExportLog.Format.XLSX:
        sql, params, is_date = xlsx_query(entries, columns, request)
        # Columns as wide as the header or the longest value of the first rows.
        values, names = annotated(entries, columns, request)
        widths = writers.column_widths(header, values.values_list(*names)[: writers.SAMPLE_ROWS])
        handle = writers.xlsx_file(
            header, connections[entries.db], sql, params, is_date, widths, count
        )
        return FileResponse(
            handle,
            as_attachment=True,
            filename=filename(export_list, "xlsx"),
            content_type=writers.XLSX_TYPE,
        )
    if kind == ExportLog.Format.VCARD:
        response = StreamingHttpResponse(
            cards(entries, export_list, request), content_type="text/vcard; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename(export_list, "vcf")}"'
        return response
    attendance = data.get("layout") == "attendance"
    return render(
        request,
        "exports/print.html",
        {
            "export_list": export_list,
            "count": count,
            "event": {k: data.get(f"event_{k}") for k in ("title", "date", "place")},
            **writers.print_sheet(header, rows(entries, columns, request), attendance),
        },
    )
