from email.utils import parseaddr

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone

from directory.contacts.models import ContactPerson
from directory.core.spam import rate_limited

from . import services
from .forms import OfficeRequestForm
from .models import OfficeRequest

RATE = "NETZPOL_RATE_REQUESTS"


def contact_request(request):
    """ "Kontakt aufnehmen": the public form; a valid request is stored and confirmed by mail."""
    limited = False
    if request.method == "POST":
        form = OfficeRequestForm(request.POST)
        limited = rate_limited(request, RATE)
        if not limited and form.is_valid():
            office_request = create_request(form.cleaned_data)
            services.send_confirmation(office_request)
            return redirect("office_requests:thanks")
        form.renew_token()
    else:
        form = OfficeRequestForm()
    return render(
        request,
        "requests/contact_form.html",
        {
            "form": form,
            "limited": limited,
            "office_email": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
        },
        status=429 if limited else 400 if form.is_bound else 200,
    )


@transaction.atomic
def create_request(data):
    conflict = data["reason"] == OfficeRequest.Reason.CONFLICT
    office_request = OfficeRequest.objects.create(
        reason=data["reason"],
        region=data["region"],
        name=data["name"],
        # A conflict request holds only what the office needs to answer it.
        organisation="" if conflict else data["organisation"],
        email=data["email"],
        phone=data["phone"],
        message=data["message"],
        consent_at=timezone.now(),
        requester=ContactPerson.objects.filter(email__iexact=data["email"]).order_by("pk").first(),
    )
    if not conflict and data["topics"]:
        office_request.topics.set(data["topics"])
    return office_request


def thanks(request):
    return render(request, "requests/thanks.html")
