"""/netzwerk/ beyond the table: the filters (region with its sub-regions and what serves it,
topic, kind, period), event participation as an edge, the drawn graph's data (the table's
edges, per role), the cache (a change shows at once) and the form's messages. Expectations
are worked out by hand from the network of tests/network/conftest.py."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import AnonymousUser

from directory.agreements.models import Agreement
from directory.core.listing import RegionTree
from directory.events.models import Event, Invitation
from directory.network.edges import EdgeKind, Scope, edges
from directory.requests.models import BrokeredContact
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ContactPersonFactory,
    DistrictFactory,
    InvitationFactory,
    OrganisationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
URL = "/netzwerk/"
OPEN, HIDDEN, DORTMUND, BERLIN = "Offener Verein", "Geheimverein", "PP Dortmund", "LKA Berlin"


def got(user, **scope):
    return {
        (*sorted([e.a.name, e.b.name]), e.kind, e.weight) for e in edges(user, Scope(**scope))[0]
    }


def edge(x, y, kind, weight=1):
    return (*sorted([x, y]), kind, weight)


def region(pk):
    tree = RegionTree()
    return {"within": tuple(tree.within(pk)), "serving": tuple(tree.above(pk))}


def test_topic_filter_keeps_cooperations_on_the_topic(network, curator):
    racism = TopicFactory(name="Rassismus")
    Agreement.objects.get(title="Interne Vereinbarung").topics.add(racism)
    Event.objects.get(title="Offenes Forum").topics.add(racism)
    assert got(curator, topics=(racism.pk,)) == {
        edge(BERLIN, OPEN, "agreement"),
        edge(HIDDEN, OPEN, "agreement"),
        edge(BERLIN, HIDDEN, "agreement"),
        edge(HIDDEN, OPEN, "event"),
    }


def test_topic_filter_on_brokered_contacts(network, curator):
    racism = TopicFactory(name="Rassismus")
    other = TopicFactory(name="Antisemitismus")
    assert got(curator, topics=(other.pk,)) == set()
    BrokeredContact.objects.filter(first_organisation=network["open_org"]).update(topic=racism)
    assert got(curator, topics=(racism.pk,)) == {edge(BERLIN, OPEN, "brokered")}


def test_kind_filter_keeps_only_that_kind(network, member):
    assert got(member, kinds=(EdgeKind.EVENT,)) == {
        edge(OPEN, DORTMUND, "event"),
        edge(HIDDEN, OPEN, "event"),
    }


def test_a_district_includes_its_entries_and_what_serves_it_as_a_whole(network, member):
    dortmund = network["dortmund_unit"].jurisdiction
    # Seated in NRW (by Land) is not in Dortmund; active in all of NRW serves Dortmund.
    assert got(member, **region(dortmund.pk)) == set()
    network["open_org"].regions.add(network["nrw"])
    assert got(member, **region(dortmund.pk)) == {
        edge(OPEN, DORTMUND, "agreement"),
        edge(OPEN, DORTMUND, "project"),
        edge(OPEN, DORTMUND, "event"),
    }


def test_a_land_includes_units_responsible_for_its_boroughs(network, member):
    dortmund = network["dortmund_unit"].jurisdiction
    borough = DistrictFactory(name="Dortmund-Mitte", parent=dortmund, kind="borough")
    unit = network["dortmund_unit"]
    unit.jurisdiction = borough
    unit.save()
    found = got(member, **region(network["nrw"].pk))
    assert edge(OPEN, DORTMUND, "project") in found
    assert got(member, **region(network["berlin"].pk)) == set()  # LKA Berlin's partners: NRW


def test_period_until_the_end_of_2024(network, curator):
    # Agreement 1 signed 10.02.2024 (open end), the project from 01.01.2024; agreement 2
    # (2025), the brokered contact (2025) and the events (2026) come later.
    assert got(curator, date_to=datetime.date(2024, 12, 31)) == {
        edge(OPEN, DORTMUND, "agreement"),
        edge(OPEN, DORTMUND, "project"),
    }


def test_period_in_2025(network, curator):
    assert got(
        curator, date_from=datetime.date(2025, 1, 1), date_to=datetime.date(2025, 12, 31)
    ) == {
        edge(OPEN, DORTMUND, "agreement"),
        edge(BERLIN, OPEN, "agreement"),
        edge(HIDDEN, OPEN, "agreement"),
        edge(BERLIN, HIDDEN, "agreement"),
        edge(OPEN, DORTMUND, "project"),
        edge(BERLIN, OPEN, "brokered"),
    }


def test_period_leaves_out_an_agreement_that_ended_before(network, curator):
    Agreement.objects.filter(title="Offene Vereinbarung").update(
        valid_until=datetime.date(2025, 12, 31)
    )
    # February and March 2026: the members' meeting (01.03.), not the forum (01.04.).
    assert got(
        curator, date_from=datetime.date(2026, 2, 1), date_to=datetime.date(2026, 3, 31)
    ) == {
        edge(BERLIN, OPEN, "agreement"),
        edge(HIDDEN, OPEN, "agreement"),
        edge(BERLIN, HIDDEN, "agreement"),
        edge(OPEN, DORTMUND, "project"),
        edge(OPEN, DORTMUND, "event"),
    }


def test_period_leaves_out_agreements_without_any_date(network, member):
    agreement = AgreementFactory(title="Ohne Datum")
    AgreementPartyFactory(agreement=agreement, organisation=network["open_org"])
    AgreementPartyFactory(agreement=agreement, organisation=network["hidden_org"])
    assert edge(HIDDEN, OPEN, "agreement", 2) in got(member)
    assert edge(HIDDEN, OPEN, "agreement", 1) in got(member, date_from=datetime.date(2020, 1, 1))


@pytest.fixture
def attending(network):
    """A contact of LKA Berlin took part in both events (as present, and by accepting); one of
    Geheimverein declined the members' meeting."""
    contact = ContactPersonFactory(organisation=None, police_unit=network["berlin_unit"])
    InvitationFactory(
        event=Event.objects.get(title="Internes Treffen"),
        contact=contact,
        attendance=Invitation.Attendance.ATTENDED,
    )
    InvitationFactory(
        event=Event.objects.get(title="Offenes Forum"),
        contact=contact,
        state=Invitation.State.ACCEPTED,
    )
    InvitationFactory(
        event=Event.objects.get(title="Internes Treffen"),
        contact=ContactPersonFactory(organisation=network["hidden_org"]),
        state=Invitation.State.DECLINED,
    )
    return contact


