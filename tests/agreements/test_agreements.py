import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from directory.agreements.models import Agreement, AgreementParty
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_valid_until_before_valid_from_is_refused():
    with transaction.atomic(), pytest.raises(IntegrityError, match="agreement_valid_until"):
        AgreementFactory(
            valid_from=datetime.date(2024, 6, 4), valid_until=datetime.date(2024, 6, 3)
        )
    assert AgreementFactory(
        valid_from=datetime.date(2024, 6, 4), valid_until=datetime.date(2024, 6, 4)
    )


def test_party_is_an_organisation_or_a_police_unit_not_both():
    agreement = AgreementFactory()
    with transaction.atomic(), pytest.raises(IntegrityError, match="agreement_party_exactly_one"):
        AgreementParty.objects.create(
            agreement=agreement, organisation=OrganisationFactory(), police_unit=PoliceUnitFactory()
        )
    with transaction.atomic(), pytest.raises(IntegrityError, match="agreement_party_exactly_one"):
        AgreementParty.objects.create(agreement=agreement)


def test_the_same_organisation_cannot_sign_twice():
    party = AgreementPartyFactory()
    with transaction.atomic(), pytest.raises(IntegrityError, match="unique_organisation"):
        AgreementParty.objects.create(agreement=party.agreement, organisation=party.organisation)


def agreement_form(**overrides):
    data = {
        "title": "Kooperationsvereinbarung Dialog",
        "status": "active",
        "signed_on": "2024-06-04",
        "valid_from": "2024-06-04",
        "valid_until": "",
        "goals": "",
        "formats": "",
        "parties-TOTAL_FORMS": "0",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def with_parties(data, *parties):
    data["parties-TOTAL_FORMS"] = str(len(parties))
    for index, (field, pk) in enumerate(parties):
        data[f"parties-{index}-{field}"] = pk
    return data


def test_admin_saves_an_agreement_with_its_parties(curator_client):
    org, unit = OrganisationFactory(), PoliceUnitFactory()

    response = curator_client.post(
        "/admin/agreements/agreement/add/",
        with_parties(agreement_form(), ("organisation", org.pk), ("police_unit", unit.pk)),
    )

    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert list(agreement.organisations.all()) == [org]
    assert list(agreement.police_units.all()) == [unit]


def test_admin_requires_a_police_unit_and_an_organisation(curator_client):
    org = OrganisationFactory()

    response = curator_client.post(
        "/admin/agreements/agreement/add/", with_parties(agreement_form(), ("organisation", org.pk))
    )

    assert response.status_code == 200
    assert "mindestens eine Polizeidienststelle und mindestens eine Organisation" in (
        response.content.decode()
    )
    assert not Agreement.objects.exists()


def post_with_both_parties(client, **fields):
    """Submit the admin add form with one organisation and one police unit as parties."""
    org, unit = OrganisationFactory(), PoliceUnitFactory()
    data = with_parties(
        agreement_form(**fields), ("organisation", org.pk), ("police_unit", unit.pk)
    )
    return client.post("/admin/agreements/agreement/add/", data)


def test_admin_explains_dates_in_the_wrong_order(curator_client):
    response = post_with_both_parties(
        curator_client, valid_from="2025-01-01", valid_until="2024-12-31"
    )

    assert "„Gültig bis“ darf nicht vor „gültig ab“ liegen." in response.content.decode()
    assert not Agreement.objects.exists()


def test_admin_refuses_a_document_that_is_not_a_pdf(curator_client):
    fake = SimpleUploadedFile("vereinbarung.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")

    response = post_with_both_parties(curator_client, document=fake)

    assert "Nur PDF-Dokumente können hochgeladen werden." in response.content.decode()
    assert not Agreement.objects.exists()


def test_admin_refuses_a_document_over_the_size_limit(curator_client, settings):
    settings.NETZPOL_MAX_DOCUMENT_BYTES = 20
    big = SimpleUploadedFile("gross.pdf", PDF, "application/pdf")

    response = post_with_both_parties(curator_client, document=big)

    assert "höchstens 20" in response.content.decode()
    assert not Agreement.objects.exists()


def test_signed_document_is_served_only_to_members(client, curator_client, member):
    response = post_with_both_parties(
        curator_client, document=SimpleUploadedFile("vereinbarung.pdf", PDF)
    )
    assert response.status_code == 302
    url = Agreement.objects.get().document.url
    assert url.startswith("/vereinbarungen/dokument/")

    download = curator_client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")

    client.force_login(member)
    assert client.get(url).status_code == 200
    client.force_login(UserFactory(username="ohne-rolle"))
    assert client.get(url).status_code == 403
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/konto/login/")
