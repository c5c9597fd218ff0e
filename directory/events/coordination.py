"""What coordinators do with an event: build its invitation list from the directory, send the
invitations, record attendance, print the attendance list and export the invitations. Every
page shows and handles only the contacts the coordinator may see; the attendance screen and
list also hold the guests (registrations accepted with a place of their own)."""

import csv

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import F
from django.forms import modelformset_factory
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from directory.contacts.filters import ContactFilter
from directory.contacts.models import ContactPerson
from directory.core.roles import Role, rate_limit, role_required
from directory.core.sorting import german_sort_key
from directory.core.views import post_only
from directory.exports.cells import neutralise
from directory.exports.merkliste import saved_contacts
from directory.exports.models import ExportLog
from directory.exports.views import describe
from directory.exports.writers import BOM, print_sheet

from . import registration_services, services
from .models import Event, Invitation, Registration
from .views import visible_event

PREVIEW = 20
# Invitations sent per click: a request stays well within the server's timeout (about 1.5 s
# per 100 on the development machine); the page shows what is left and sending continues.
SEND_BATCH = 200


class SourceForm(forms.Form):
    from_event = forms.TypedChoiceField(
        label=gettext_lazy("Participants of another event"),
        coerce=int,
        required=False,
        empty_value=None,
    )
    merkliste = forms.BooleanField(
        label=gettext_lazy("My Merkliste (the contacts I picked by hand)"), required=False
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_event"].choices = [
            ("", _("– none: use the contact filters –")),
            *(
                (e.pk, f"{e.title} ({date_format(timezone.localdate(e.starts_at))})")
                for e in events
            ),
        ]


@role_required(Role.COORDINATOR)
@rate_limit("NETZPOL_RATE_EXPORTS")
def build_list(request, pk):
    """Choose contacts by the contacts list's filters, the coordinator's Merkliste or another
    event's participants,
    preview them (count and first names), then add them to the event's invitation list."""
    event = visible_event(request, pk)
    user = request.user
    others = Event.objects.visible_to(user).exclude(pk=event.pk).order_by("-starts_at")[:200]
    source = SourceForm(request.GET or None, events=others)
    filterset = ContactFilter(
        data=request.GET, request=request, queryset=ContactPerson.objects.visible_to(user)
    )
    contacts, described, label = None, [], ""
    if source.is_valid() and source.cleaned_data["from_event"]:
        other = next(e for e in others if e.pk == source.cleaned_data["from_event"])
        contacts = services.participants_of(other, user).alphabetical()
        label = _("participants of “%(event)s”") % {"event": other.title}
        described = [(source.fields["from_event"].label, other.title)]
    elif source.is_valid() and source.cleaned_data["merkliste"]:
        contacts = saved_contacts(user)
        label = _("Merkliste of %(user)s") % {"user": user.get_username()}
        described = [(source.fields["merkliste"].label, _("yes"))]
    elif source.is_bound and not source.is_valid():
        messages.error(request, _("Please choose one of the offered events."))
    elif filterset.is_valid() and filterset.is_filtered:
        contacts = filterset.qs
        described = describe(filterset)
        label = "; ".join(f"{name}: {value}" for name, value in described)
    elif not filterset.is_valid():
        messages.error(request, _("The filters are not valid; please correct them."))
    invitees = services.new_invitees(event, contacts) if contacts is not None else None
    count = invitees.count() if invitees is not None else 0
    if request.method == "POST":
        if not count:
            messages.error(request, _("There is nobody to add with these filters."))
        else:
            query = request.GET.copy()
            query.pop("page", None)
            added = services.add_invitations(
                event, invitees, user, query=query.urlencode(), source=label
            )
            messages.success(
                request,
                ngettext(
                    "%(count)d contact person added to the invitation list.",
                    "%(count)d contact persons added to the invitation list.",
                    added,
                )
                % {"count": added},
            )
            return redirect(event)
    return render(
        request,
        "events/build_list.html",
        {
            "event": event,
            "filter": filterset,
            "source": source,
            "described": described,
            "count": count,
            "preview": invitees.with_details()[:PREVIEW] if count else [],
            "query": request.GET.urlencode(),
        },
    )


