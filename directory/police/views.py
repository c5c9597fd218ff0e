from django.shortcuts import get_object_or_404, render

from directory.core.listing import DirectoryListView
from directory.core.roles import rate_limit

from .filters import PoliceUnitFilter
from .models import PoliceUnit
from .tree import subunit_contacts, unit_tree


class PoliceUnitListView(DirectoryListView):
    """The units as a paginated list or, with `view=tree`, as a tree of all matching units."""

    model = PoliceUnit
    filterset_class = PoliceUnitFilter

    def get_queryset(self):
        # In the order of the paths shown, not of paths with hidden units in them.
        return (
            super()
            .get_queryset()
            .select_related("jurisdiction")
            .with_names("topics")
            .order_by("shown_path")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.filterset.shows_tree:
            # All matching units, not the page (which the tree does not show).
            context["tree"] = unit_tree(self.object_list, self.request.user)
        return context


@rate_limit("NETZPOL_RATE_PAGES")
def police_unit_detail(request, pk):
    user = request.user
    units = PoliceUnit.objects.visible_to(user)
    unit = get_object_or_404(
        units.select_related("jurisdiction", "land").with_names("topics"), pk=pk
    )
    subunit_groups, more_subunit_contacts = subunit_contacts(unit, user)
    return render(
        request,
        "police/policeunit_detail.html",
        {
            "unit": unit,
            "ancestors": units.above(unit),
            "subunits": unit.subunits.visible_to(user).select_related("jurisdiction"),
            "contacts": unit.contacts.visible_to(user).with_details().alphabetical(),
            "subunit_groups": subunit_groups,
            "more_subunit_contacts": more_subunit_contacts,
            "agreements": unit.agreements.visible_to(user).with_parties(user),
        },
    )
