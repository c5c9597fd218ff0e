from django.contrib.auth.decorators import permission_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .models import Agreement


@permission_required("agreements.view_agreement", raise_exception=True)
def document(request, name):
    """Serve a signed document as a download, only to users allowed to see agreements."""
    agreement = get_object_or_404(Agreement, document=name)
    try:
        handle = agreement.document.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=name.rsplit("/", 1)[-1], content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