@post_only
@role_required(Role.COORDINATOR)
@rate_limit("NETZPOL_RATE_EXPORTS")
def send(request, pk):
    event = visible_event(request, pk)
    if event.status == Event.Status.CANCELLED or event.is_past:
        messages.error(request, _("Invitations to a cancelled or past event are not sent."))
        return redirect(event)
    counts = services.send_invitations(event, limit=SEND_BATCH)
    if counts["sent"]:
        messages.success(
            request,
            ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", counts["sent"])
            % {"count": counts["sent"]},
        )
    if counts["failed"]:
        messages.error(
            request,
            ngettext(
                "%(count)d invitation could not be sent; sending again retries it.",
                "%(count)d invitations could not be sent; sending again retries them.",
                counts["failed"],
            )
            % {"count": counts["failed"]},
        )
    if not counts["sent"] and not counts["failed"]:
        messages.info(request, _("Every invitation on the list has already been sent."))
    return redirect(event)


class GivenAnswerForm(forms.Form):
    answer = forms.TypedChoiceField(
        choices=[(state.value, state.label) for state in services.GIVEN_ANSWERS],
        coerce=Invitation.State,
    )


@post_only
@role_required(Role.COORDINATOR)
def record_answer(request, pk, invitation_pk):
    """An answer an invitee gave by phone or mail, recorded as if given through their link
    (services.answer): an acceptance for a full event goes to the waiting list, a place given
    up moves the next one up. Only for invitees the coordinator may see, until the event
    starts."""
    event = visible_event(request, pk)
    invitation = get_object_or_404(visible_invitations(event, request.user), pk=invitation_pk)
    back = f"{event.get_absolute_url()}#invitations-heading"
    if event.status == Event.Status.CANCELLED or event.has_started:
        messages.error(
            request,
            _("Answers are recorded until the event starts; then record attendance instead."),
        )
        return redirect(back)
    form = GivenAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose one of the answers."))
        return redirect(back)
    state = services.answer(invitation, form.cleaned_data["answer"])
    name = invitation.contact.display_name
    if state == Invitation.State.WAITING:
        text = _("The event is fully booked: %(name)s is on the waiting list.")
    else:
        text = _("Answer of %(name)s recorded: %(answer)s.")
    messages.success(request, text % {"name": name, "answer": Invitation.State(state).label})
    return redirect(back)


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["attendance"]


AttendanceFormSet = modelformset_factory(Invitation, form=AttendanceForm, extra=0)


class GuestAttendanceForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["attendance"]


GuestAttendanceFormSet = modelformset_factory(Registration, form=GuestAttendanceForm, extra=0)
# The guests' forms are sent with the invitees' under their own prefix.
GUEST_PREFIX = "guest"


def visible_invitations(event, user):
    return (
        Invitation.objects.filter(event=event)
        .of_visible_contacts(user)
        .select_related("contact")
        .order_by("contact__last_name", "contact__first_name", "pk")
    )


@role_required(Role.COORDINATOR)
def attendance(request, pk):
    """Attendance in one screen, once the event has started."""
    event = visible_event(request, pk)
    if not event.has_started:
        messages.error(request, _("Attendance can be recorded once the event has started."))
        return redirect(event)
    invitations = visible_invitations(event, request.user).exclude(
        state=Invitation.State.DECLINED, attendance=""
    )
    formset = AttendanceFormSet(request.POST or None, queryset=invitations)
    guests = GuestAttendanceFormSet(
        request.POST or None,
        queryset=registration_services.guests_of(event),
        prefix=GUEST_PREFIX,
    )
    if request.method == "POST":
        # Both checked before either is saved: one submit, all or nothing.
        if all([formset.is_valid(), guests.is_valid()]):
            with transaction.atomic():
                formset.save()
                guests.save()
            if event.status != Event.Status.CANCELLED:
                event.status = Event.Status.HELD
                event.save(update_fields=["status", "updated_at"])
            messages.success(request, _("Attendance saved."))
            return redirect(event)
        messages.error(request, _("Please correct the marked entries."))
    return render(
        request, "events/attendance.html", {"event": event, "formset": formset, "guests": guests}
    )


