"""The agreements list (status, dates) and the agreement page."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from directory.agreements.models import Agreement
from directory.police.models import PoliceUnit
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


@pytest.fixture
def agreement_with_hidden_parties():
    """A public agreement signed by a public and a hidden organisation, a hidden police unit
    and a public subunit of it."""
    agreement = AgreementFactory(title="Vereinbarung Nordstadt", is_public=True)
    lka = PoliceUnitFactory(name="Landeskriminalamt Nord", kind=PoliceUnit.Kind.LKA)
    hidden_unit = PoliceUnitFactory(name="Einheit Tarnkappe", parent=lka, is_public=False)
    office = PoliceUnitFactory(name="Ansprechstelle LSBTI", parent=hidden_unit)
    AgreementPartyFactory(agreement=agreement, organisation__name="Verein Lichtblick")
    AgreementPartyFactory(
        agreement=agreement, organisation__name="Verein Schattenriss", organisation__is_public=False
    )
    for unit in (hidden_unit, office):
        AgreementPartyFactory(agreement=agreement, organisation=None, police_unit=unit)
    return agreement, hidden_unit


def test_public_agreement_does_not_name_hidden_parties_to_the_public(
    client, agreement_with_hidden_parties
):
    agreement, hidden_unit = agreement_with_hidden_parties

    for response in (client.get(agreement.get_absolute_url()), client.get(LIST)):
        assertNotContains(response, "Schattenriss")
        assertNotContains(response, "Tarnkappe")
        assertNotContains(response, hidden_unit.get_absolute_url())
        assertContains(response, "Vereinbarung Nordstadt")
        assertContains(response, "Verein Lichtblick")
        assertContains(response, "Landeskriminalamt Nord &gt; Ansprechstelle LSBTI")
        assertContains(response, "2 nicht öffentliche Parteien")


def test_members_see_every_party_of_an_agreement_with_its_full_path(
    member_client, agreement_with_hidden_parties
):
    agreement, hidden_unit = agreement_with_hidden_parties

    for response in (member_client.get(agreement.get_absolute_url()), member_client.get(LIST)):
        assertContains(response, "Verein Schattenriss")
        assertContains(response, "Landeskriminalamt Nord &gt; Einheit Tarnkappe")
        assertContains(
            response, "Landeskriminalamt Nord &gt; Einheit Tarnkappe &gt; Ansprechstelle LSBTI"
        )
        assertNotContains(response, "nicht öffentliche Partei")
    page = member_client.get(agreement.get_absolute_url())
    assertContains(page, f'href="{hidden_unit.get_absolute_url()}"')


def test_public_list_costs_the_same_queries_for_5_and_50_rows_with_hidden_parties(
    client, django_assert_max_num_queries
):
    def create(count):
        for _ in range(count):
            agreement = AgreementFactory(is_public=True)
            AgreementPartyFactory(agreement=agreement)
            AgreementPartyFactory(agreement=agreement, organisation__is_public=False)

    create(5)
    at_five = count_queries(client, f"{LIST}?per_page=50")

    create(45)
    with django_assert_max_num_queries(at_five):
        response = client.get(LIST, {"per_page": 50})
    assert len(response.context["object_list"]) == 50


def test_list_entry_shows_title_status_date_parties_and_topics(member_client):
    agreement = AgreementFactory(
        title="Vereinbarung <Nord> & Süd",
        signed_on=datetime.date(2024, 6, 4),
        is_public=False,
        topics=[TopicFactory(name="Antisemitismus & Verschwörungsdenken")],
    )
    for name in ("Verein <Lichtblick>", "Treffpunkt Süd"):
        AgreementPartyFactory(agreement=agreement, organisation__name=name)

    html = member_client.get(LIST, {"q": "Vereinbarung"}).content.decode()

    entry = html[html.index(f'href="{agreement.get_absolute_url()}"') :]
    entry = entry[: entry.index("</ul>")]
    assert ">Vereinbarung</mark> &lt;Nord&gt; &amp; Süd</a></h3>" in entry
    assert "Unterzeichnet / aktiv · unterzeichnet am 04.06.2024" in entry
    assert '<span class="badge text-bg-secondary">nur für Mitglieder</span>' in entry
    assert "Parteien: Verein &lt;Lichtblick&gt;; Treffpunkt Süd</p>" in entry
    assert ">Antisemitismus &amp; Verschwörungsdenken</span>" in entry
