"""Members report an error on an entry's page ("Fehler melden"): a correction request for the
office, from a small form; nobody else sees the form or may send one."""

import pytest
from django.urls import reverse

from directory.reviews.models import CorrectionRequest
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    return ContactPersonFactory(last_name="Yılmaz", visibility="public", phone="0231 123")


def report_url(kind, entry):
    return reverse("reviews:report", args=[kind, entry.pk])


def test_members_see_the_form_on_detail_pages_the_public_does_not(client, member, contact):
    anonymous = client.get(contact.get_absolute_url()).content.decode()
    client.force_login(member)
    as_member = client.get(contact.get_absolute_url()).content.decode()
    organisation = client.get(contact.organisation.get_absolute_url()).content.decode()

    assert "Fehler melden" not in anonymous
    assert "Fehler melden" in as_member
    assert f'action="{report_url("contact", contact)}"' in as_member
    assert f'action="{report_url("organisation", contact.organisation)}"' in organisation


def test_a_report_becomes_an_open_correction_request_naming_the_reporter(client, member, contact):
    member.first_name, member.last_name = "Kim", "Weber"
    member.save()
    client.force_login(member)

    response = client.post(
        report_url("contact", contact), {"message": "Die Telefonnummer ist seit Mai 0231 999."}
    )

    assert response.status_code == 302
    assert response["Location"] == contact.get_absolute_url()
    request = CorrectionRequest.objects.get()
    assert (request.entry_kind, request.entry_id) == ("contact", contact.pk)
    assert request.kind == CorrectionRequest.Kind.CORRECTION
    assert request.status == CorrectionRequest.Status.OPEN
    assert request.proposed == {}
    assert "Kim Weber" in request.message
    assert "mitglied@example.org" in request.message
    assert "seit Mai 0231 999" in request.message
    contact.refresh_from_db()
    assert contact.phone == "0231 123"  # nothing changes until a curator applies it
    assert "Danke" in client.get(contact.get_absolute_url()).content.decode()


def test_an_empty_report_shows_the_form_again(client, member, contact):
    client.force_login(member)

    response = client.post(report_url("contact", contact), {"message": " "})

    assert response.status_code == 200
    assert response.context["form"].errors["message"]
    assert not CorrectionRequest.objects.exists()


def test_only_members_may_report_and_only_what_they_see(client, member, contact):
    hidden = ContactPersonFactory(visibility="staff", consent_basis="")
    anonymous = client.post(report_url("contact", contact), {"message": "Falsche Nummer"})
    client.force_login(member)
    invisible = client.post(report_url("contact", hidden), {"message": "Falsche Nummer"})
    unknown_kind = client.post(
        reverse("reviews:report", args=["vereinbarung", contact.pk]), {"message": "Falsch"}
    )

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/konto/login/")
    assert invisible.status_code == 404
    assert unknown_kind.status_code == 404
    assert not CorrectionRequest.objects.exists()


def test_organisations_can_be_reported_too(client, member):
    organisation = OrganisationFactory(name="Verein Süd")
    client.force_login(member)

    client.post(report_url("organisation", organisation), {"message": "Neue Adresse seit 2026"})

    assert CorrectionRequest.objects.get().entry_kind == "organisation"
