from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from directory.core.listing import DirectoryListView
from directory.core.roles import Role, rate_limit, role_of, role_required

from .filters import AgreementFilter
from .models import Agreement


class AgreementListView(DirectoryListView):
    model = Agreement
    filterset_class = AgreementFilter

    def get_queryset(self):
        return super().get_queryset().with_parties(self.request.user)


@rate_limit("NETZPOL_RATE_PAGES")
def agreement_detail(request, pk):
    agreement = get_object_or_404(
        Agreement.objects.visible_to(request.user).with_party_entries(request.user), pk=pk
    )
    return render(
        request,
        "agreements/agreement_detail.html",
        {
            "agreement": agreement,
            "may_download": bool(agreement.document) and role_of(request.user) >= Role.MEMBER,
        },
    )


@role_required(Role.MEMBER)
def document(request, name):
    """Serve a signed document as a download, to members who may see the agreement."""
    agreement = get_object_or_404(Agreement.objects.visible_to(request.user), document=name)
    try:
        handle = agreement.document.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=name.rsplit("/", 1)[-1], content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
