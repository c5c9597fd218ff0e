"""The agreements list (status, dates) and the agreement page."""

import datetime

import pytest
from django.urls import reverse

from directory.agreements.models import Agreement
from tests.conftest import count_queries
from tests.factories import AgreementFactory, AgreementPartyFactory, PoliceUnitFactory, TopicFactory

pytestmark = pytest.mark.django_db
LIST = reverse("agreements:list")


def titles(response):
    return [a.title for a in response.context["object_list"]]


def test_status_and_signing_date_filters(member_client):
    AgreementFactory(title="Dortmund", signed_on=datetime.date(2024, 6, 4))
    AgreementFactory(
        title="Berlin", signed_on=datetime.date(2019, 3, 1), status=Agreement.Status.EXPIRED
    )
    AgreementFactory(title="Köln", signed_on=None, status=Agreement.Status.PREPARING)

    assert titles(member_client.get(LIST, {"status": ["active", "expired"]})) == [
        "Dortmund",
        "Berlin",
    ]
    assert titles(member_client.get(LIST, {"signed_after": "2020-01-01"})) == ["Dortmund"]
    assert titles(
        member_client.get(LIST, {"signed_after": "2018-01-01", "signed_before": "2020-12-31"})
    ) == ["Berlin"]


def test_public_sees_only_public_agreements(client, member):
    AgreementFactory(title="Öffentlich", is_public=True)
    internal = AgreementFactory(title="Intern", is_public=False)

    assert titles(client.get(LIST)) == ["Öffentlich"]
    assert client.get(internal.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(internal.get_absolute_url()).status_code == 200


def test_agreement_page_shows_parties_status_dates_and_formats(client):
    agreement = AgreementFactory(
        title="Kooperationsvereinbarung Dortmund",
        is_public=True,
        signed_on=datetime.date(2024, 6, 4),
        formats="Blick in die Polizei\nDialogforum",
        topics=[TopicFactory(name="Racial Profiling")],
    )
    party = AgreementPartyFactory(agreement=agreement, role="Koordination")
    unit = PoliceUnitFactory(name="Polizeipräsidium Dortmund")
    AgreementPartyFactory(agreement=agreement, organisation=None, police_unit=unit)

    html = client.get(agreement.get_absolute_url()).content.decode()

    assert f'href="{party.organisation.get_absolute_url()}"' in html
    assert f'href="{unit.get_absolute_url()}"' in html
    assert "Koordination" in html
    assert "<li>Blick in die Polizei</li>" in html
    assert "Racial Profiling" in html


def test_document_link_only_for_members(client, member):
    agreement = AgreementFactory(is_public=True, document="2024/vereinbarung.pdf")

    anonymous = client.get(agreement.get_absolute_url())
    client.force_login(member)
    as_member = client.get(agreement.get_absolute_url())

    assert agreement.document.url not in anonymous.content.decode()
    assert agreement.document.url in as_member.content.decode()


def test_list_costs_the_same_queries_for_5_and_50_rows(
    member_client, django_assert_max_num_queries
):
    topic = TopicFactory(name="Dialog")
    for _ in range(5):
        AgreementPartyFactory(agreement=AgreementFactory(topics=[topic]))
    at_five = count_queries(member_client, f"{LIST}?per_page=50")

    for _ in range(45):
        AgreementPartyFactory(agreement=AgreementFactory(topics=[topic]))
    with django_assert_max_num_queries(at_five):
        response = member_client.get(LIST, {"per_page": 50})
    assert len(response.context["object_list"]) == 50
