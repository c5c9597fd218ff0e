"""The attendance list of an event as CSV or XLSX: the people of the attendance screen, with
the contact list's columns (as the contacts export writes them) and their answer and
attendance. Written and logged by the exports app's writers, like every export."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from directory.contacts.models import ContactPerson
from directory.core.roles import Role, rate_limit, role_required
from directory.exports import services as export_services
from directory.exports.lists import LISTS, Column, ExportList, label_of
from directory.exports.models import ExportLog
from directory.exports.views import respond

from . import services
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
    count = entries.count()
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
    data = {"format": FORMATS[kind], "delimiter": ";"}
    return respond(request, export_list, entries, data, columns, count)
