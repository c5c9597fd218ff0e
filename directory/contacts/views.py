from django.shortcuts import get_object_or_404, render

from directory.core.listing import DirectoryListView
from directory.core.roles import rate_limit

from .filters import ContactFilter
from .models import ContactPerson


class ContactListView(DirectoryListView):
    model = ContactPerson
    filterset_class = ContactFilter
    rows_by_role = True  # visible_to(user): by role (tests/contacts/test_list_rows.py)

    def get_queryset(self):
        return super().get_queryset().with_details()


@rate_limit("NETZPOL_RATE_PAGES")
def contact_detail(request, pk):
    contact = get_object_or_404(
        ContactPerson.objects.visible_to(request.user).with_details().with_names("languages"),
        pk=pk,
    )
    return render(request, "contacts/contactperson_detail.html", {"contact": contact})
