"""The attendance list of an event as CSV or XLSX: the people of the attendance screen, with
the contact list's columns (as the contacts export writes them) and their answer and
attendance; among them, by name, the guests (registrations with a place of their own), in
the columns they have. Written and logged by the exports app's writers, like every export."""

from django.db import connections
from django.db.models import F, Value
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from directory.contacts.models import ContactPerson
from directory.core.roles import Role, rate_limit, role_required
from directory.core.sorting import GermanKey
from directory.exports import services as export_services
from directory.exports import writers
from directory.exports.cells import SpreadsheetText
from directory.exports.lists import LISTS, Column, ExportList, label_of
from directory.exports.models import ExportLog
from directory.exports.views import annotated, csv_query, filename, xlsx_query

from . import registration_services, services
from .coordination import visible_invitations
from .models import Invitation
from .views import visible_event

# The contact list's columns an attendance list takes, in this order.
CONTACT_COLUMNS = [
    "last_name",
    "first_name",
    "functional_title",
    "function",
    "affiliation",
    "email",
]
FORMATS = {"csv": ExportLog.Format.CSV, "xlsx": ExportLog.Format.XLSX}


def attendance_invitations(event, user):
    """The invitations the attendance screen shows: every contact `user` may see, except
    those who declined and of whom no attendance was recorded."""
    return visible_invitations(event, user).exclude(state=Invitation.State.DECLINED, attendance="")


def attendance_list(event):
    """What an attendance export of `event` is: the contact list's columns, then the answer
    and the attendance of the invitation (of this event: the rows are joined to it once)."""
    contacts = LISTS["ansprechpersonen"]
    by_key = {column.key: column for column in contacts.columns}
    return ExportList(
        key=f"veranstaltung-{event.pk}-teilnahme"[:40],
        title=_("Attendance list"),
        list_url_name="events:list",
        model_has_people=True,
        columns=[
            *(by_key[key] for key in CONTACT_COLUMNS),
            Column("answer", _("Answer"), label_of("invitations__state", Invitation.State)),
            Column(
                "attendance",
                _("Attendance"),
                label_of("invitations__attendance", Invitation.Attendance, neutral=""),
            ),
        ],
    )


def attendance_entries(event, user):
    """The contacts of the attendance list, alphabetical; each row joined to its invitation of
    `event` (one filter, one join: the answer and attendance columns read that join)."""
    return (
        ContactPerson.objects.visible_to(user)
        .filter(invitations__in=attendance_invitations(event, user).values("pk"))
        .alphabetical()
    )


def guest_rows(event, columns, request):
    """The guests' cells in the attendance list's columns, as text the writers take
    (neutralised); what a guest does not have (a functional title) stays empty."""
    sources = {
        "last_name": F("last_name"),
        "first_name": F("first_name"),
        "function": F("function"),
        "affiliation": F("organisation_name"),
        "email": F("email"),
        "answer": Value(str(_("Guest (registration)"))),
        "attendance": label_of("attendance", Invitation.Attendance, neutral="")(request),
    }
    cells = {
        f"guest_{index}": SpreadsheetText(sources.get(column.key, Value("")))
        for index, column in enumerate(columns)
    }
    return registration_services.guests_of(event).annotate(**cells).values_list(*cells)


def by_name(query, columns):
    """SQL: the rows of `query` (invitees and guests, cells as written) in German order by
    name, as the contact lists and the printed attendance list sort them."""
    cell = {column.key: f"c{index}" for index, column in enumerate(columns)}
    name = f"coalesce(nullif({cell['last_name']}, ''), {cell['functional_title']})"
    order = ", ".join(
        f"{GermanKey.template % {'expressions': key}}, {key}" for key in (name, cell["first_name"])
    )
    aliases = ", ".join(cell.values())
    return f"SELECT * FROM ({query}) AS attendance({aliases}) ORDER BY {order}"  # noqa: S608


def respond(request, export_list, entries, guests, kind, columns, count):
    """The invitees' rows (as the exports write a contact list) and the guests', by name; one
    query, streamed by the database as every export is."""
    header = [str(column.label) for column in columns]
    guest_sql, guest_params = guests.query.sql_with_params()
    connection = connections[entries.db]
    if kind == ExportLog.Format.CSV:
        sql, params = csv_query(entries, columns, request)
        query = by_name(f"({sql}) UNION ALL ({guest_sql})", columns)
        response = StreamingHttpResponse(
            writers.csv_lines(header, connection, query, (*params, *guest_params), ";"),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename(export_list, "csv")}"'
        return response
    sql, params, is_date = xlsx_query(entries, columns, request)
    query = by_name(f"({sql}) UNION ALL ({guest_sql})", columns)
    values, names = annotated(entries, columns, request)
    sample = [
        *values.values_list(*names)[: writers.SAMPLE_ROWS],
        *guests[: writers.SAMPLE_ROWS],
    ]
    handle = writers.xlsx_file(
        header,
        connection,
        query,
        (*params, *guest_params),
        is_date,
        writers.column_widths(header, sample),
        count,
    )
    return FileResponse(
        handle,
        as_attachment=True,
        filename=filename(export_list, "xlsx"),
        content_type=writers.XLSX_TYPE,
    )


@require_GET
@role_required(Role.COORDINATOR)
@rate_limit("NETZPOL_RATE_EXPORTS")
def attendance_export(request, pk, kind):
    """The attendance list as CSV (German Excel: UTF-8 with BOM, `;`) or XLSX; the same people
    and roles as the attendance screen, formula-like text neutralised, logged as an export."""
    if kind not in FORMATS:
        raise Http404
    event = visible_event(request, pk)
    export_list = attendance_list(event)
    entries = attendance_entries(event, request.user)
    columns = export_list.columns
    guests = guest_rows(event, columns, request)
    # Every row is counted; only the invitees are contact persons, logged by id.
    count = entries.count() + guests.count()
    export_services.log_export(
        request.user,
        export_list,
        entries,
        format=FORMATS[kind],
        query=f"event={event.pk}",
        columns=columns,
        row_count=count,
        purpose=services.office_text(str(export_list.title), event),
    )
    return respond(request, export_list, entries, guests, FORMATS[kind], columns, count)
