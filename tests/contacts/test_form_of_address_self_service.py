"""The listed person sees their form of address by its label on their confirmation page and
may correct it themselves (e.g. to neutral), like their name."""

import pytest
from django.urls import reverse

from directory.reviews import services
from directory.reviews.models import CorrectionRequest
from tests.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    return ContactPersonFactory(
        form_of_address="frau", title="Dr.", first_name="Aylin", last_name="Kaya",
        email="kaya@example.org",
    )  # fmt: skip


def test_the_confirmation_page_shows_the_form_of_address_by_its_label(client, contact):
    page = client.get(reverse("reviews:confirm", kwargs={"token": services.token_for(contact)}))

    html = page.content.decode()
    assert "Anrede" in html
    assert "Frau" in html
    assert ">frau<" not in html
    assert "Dr." in html


def test_the_person_may_ask_to_be_addressed_neutrally(client, contact):
    url = reverse("reviews:correct", kwargs={"token": services.token_for(contact)})
    form = {name: getattr(contact, name) for name in services.REVIEWABLE["contact"].fields}
    form.update(form_of_address="", message="Bitte ohne Frau/Herr")

    response = client.post(url, form)

    assert response.status_code == 302
    assert CorrectionRequest.objects.get().proposed == {"form_of_address": ""}
