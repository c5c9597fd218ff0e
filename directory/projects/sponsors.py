"""The projects of an organisation or police unit at the end of its page, registered with core
(registry.add_entry_action): the entity apps do not know projects exist."""

from django.template.loader import render_to_string

from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from .models import Project

SHOWN = 20


def projects_of_entry(request, entry):
    """HTML for the end of an entry's page, or "" when it has no project the user may see."""
    if not isinstance(entry, Organisation | PoliceUnit):
        return ""
    projects = list(
        Project.objects.visible_to(request.user)
        .of_entry(entry)
        .defer("search_vector")
        .with_parties(request.user)
        .order_by("-starts_on", "title", "pk")[:SHOWN]
    )
    if not projects:
        return ""
    return render_to_string("projects/entry_projects.html", {"projects": projects}, request=request)