def test_taking_part_in_an_event_connects_to_its_organisers_and_other_participants(
    attending, member
):
    # Internes Treffen: Offener Verein, PP Dortmund (organisers), LKA Berlin (present).
    # Offenes Forum: Offener Verein, Geheimverein (organisers), LKA Berlin (accepted).
    assert got(member, kinds=(EdgeKind.EVENT,)) == {
        edge(OPEN, DORTMUND, "event"),
        edge(HIDDEN, OPEN, "event"),
        edge(BERLIN, OPEN, "event", 2),
        edge(BERLIN, DORTMUND, "event"),
        edge(BERLIN, HIDDEN, "event"),
    }


def test_the_public_learns_nothing_from_a_members_only_contact_taking_part(attending):
    assert got(AnonymousUser(), kinds=(EdgeKind.EVENT,)) == set()


@pytest.mark.parametrize("role", ["anonymous", "member", "curator"])
def test_graph_draws_exactly_the_tables_edges(client, attending, member, curator, role):
    user = {"anonymous": None, "member": member, "curator": curator}[role]
    if user:
        client.force_login(user)
    response = client.get(URL)
    html = response.content.decode()
    data = json.loads(
        re.search(r'<script id="network-data" type="application/json">(.*?)</script>', html)[1]
    )
    rows = {(e.a.key, e.b.key, e.kind, e.weight) for e in response.context["edges"]}
    assert rows
    assert {(e["source"], e["target"], e["kind"], e["weight"]) for e in data["edges"]} == rows
    assert {n["id"] for n in data["nodes"]} == {key for row in rows for key in row[:2]}
    assert html.count("<tr>") == len(rows) + 1
    for node in data["nodes"]:
        assert node["url"] in html  # the table links every node the graph draws
        assert node["type"] == ("police" if node["id"].startswith("p") else "organisation")


def test_public_graph_names_no_hidden_entry(client, attending):
    html = client.get(URL).content.decode()
    assert "Offener Verein" in html
    for hidden in ["Geheimverein", "LKA Berlin", "Interne Vereinbarung"]:
        assert hidden not in html


def test_graph_and_legend_show_only_when_there_are_edges(client, db):
    html = client.get(URL).content.decode()
    assert "network-data" not in html
    assert "Keine Verbindungen gefunden." in html


def test_legend_names_each_kind_by_line_style(client, member, curator, network):
    client.force_login(member)
    html = client.get(URL).content.decode()
    assert "durchgezogene Linie" in html
    assert "gepunktete Linie" in html
    assert "Strich-Punkt-Linie" not in html  # brokered contacts: the office's only
    client.force_login(curator)
    assert "Strich-Punkt-Linie" in client.get(URL).content.decode()


def test_a_new_agreement_shows_at_once(member_client, network, django_capture_on_commit_callbacks):
    assert "Neuer Verein" not in member_client.get(URL).content.decode()  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        agreement = AgreementFactory(is_public=False)
        AgreementPartyFactory(agreement=agreement, organisation=network["open_org"])
        AgreementPartyFactory(
            agreement=agreement, organisation=OrganisationFactory(name="Neuer Verein")
        )
    assert "Neuer Verein" in member_client.get(URL).content.decode()


def test_a_new_topic_link_shows_at_once(member_client, network, django_capture_on_commit_callbacks):
    racism = TopicFactory(name="Rassismus")
    query = {"topic": racism.pk, "kind": "agreement"}
    assert "PP Dortmund" not in member_client.get(URL, query).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Agreement.objects.get(title="Offene Vereinbarung").topics.add(racism)
    assert "PP Dortmund" in member_client.get(URL, query).content.decode()


def test_filters_in_the_query_string(member_client, network):
    nrw = network["nrw"]
    response = member_client.get(
        URL, {"region": nrw.pk, "kind": "project", "date_from": "2024-06-01"}
    )
    found = {(*sorted([e.a.name, e.b.name]), e.kind) for e in response.context["edges"]}
    assert found == {(OPEN, DORTMUND, "project")}
    assert 'value="2024-06-01"' in response.content.decode()


def test_period_the_wrong_way_round_gets_a_message(member_client, network):
    response = member_client.get(URL, {"date_from": "2025-06-01", "date_to": "2025-01-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Das Ende des Zeitraums liegt vor seinem Beginn." in html
    assert "network-data" not in html


def test_csv_follows_the_period(client, network):
    response = client.get(URL, {"csv": "edges", "date_to": "2023-12-31"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8-sig").splitlines() == ['"A";"B";"Art";"Gewicht"']
