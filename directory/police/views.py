from django.shortcuts import get_object_or_404, render

from directory.core.listing import DirectoryListView
from directory.core.roles import rate_limit

from .filters import PoliceUnitFilter
from .models import PoliceUnit


class PoliceUnitListView(DirectoryListView):
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


@rate_limit("NETZPOL_RATE_PAGES")
def police_unit_detail(request, pk):
    user = request.user
    units = PoliceUnit.objects.visible_to(user)
    unit = get_object_or_404(
        units.select_related("jurisdiction", "land").with_names("topics"), pk=pk
    )
    return render(
        request,
        "police/policeunit_detail.html",
        {
            "unit": unit,
            "ancestors": units.above(unit),
            "subunits": unit.subunits.visible_to(user).select_related("jurisdiction"),
            "contacts": unit.contacts.visible_to(user).with_details().alphabetical(),
            "agreements": unit.agreements.visible_to(user).with_parties(user),
        },
    )
