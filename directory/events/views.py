from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from directory.agreements.models import Agreement
from directory.core.listing import DirectoryListView
from directory.core.roles import Role, rate_limit, role_of
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project

from . import registration_services, services
from .filters import EventFilter
from .models import Event, EventDocument, Invitation


class EventListView(DirectoryListView):
    model = Event
    filterset_class = EventFilter

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .defer("search_vector")
            .select_related("format", "region")
            .with_topic_names()
        )


def visible_event(request, pk):
    """The event, if `request.user` may see it, with what its page shows."""
    user = request.user
    return get_object_or_404(
        Event.objects.visible_to(user)
        .select_related("format", "series", "region", "agreement")
        .with_topic_names()
        .prefetch_related(
            Prefetch("organisations", queryset=Organisation.objects.visible_to(user)),
            Prefetch("police_units", queryset=PoliceUnit.objects.visible_to(user)),
            Prefetch("projects", queryset=Project.objects.visible_to(user).defer("search_vector")),
        ),
        pk=pk,
    )


@rate_limit("NETZPOL_RATE_PAGES")
def event_detail(request, pk):
    event = visible_event(request, pk)
    role = role_of(request.user)
    context = {
        "event": event,
        "documents": EventDocument.objects.visible_to(request.user).filter(event=event),
        "may_manage": role >= Role.COORDINATOR,
        "agreement_visible": event.agreement_id is not None
        and Agreement.objects.visible_to(request.user).filter(pk=event.agreement_id).exists(),
    }
    if role >= Role.COORDINATOR:
        all_invitations = Invitation.objects.filter(event=event)
        invitations = (
            all_invitations.of_visible_contacts(request.user)
            .select_related("contact", "contact__organisation", "contact__police_unit")
            .order_by("contact__last_name", "contact__first_name", "pk")
        )
        states, attendance = invitations.counts()
        context |= {
            "invitations": invitations,
            "state_counts": [
                (label, states.get(value, 0)) for value, label in Invitation.State.choices
            ],
            "attendance_counts": [
                (label, attendance.get(value, 0)) for value, label in Invitation.Attendance.choices
            ],
            "hidden_invitations": all_invitations.count() - sum(states.values()),
            # Answers given by phone or mail, until the event starts (then: attendance).
            "may_record_answers": event.status != Event.Status.CANCELLED and not event.has_started,
            "given_answers": [(state.value, state.label) for state in services.GIVEN_ANSWERS],
            "progress": services.sending_progress(event),
            "registrations": registration_services.accepted_for(event),
        }
    return render(request, "events/event_detail.html", context)


@rate_limit("NETZPOL_RATE_PAGES")
def document(request, name):
    """Serve an event document as a download, to those who may see it and its event."""
    document = get_object_or_404(EventDocument.objects.visible_to(request.user), file=name)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=name.rsplit("/", 1)[-1], content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