def expected_contacts(event, user):
    """Contacts who accepted or might come, as `user` may see them, with their answer."""
    return (
        ContactPerson.objects.visible_to(user)
        .filter(
            invitations__event=event,
            invitations__state__in=[Invitation.State.ACCEPTED, Invitation.State.MAYBE],
        )
        .select_related("organisation", "police_unit")
        .alphabetical()
    )


@role_required(Role.COORDINATOR)
@rate_limit("NETZPOL_RATE_EXPORTS")
def attendance_sheet(request, pk):
    """The attendance list to print (A4, a signature column), as the exports print it."""
    event = visible_event(request, pk)
    contacts = list(expected_contacts(event, request.user))
    header = [_("Name"), _("Organisation / police unit"), _("Function")]
    # Invitees and guests (registrations with a place of their own) together, by name.
    people = [
        ((c.last_name or c.functional_title, c.first_name), c.display_name, str(c.affiliation), c)
        for c in contacts
    ] + [
        ((g.last_name, g.first_name), g.full_name, g.organisation_name, g)
        for g in registration_services.guests_of(event)
    ]
    people.sort(key=lambda p: (german_sort_key(p[0][0]), german_sort_key(p[0][1])))
    rows = [(name, affiliation, person.function) for _key, name, affiliation, person in people]
    services.log_event_export(
        request.user, event, ExportLog.Format.PRINT, len(rows), [c.pk for c in contacts]
    )
    starts = timezone.localtime(event.starts_at)
    return render(
        request,
        "exports/print.html",
        {
            "export_list": {"title": _("Attendance list")},
            "count": len(rows),
            "event": {
                "title": event.title,
                "date": date_format(starts, "DATETIME_FORMAT"),
                "place": event.place or event.online_url,
            },
            **print_sheet(header, rows, attendance=True),
        },
    )


class _Line:
    def write(self, value):
        return value


@role_required(Role.COORDINATOR)
@rate_limit("NETZPOL_RATE_EXPORTS")
def invitations_csv(request, pk):
    """The invitations with their answers and attendance, as CSV that German Excel opens
    (UTF-8 with BOM, `;`, every cell quoted, formula-like text neutralised)."""
    event = visible_event(request, pk)
    contacts = (
        ContactPerson.objects.visible_to(request.user)
        .filter(invitations__event=event)
        .select_related("organisation", "police_unit")
        .annotate(
            invitation_state=F("invitations__state"),
            invitation_answered=F("invitations__answered_at"),
            invitation_attendance=F("invitations__attendance"),
            invitation_note=F("invitations__note"),
        )
        .alphabetical()
    )
    states = dict(Invitation.State.choices)
    presence = dict(Invitation.Attendance.choices)
    header = [
        _("Name"),
        _("Function"),
        _("Organisation / police unit"),
        _("Email"),
        _("Answer"),
        _("Answered at"),
        _("Attendance"),
        _("Note"),
    ]
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    lines = [BOM + writer.writerow([neutralise(h) for h in header])]
    ids = []
    for c in contacts:
        ids.append(c.pk)
        answered = c.invitation_answered
        cells = [
            c.display_name,
            c.function,
            str(c.affiliation),
            c.email,
            str(states.get(c.invitation_state, c.invitation_state)),
            timezone.localtime(answered).strftime("%d.%m.%Y %H:%M") if answered else "",
            str(presence.get(c.invitation_attendance, "")),
            c.invitation_note,
        ]
        lines.append(writer.writerow([neutralise(cell) for cell in cells]))
    services.log_event_export(request.user, event, ExportLog.Format.CSV, len(ids), ids)
    response = HttpResponse("".join(lines).encode(), content_type="text/csv; charset=utf-8")
    name = f"netzpol-veranstaltung-{event.pk}-einladungen.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
