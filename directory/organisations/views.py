from django.shortcuts import get_object_or_404, render

from directory.core.listing import DirectoryListView
from directory.core.roles import rate_limit
from directory.core.sorting import german_sort_key

from .filters import OrganisationFilter
from .models import Organisation


class OrganisationListView(DirectoryListView):
    model = Organisation
    filterset_class = OrganisationFilter

    def get_queryset(self):
        return super().get_queryset().select_related("land").with_names("topics")


@rate_limit("NETZPOL_RATE_PAGES")
def organisation_detail(request, pk):
    user = request.user
    organisation = get_object_or_404(
        Organisation.objects.visible_to(user)
        .select_related("land")
        .with_names("topics", "regions", "languages"),
        pk=pk,
    )
    agreements = list(organisation.agreements.visible_to(user).with_party_entries(user))
    # Each police unit once, named as the user may read it (see AgreementParty.__str__).
    police_parties = {
        party.police_unit_id: party
        for agreement in agreements
        for party in agreement.parties.all()
        if party.police_unit_id
    }
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "contacts": organisation.contacts.visible_to(user).with_details().alphabetical(),
            "agreements": agreements,
            "police_parties": sorted(police_parties.values(), key=german_sort_key),
        },
    )
