"""/netzwerk/: the edges of the hand-built network (tests/network/conftest.py) per role, the
filters, the CSV download and malformed query strings."""

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser

from directory.core.listing import RegionTree
from directory.network.edges import Scope, edges
from tests.factories import AgreementFactory, AgreementPartyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
URL = "/netzwerk/"


def edge_set(user, **filters):
    return {(e.a.name, e.b.name, e.kind, e.weight) for e in edges(user, Scope(**filters))[0]}


def in_region(pk):
    tree = RegionTree()
    return {"within": tuple(tree.within(pk)), "serving": tuple(tree.above(pk))}


def pair(x, y):
    return tuple(sorted([x, y]))


def test_public_sees_only_public_cooperations_between_public_entries(network):
    got = {(*pair(a, b), kind, w) for a, b, kind, w in edge_set(AnonymousUser())}
    assert got == {
        ("Offener Verein", "PP Dortmund", "agreement", 1),
        ("Offener Verein", "PP Dortmund", "project", 1),
    }


def test_members_see_every_agreement_project_and_event_but_no_brokered_contact(network, member):
    got = {(*pair(a, b), kind, w) for a, b, kind, w in edge_set(member)}
    assert got == {
        ("Offener Verein", "PP Dortmund", "agreement", 1),
        ("LKA Berlin", "Offener Verein", "agreement", 1),
        ("Geheimverein", "Offener Verein", "agreement", 1),
        ("Geheimverein", "LKA Berlin", "agreement", 1),
        ("Offener Verein", "PP Dortmund", "project", 1),
        ("Offener Verein", "PP Dortmund", "event", 1),
        ("Geheimverein", "Offener Verein", "event", 1),
    }


def test_curators_see_brokered_contacts_too(network, curator):
    got = {(*pair(a, b), kind, w) for a, b, kind, w in edge_set(curator)}
    assert ("LKA Berlin", "Offener Verein", "brokered", 1) in got
    assert len(got) == 8


def test_weight_counts_shared_agreements(network, member):
    again = AgreementFactory(is_public=False)
    AgreementPartyFactory(agreement=again, organisation=network["open_org"])
    AgreementPartyFactory(agreement=again, organisation=None, police_unit=network["dortmund_unit"])
    got = {(*pair(a, b), kind, w) for a, b, kind, w in edge_set(member)}
    assert ("Offener Verein", "PP Dortmund", "agreement", 2) in got
    public = {(*pair(a, b), kind, w) for a, b, kind, w in edge_set(AnonymousUser())}
    assert ("Offener Verein", "PP Dortmund", "agreement", 1) in public


def test_land_filter_keeps_edges_within_the_land(network, member):
    got = {
        (*pair(a, b), kind) for a, b, kind, _w in edge_set(member, **in_region(network["nrw"].pk))
    }
    assert got == {
        ("Offener Verein", "PP Dortmund", "agreement"),
        ("Geheimverein", "Offener Verein", "agreement"),
        ("Offener Verein", "PP Dortmund", "project"),
        ("Offener Verein", "PP Dortmund", "event"),
        ("Geheimverein", "Offener Verein", "event"),
    }


def test_kind_filter(member_client, network):
    html = member_client.get(URL, {"kind": "project"}).content.decode()
    assert html.count("<tr>") == 2  # the header and one edge
    assert "<td>Gemeinsames Projekt</td>" in html
    assert "<td>Kooperationsvereinbarung</td>" not in html
    assert "Geheimverein" not in html


def test_public_page_never_names_a_non_public_organisation(client, network):
    html = client.get(URL).content.decode()
    assert "Offener Verein" in html
    assert "Geheimverein" not in html
    assert "LKA Berlin" not in html


def test_member_page_links_both_ends(member_client, network):
    html = member_client.get(URL).content.decode()
    assert f'href="/organisationen/{network["hidden_org"].pk}/"' in html or (
        network["hidden_org"].get_absolute_url() in html
    )
    assert network["berlin_unit"].get_absolute_url() in html


def read_csv(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_csv_download_follows_the_filters(client, network):
    response = client.get(URL, {"csv": "edges", "kind": "agreement"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(response)
    assert rows[0] == ["A", "B", "Art", "Gewicht"]
    assert sorted(rows[1][:2]) == ["Offener Verein", "PP Dortmund"]
    assert len(rows) == 2


def test_csv_neutralises_names(member, client, db):
    client.force_login(member)
    agreement = AgreementFactory()
    AgreementPartyFactory(agreement=agreement, organisation=OrganisationFactory(name="=1+1"))
    AgreementPartyFactory(agreement=agreement, organisation=OrganisationFactory(name="Zweiter"))
    rows = read_csv(client.get(URL, {"csv": "edges"}))
    assert "'=1+1" in rows[1]


def test_csv_rows_of_equal_weight_follow_the_names_whatever_their_case(member, client, db):
    client.force_login(member)
    first = OrganisationFactory(name="ärztekammer")
    for name in ["Zentrum", "beratung", "Amt"]:
        agreement = AgreementFactory()
        AgreementPartyFactory(agreement=agreement, organisation=first)
        AgreementPartyFactory(agreement=agreement, organisation=OrganisationFactory(name=name))

    rows = read_csv(client.get(URL, {"csv": "edges"}))

    # "beratung" between "Amt" and "Zentrum": by name, not by capitals first.
    assert [sorted(row[:2], key=str.casefold) for row in rows[1:]] == [
        ["Amt", "ärztekammer"], ["beratung", "ärztekammer"], ["Zentrum", "ärztekammer"]
    ]  # fmt: skip
    assert {row[2] for row in rows[1:]} == {"Kooperationsvereinbarung"}


@pytest.mark.parametrize(
    "query",
    [
        "region=abc",
        "region=999999",
        "kind=nope",
        "kind=brokered",
        "region=1e5&kind=",
        "csv=edges&region=x",
        "topic=x",
        "topic=999999",
        "date_from=2025-13-01",
        "date_from=31.02.2025",
        "date_to=99999-01-01",
        "date_from=2025-06-01&date_to=2025-01-01",
        "region=%00",
        "topic=1&topic=%E2%80%8B",
    ],
)
def test_malformed_query_strings_get_the_page_with_a_message(client, network, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "invalid-feedback" in html or "Auswahl" in html


@pytest.mark.parametrize("role", ["anonymous", "member", "curator"])
def test_query_count_does_not_grow_with_the_data(
    client, network, member, curator, role, django_assert_max_num_queries
):
    user = {"anonymous": None, "member": member, "curator": curator}[role]
    if user:
        client.force_login(user)
    # A cold cache: the edges are counted and stored (about 15 queries of the cache, four of
    # them taking and releasing the lock against concurrent recomputation).
    with django_assert_max_num_queries(30) as small:
        client.get(URL)
    for _n in range(5):
        agreement = AgreementFactory(is_public=True)
        AgreementPartyFactory(agreement=agreement, organisation=network["open_org"])
        AgreementPartyFactory(agreement=agreement, organisation=OrganisationFactory())
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL)


def test_page_lists_the_heaviest_connections_and_says_the_csv_has_all(
    member_client, network, monkeypatch
):
    monkeypatch.setattr("directory.network.views.SHOWN", 1)
    html = member_client.get(URL).content.decode()
    assert html.count("<tr>") == 2  # the header and the one heaviest edge
    assert "7 Verbindungen" in html
    assert "CSV-Download enthält alle" in html
    rows = read_csv(member_client.get(URL, {"csv": "edges"}))
    assert len(rows) == 8
