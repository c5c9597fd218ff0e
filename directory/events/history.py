"""Participation history at the end of contact, organisation and police unit pages
("Teilnahme an Austauschformaten"), and the events that presented a project, registered with
core (registry.add_entry_action)."""

from django.template.loader import render_to_string

from directory.contacts.models import ContactPerson
from directory.core.roles import Role, role_of
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project

from .models import Event, Invitation

SHOWN = 20


def participation_history(request, entry):
    """HTML for the end of an entry's page, or "" when there is nothing the user may see."""
    user = request.user
    if isinstance(entry, ContactPerson):
        # Who was invited and came is personal data: coordinators and the office only.
        if role_of(user) < Role.COORDINATOR:
            return ""
        invitations = (
            Invitation.objects.filter(
                contact=entry, event__in=Event.objects.visible_to(user).values("pk")
            )
            .select_related("event", "event__format")
            .order_by("-event__starts_at")[:SHOWN]
        )
        if not invitations:
            return ""
        return render_to_string(
            "events/participation.html", {"invitations": invitations}, request=request
        )
    if isinstance(entry, Organisation | PoliceUnit):
        events = (
            Event.objects.visible_to(user)
            .organised_by(entry)
            .select_related("format")
            .order_by("-starts_at")[:SHOWN]
        )
        if not events:
            return ""
        return render_to_string("events/organised.html", {"events": events}, request=request)
    if isinstance(entry, Project):
        events = (
            Event.objects.visible_to(user)
            .filter(projects=entry)
            .select_related("format")
            .order_by("-starts_at")[:SHOWN]
        )
        if not events:
            return ""
        return render_to_string("events/presented.html", {"events": events}, request=request)
    return ""
