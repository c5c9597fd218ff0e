"""Erasing a contact's personal data first shows what will go and asks; nothing happens before
the curator confirms (as Django's delete confirmation)."""

import pytest
from django.urls import reverse

from directory.contacts.models import ContactPerson
from directory.reviews.models import Anonymisation
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:contacts_contactperson_changelist")


@pytest.fixture
def contacts():
    org = OrganisationFactory(name="Beratungsstelle Nord")
    return [
        ContactPersonFactory(
            organisation=org, first_name="Aylin", last_name="Kaya", email="kaya@example.org",
            phone="0231 555 01", staff_notes="bedroht",
        ),
        ContactPersonFactory(
            organisation=org, first_name="Jonas", last_name="Berg", email="berg@example.org",
        ),
    ]  # fmt: skip


def test_erasure_first_lists_the_entries_and_their_personal_data_and_changes_nothing(
    curator_client, contacts
):
    response = curator_client.post(
        CHANGELIST, {"action": "erase", "_selected_action": [c.pk for c in contacts]}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Möchten Sie die personenbezogenen Daten dieser 2 Ansprechpersonen wirklich" in html
    for text in ("Aylin Kaya", "Beratungsstelle Nord", "kaya@example.org", "0231 555 01",
                 "bedroht", "Jonas Berg", "berg@example.org", "Notizen (nur Geschäftsstelle)",
                 "Ja, personenbezogene Daten löschen", 'name="post" value="yes"'):  # fmt: skip
        assert text in html, text
    assert html.count('name="_selected_action"') == 2
    assert not Anonymisation.objects.exists()
    assert ContactPerson.objects.get(pk=contacts[0].pk).email == "kaya@example.org"


def test_erasure_runs_only_for_the_confirmed_selection(curator_client, contacts):
    kaya, berg = contacts

    response = curator_client.post(
        CHANGELIST, {"action": "erase", "_selected_action": [kaya.pk], "post": "yes"}
    )

    assert response.status_code == 302
    kaya.refresh_from_db()
    berg.refresh_from_db()
    assert kaya.email == kaya.last_name == kaya.staff_notes == ""
    assert berg.email == "berg@example.org"
    record = Anonymisation.objects.get()
    assert record.contact_id == kaya.pk
    assert record.reason == "Löschung durch die Redaktion (Art. 17 DSGVO)"
