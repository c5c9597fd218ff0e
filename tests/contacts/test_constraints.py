import pytest
from django.db import IntegrityError, transaction

from directory.contacts.models import ContactPerson, Visibility
from tests.factories import ContactPersonFactory, OrganisationFactory, PoliceUnitFactory

pytestmark = pytest.mark.django_db


def refused(**fields):
    with transaction.atomic(), pytest.raises(IntegrityError) as error:
        ContactPerson.objects.create(**fields)
    return str(error.value)


def test_contact_needs_exactly_one_affiliation():
    org, unit = OrganisationFactory(), PoliceUnitFactory()

    assert "contact_exactly_one_affiliation" in refused(last_name="Yılmaz")
    assert "contact_exactly_one_affiliation" in refused(
        last_name="Yılmaz", organisation=org, police_unit=unit
    )
    assert ContactPerson.objects.create(last_name="Yılmaz", police_unit=unit).affiliation == unit


def test_functional_contact_needs_a_functional_title():
    unit = PoliceUnitFactory()

    assert "contact_named_or_functional" in refused(police_unit=unit)
    mailbox = ContactPerson.objects.create(
        police_unit=unit, functional_title="Ansprechstelle LSBTI*"
    )
    assert mailbox.is_functional
    assert str(mailbox) == "Ansprechstelle LSBTI*"


def test_visibility_beyond_staff_needs_a_legal_basis():
    org = OrganisationFactory()

    assert "contact_visible_only_with_legal_basis" in refused(
        organisation=org, last_name="Nowak", visibility=Visibility.MEMBERS
    )
    staff_only = ContactPerson.objects.create(organisation=org, last_name="Nowak")
    assert staff_only.visibility == Visibility.STAFF


def admin_data(**overrides):
    data = {
        "first_name": "",
        "last_name": "",
        "functional_title": "",
        "visibility": "staff",
        "email": "",
    }
    data.update(overrides)
    return data


def test_admin_form_explains_each_constraint(curator_client):
    org, unit = OrganisationFactory(), PoliceUnitFactory()

    response = curator_client.post(
        "/admin/contacts/contactperson/add/",
        admin_data(organisation=org.pk, police_unit=unit.pk, visibility="members"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "gehört zu genau einer Organisation oder einer Polizeidienststelle" in page
    assert "Nachnamen oder, bei einem Funktionskontakt, eine Funktionsbezeichnung" in page
    assert "Einwilligung oder Rechtsgrundlage" in page
    assert not ContactPerson.objects.exists()


def test_admin_records_who_entered_the_consent(curator_client, curator):
    org = OrganisationFactory()

    response = curator_client.post(
        "/admin/contacts/contactperson/add/",
        admin_data(
            organisation=org.pk,
            last_name="Schröder",
            visibility="members",
            consent_given_on="2026-11-02",
            consent_basis="email",
        ),
    )

    assert response.status_code == 302
    contact = ContactPerson.objects.get(last_name="Schröder")
    assert contact.consent_recorded_by == curator
    assert contact.visibility == Visibility.MEMBERS


def test_deleting_an_organisation_deletes_its_contacts():
    contact = ContactPersonFactory()

    contact.organisation.delete()

    assert not ContactPerson.objects.filter(pk=contact.pk).exists()
