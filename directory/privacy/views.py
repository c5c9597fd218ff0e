import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from directory.contacts.models import ContactPerson
from directory.core.roles import Role, role_required

from .report import processing_record, readable_report, subject_access_report


@role_required(Role.CURATOR)
def subject_access(request, pk):
    """The report as a page, or with ?format=json as a download for the person."""
    # The affiliation as stored: a police unit with every superior unit.
    contact = get_object_or_404(ContactPerson.objects.with_full_paths(), pk=pk)
    if request.GET.get("format") == "json":
        report = subject_access_report(contact)
        response = HttpResponse(
            json.dumps(report, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        name = f"auskunft-ansprechperson-{contact.pk}-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    report = readable_report(contact)
    return render(request, "privacy/subject_access.html", {"contact": contact, "report": report})


@role_required(Role.CURATOR)
def record_of_processing(request):
    return render(request, "privacy/processing_record.html", {"record": processing_record()})
