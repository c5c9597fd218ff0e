from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from directory.contacts.models import ContactPerson
from directory.core.listing import DirectoryListView
from directory.core.roles import rate_limit

from .filters import ProjectFilter
from .models import Project, ProjectParty


class ProjectListView(DirectoryListView):
    model = Project
    filterset_class = ProjectFilter

    def get_queryset(self):
        return super().get_queryset().with_parties(self.request.user)


@rate_limit("NETZPOL_RATE_PAGES")
def project_detail(request, pk):
    user = request.user
    parties = (
        ProjectParty.objects.visible_to(user)
        .named_for(user)
        .select_related("organisation", "police_unit")
        .defer("organisation__search_vector", "police_unit__search_vector")
    )
    project = get_object_or_404(
        Project.objects.visible_to(user)
        .defer("search_vector")
        .with_names("topics", "regions")
        .prefetch_related(
            Prefetch("parties", queryset=parties),
            Prefetch(
                "contacts",
                queryset=ContactPerson.objects.visible_to(user).with_details().alphabetical(),
            ),
        ),
        pk=pk,
    )
    all_parties = project.parties.all()
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "sponsors": [p for p in all_parties if p.role == ProjectParty.Role.SPONSOR],
            "partners": [p for p in all_parties if p.role == ProjectParty.Role.PARTNER],
            "contacts": project.contacts.all(),
        },
    )
