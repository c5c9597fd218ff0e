"""/statistik/: every figure against the hand-built network (tests/network/conftest.py), per
role, its CSV downloads and what a malformed query string gets."""

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser

from directory.network.figures import statistics_tables
from tests.factories import AgreementFactory, AgreementPartyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
URL = "/statistik/"


def figures(user):
    return {table.key: table.rows for table in statistics_tables(user)}


def test_public_figures_count_only_public_entries_and_cooperations(network):
    got = figures(AnonymousUser())
    assert got["organisations_land"] == [("Nordrhein-Westfalen", 1)]
    assert got["police_land"] == [("Berlin", 1), ("Nordrhein-Westfalen", 1)]
    assert got["organisations_kind"] == [("Beratungsstelle", 1)]
    assert got["topics"] == [("Rassismus", 1, 0)]
    assert got["agreements_status"] == [("Unterzeichnet / aktiv", 1)]
    # Year, agreements, then by status: in preparation, active, expired, ended.
    assert got["agreements_year"] == [("2024", 1, 0, 1, 0, 0)]
    assert got["projects_status"] == [("Laufend", 1)]
    # Offener Verein and PP Dortmund: the public project (January 2024) comes first.
    # LKA Berlin cooperates only in the members' agreement: not counted for the public.
    assert got["networked"] == [("2024-Q1", 2, 2)]
    assert "brokered" not in got


def test_member_figures_count_every_entry(network, member):
    got = figures(member)
    assert got["organisations_land"] == [("Nordrhein-Westfalen", 2)]
    assert got["organisations_kind"] == [("Beratungsstelle", 1), ("Moscheegemeinde", 1)]
    assert got["topics"] == [("Rassismus", 2, 0)]
    assert got["agreements_year"] == [("2024", 1, 0, 1, 0, 0), ("2025", 1, 0, 1, 0, 0)]
    assert got["networked"] == [("2024-Q1", 2, 2), ("2025-Q2", 2, 4)]
    assert got["currency_organisations"] == [
        ("Beratungsstelle", 1, 1, 100),
        ("Moscheegemeinde", 1, 0, 0),
    ]
    # The office's brokering is not for members.
    assert "brokered" not in got


def test_curators_see_the_brokered_contacts(network, curator):
    got = figures(curator)
    assert got["brokered"] == [("2025-Q3", 1)]
    # The brokered contact (August 2025) is later than LKA Berlin's agreement (May 2025).
    assert got["networked"] == [("2024-Q1", 2, 2), ("2025-Q2", 2, 4)]


def test_public_page_never_names_a_non_public_organisation(client, network):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nordrhein-Westfalen" in html
    assert "Öffentliche Fassung" in html or "öffentlich" in html
    assert "Geheimverein" not in html
    assert "Moscheegemeinde" not in html


def test_member_page_shows_tables_with_captions_and_charts(member_client, network):
    html = member_client.get(URL).content.decode()
    assert "<caption>Organisationen nach Bundesland</caption>" in html
    assert '<th scope="row">Moscheegemeinde</th>' in html
    assert "<svg" in html
    assert "style=" not in html


def read_csv(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_csv_download_of_one_table(member_client, network):
    response = member_client.get(URL, {"csv": "organisations_kind"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert read_csv(response) == [
        ["Art", "Organisationen"],
        ["Beratungsstelle", "1"],
        ["Moscheegemeinde", "1"],
    ]


def test_csv_neutralises_formulas_typed_by_users(member_client, db):
    agreement = AgreementFactory()
    AgreementPartyFactory(agreement=agreement, organisation=OrganisationFactory())
    from directory.events.models import Format
    from tests.factories import EventFactory

    EventFactory(format=Format.objects.create(name="=HYPERLINK(1)"))
    rows = read_csv(member_client.get(URL, {"csv": "events_format"}))
    assert ["'=HYPERLINK(1)", "1"] in rows


def test_public_csv_has_only_public_figures(client, network):
    rows = read_csv(client.get(URL, {"csv": "organisations_kind"}))
    assert rows == [["Art", "Organisationen"], ["Beratungsstelle", "1"]]


@pytest.mark.parametrize(
    "query",
    ["csv=nope", "csv=", "csv=brokered", "csv[]=x&csv=%00", "x=%ff%fe", "csv=" + "a" * 5000],
)
def test_malformed_query_strings_get_the_page(client, network, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Geheimverein" not in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "member", "curator"])
def test_query_count_does_not_grow_with_the_data(
    client, network, member, curator, role, django_assert_max_num_queries
):
    user = {"anonymous": None, "member": member, "curator": curator}[role]
    if user:
        client.force_login(user)
    with django_assert_max_num_queries(60) as small:
        client.get(URL)
    for _n in range(5):
        org = OrganisationFactory(land=network["nrw"])
        agreement = AgreementFactory(is_public=True)
        AgreementPartyFactory(agreement=agreement, organisation=org)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL)
