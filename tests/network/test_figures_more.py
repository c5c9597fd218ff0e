"""/statistik/: the tile map of the Länder (counts and per 100,000 inhabitants), networked
actors by kind and topic, currency by Land, answers to confirmation requests, requests to the
office, and the cache of the computed figures."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from directory.contacts.models import ContactPerson, Visibility
from directory.network.figures import statistics_tables
from directory.network.lands import BY_NAME, LANDS, per_100k
from directory.network.tilemap import SHADES, tile_map
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.requests.models import BrokeredContact, OfficeRequest
from directory.reviews import services
from directory.reviews.models import ConfirmationEmail, CorrectionRequest
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ContactPersonFactory,
    LandFactory,
    OfficeRequestFactory,
    OrganisationFactory,
    PoliceUnitFactory,
)

pytestmark = pytest.mark.django_db
URL = "/statistik/"
CODES = {
    "SH", "HH", "HB", "MV", "NI", "NW", "ST", "BE", "BB", "RP", "HE", "TH", "SN", "SL", "BW", "BY",
}  # fmt: skip


def figures(user):
    return {table.key: table.rows for table in statistics_tables(user)}


def land_rows(rows):
    """{Land: (organisations, police units, together, per 100k)} without the all-zero Länder."""
    return {row[0]: row[1:] for row in rows if row[3]}


# --- the Länder -------------------------------------------------------------------------------


def test_the_sixteen_lands_have_codes_places_and_populations():
    assert {land.code for land in LANDS} == CODES
    assert len({(land.column, land.row) for land in LANDS}) == 16
    assert BY_NAME["Schleswig-Holstein"].row == 0
    assert (
        max(land.row for land in LANDS) == BY_NAME["Bayern"].row == BY_NAME["Baden-Württemberg"].row
    )
    assert all(500_000 < land.population < 20_000_000 for land in LANDS)


def test_per_100k_arithmetic():
    # 1,000 in Bremen (684,864 inhabitants): 146.01... per 100,000.
    assert per_100k(1000, BY_NAME["Bremen"]) == 146.0
    assert per_100k(0, BY_NAME["Bayern"]) == 0
    assert per_100k(18_190_422, BY_NAME["Nordrhein-Westfalen"]) == 100_000.0


def test_tile_map_has_a_tile_for_each_land_shaded_by_value():
    tiles, legend = tile_map({"Bayern": 10, "Berlin": 5, "Bremen": 1, "Atlantis": 99})
    assert len(tiles) == 16
    assert {tile["code"] for tile in tiles} == CODES
    by_code = {tile["code"]: tile for tile in tiles}
    # Five steps of the largest value (99, of a region that is no Land and has no tile).
    assert by_code["BY"]["fill"] == SHADES[1]
    assert by_code["SH"]["fill"] == SHADES[0]
    assert by_code["SH"]["value"] == "0"
    assert legend[0]["label"] == "0"
    assert len(legend) == 6


def test_tile_map_steps_and_legend():
    tiles, legend = tile_map({"Bayern": 10, "Berlin": 5, "Bremen": 1})
    by_code = {tile["code"]: tile for tile in tiles}
    assert by_code["BY"]["fill"] == SHADES[5]
    assert by_code["BY"]["ink"] == "#ffffff"
    assert by_code["BE"]["fill"] == SHADES[3]  # 5 of 10: the third of five steps
    assert by_code["HB"]["fill"] == SHADES[1]
    assert [entry["label"] for entry in legend] == [
        "0", "bis 2", "bis 4", "bis 6", "bis 8", "bis 10",
    ]  # fmt: skip


# --- networked actors by Land, kind and topic (tests/network/conftest.py) ---------------------


def test_public_networked_figures_count_public_entries_and_cooperations(network):
    got = figures(AnonymousUser())
    # Offener Verein and PP Dortmund (jurisdiction Dortmund, NRW): the public agreement and
    # project. Geheimverein is not public; LKA Berlin only in the members' agreement.
    assert land_rows(got["networked_land"]) == {
        "Nordrhein-Westfalen": (1, 1, 2, round(2 * 100_000 / 18_190_422, 1))
    }
    assert len(got["networked_land"]) == 16
    assert got["networked_kind"] == [
        ("Beratungsstelle", 1),
        (str(PoliceUnit.Kind.PRESIDIUM.label), 1),
    ]
    assert got["networked_topic"] == [("Rassismus", 1, 0)]


def test_member_networked_figures(network, member):
    got = figures(member)
    assert land_rows(got["networked_land"]) == {
        "Berlin": (0, 1, 1, 0.0),
        "Nordrhein-Westfalen": (2, 1, 3, 0.0),
    }
    assert got["networked_kind"] == [
        ("Beratungsstelle", 1),
        ("Moscheegemeinde", 1),
        (str(PoliceUnit.Kind.LKA.label), 1),
        (str(PoliceUnit.Kind.PRESIDIUM.label), 1),
    ]
    assert got["networked_topic"] == [("Rassismus", 2, 0)]


def test_networked_figures_per_100k_in_the_table(db, member):
    bremen = LandFactory(name="Bremen")
    agreement = AgreementFactory()
    for _n in range(7):
        AgreementPartyFactory(agreement=agreement, organisation=OrganisationFactory(land=bremen))
    got = land_rows(figures(member)["networked_land"])
    # 7 of 684,864 inhabitants: 1.02 per 100,000.
    assert got == {"Bremen": (7, 0, 7, 1.0)}


def test_tile_map_on_the_page_and_the_switch_per_100k(member_client, network):
    html = member_client.get(URL).content.decode()
    section = html[html.index('id="networked_land"') :]
    section = section[: section.index("</section>")]
    assert section.count("<rect") - section.count('width="15" height="15"') == 16
    for code in CODES:
        assert f">{code}</text>" in section
    assert "<title>Nordrhein-Westfalen: 3</title>" in section
    assert "<title>Bayern: 0</title>" in section
    assert '?scale=per100k#networked_land"' in section
    per = member_client.get(URL, {"scale": "per100k"}).content.decode()
    section = per[per.index('id="networked_land"') :]
    assert "<title>Nordrhein-Westfalen: 0,0</title>" in section
    assert 'aria-current="true">Je 100.000 Einwohner:innen' in section or "100.000" in section


@pytest.mark.parametrize("scale", ["", "x", "PER100K", "%ff", "per100k%00"])
def test_unknown_scale_draws_counts(member_client, network, scale):
    response = member_client.get(f"{URL}?scale={scale}")
    assert response.status_code == 200
    assert "<title>Nordrhein-Westfalen: 3</title>" in response.content.decode()


def test_networked_land_csv_holds_counts_and_rates(member_client, network):
    from tests.network.test_statistics import read_csv

    rows = read_csv(member_client.get(URL, {"csv": "networked_land"}))
    assert rows[0] == [
        "Bundesland",
        "Organisationen",
        "Polizeidienststellen",
        "Zusammen",
        "Je 100.000 Einwohner:innen",
    ]
    assert ["Nordrhein-Westfalen", "2", "1", "3", "0,0"] in rows
    assert len(rows) == 17


# --- currency by Land -----------------------------------------------------------------------


def test_currency_by_land_counts_organisations_units_and_contacts(db, member):
    today = timezone.localdate()
    later, earlier = today + datetime.timedelta(days=30), today - datetime.timedelta(days=1)
    hessen, berlin = LandFactory(name="Hessen"), LandFactory(name="Berlin")
    current_org = OrganisationFactory(land=hessen, review_due=later)
    OrganisationFactory(land=hessen, review_due=earlier)
    unit = PoliceUnitFactory(jurisdiction=berlin, review_due=later)
    ContactPersonFactory(organisation=current_org, review_due=later)
    ContactPersonFactory(organisation=None, police_unit=unit, review_due=None)
    # Staff only: not counted for members.
    ContactPersonFactory(organisation=current_org, visibility=Visibility.STAFF)
    got = figures(member)["currency_land"]
    assert got == [
        # entries, current, %, organisations %, police units %, contacts %
        ("Berlin", 2, 1, 50, "–", 100, 0),
        ("Hessen", 3, 2, 67, 50, "–", 100),
    ]


def test_public_currency_counts_public_entries_only(db):
    hessen = LandFactory(name="Hessen")
    public = OrganisationFactory(land=hessen, is_public=True)
    OrganisationFactory(land=hessen, is_public=False)
    ContactPersonFactory(organisation=public, visibility=Visibility.MEMBERS)
    ContactPersonFactory(organisation=public, visibility=Visibility.PUBLIC)
    got = figures(AnonymousUser())["currency_land"]
    assert got == [("Hessen", 2, 0, 0, 0, "–", 0)]


# --- answers to confirmation requests -------------------------------------------------------


def sent(entry, days_ago, status=ConfirmationEmail.Status.SENT):
    email = ConfirmationEmail.objects.create(
        entry_kind="contact" if isinstance(entry, ContactPerson) else "organisation",
        entry_id=entry.pk,
        recipient="x@example.org",
        status=status,
    )
    ConfirmationEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return email


def ask(entry, kind):
    return CorrectionRequest.objects.create(
        entry_kind="contact", entry_id=entry.pk, kind=kind, proposed={}
    )


@pytest.fixture
def answers(db):
    """Emails (days ago) and what came of them:
    a (5): confirmed now; b (5): correction now; c (5): removal now; d (40): nothing; e (1):
    nothing yet; f (20) then f (10): confirmed now (counted with the later email, the earlier
    has no answer); g (5): failed, not counted; h (5): a staff-only contact, confirmed now;
    an organisation (5): confirmed now."""
    a, b, c, d, e, f = (ContactPersonFactory() for _n in range(6))
    h = ContactPersonFactory(visibility=Visibility.STAFF)
    organisation = OrganisationFactory()
    for entry in (a, b, c, f, h, organisation):
        sent(entry, 5 if entry is not f else 20)
    sent(f, 10)
    sent(d, 40)
    sent(e, 1)
    sent(ContactPersonFactory(), 5, status=ConfirmationEmail.Status.FAILED)
    for entry in (a, f, h, organisation):
        services.confirm(entry)
    ask(b, CorrectionRequest.Kind.CORRECTION)
    ask(c, CorrectionRequest.Kind.REMOVAL)


def test_confirmation_answers_for_members(answers, member):
    assert figures(member)["confirmation_answers"] == [
        ("Bestätigt", 3),  # a, f (later email), the organisation
        ("Korrektur gesendet", 1),
        ("Löschung beantragt", 1),
        ("Keine Antwort", 2),  # d, f (earlier email)
        ("Link noch gültig, noch keine Antwort", 1),
    ]


def test_confirmation_answers_for_curators_include_staff_only_contacts(answers, curator):
    assert dict(figures(curator)["confirmation_answers"])["Bestätigt"] == 4


def test_public_confirmation_answers_count_public_entries_only(answers):
    # Only the organisation is public (its contacts are visible to members only).
    assert figures(AnonymousUser())["confirmation_answers"] == [("Bestätigt", 1)]


# --- requests to the office -----------------------------------------------------------------


def test_requests_by_reason_and_outcome_for_curators_only(db, member, curator):
    OfficeRequestFactory(reason="contact")
    OfficeRequestFactory(reason="contact", status=OfficeRequest.Status.CLOSED)
    brokered = OfficeRequestFactory(reason="contact", status=OfficeRequest.Status.IN_PROGRESS)
    BrokeredContact.objects.create(
        request=brokered,
        first_organisation=OrganisationFactory(),
        second_police_unit=PoliceUnitFactory(),
    )
    OfficeRequestFactory(reason="conflict", status=OfficeRequest.Status.BROKERED)
    assert figures(curator)["requests_reason"] == [
        # requests, open, brokered, closed without brokering
        ("Kontakt gesucht", 3, 1, 1, 1),
        ("Konflikt / Vermittlung", 1, 0, 1, 0),
    ]
    assert "requests_reason" not in figures(member)
    assert "requests_reason" not in figures(AnonymousUser())


# --- the cache ------------------------------------------------------------------------------


def networked_nrw(client):
    html = client.get(URL).content.decode()
    return re.search(r"<title>Nordrhein-Westfalen: (\d+)</title>", html).group(1)


def test_figures_are_cached_and_recomputed_after_a_change(
    member_client, network, django_assert_max_num_queries
):
    assert networked_nrw(member_client) == "3"
    with django_assert_max_num_queries(12):  # session, user, key and cached figures
        assert networked_nrw(member_client) == "3"
    org = OrganisationFactory(land=network["nrw"])
    AgreementPartyFactory(agreement=AgreementFactory(), organisation=org)
    assert networked_nrw(member_client) == "4"
    # A bulk update (no signals, but history events) is seen as well.
    Organisation.objects.filter(pk=org.pk).update(is_public=False, land=None)
    assert networked_nrw(member_client) == "3"


def test_changes_without_history_bump_the_cache(
    client, network, curator, django_capture_on_commit_callbacks
):
    client.force_login(curator)

    def brokered():
        html = client.get(URL).content.decode()
        section = html[html.index('id="brokered"') :]
        return section[: section.index("</section>")]

    assert "2025-Q3" in brokered()
    with django_capture_on_commit_callbacks(execute=True):
        BrokeredContact.objects.create(
            first_organisation=network["open_org"],
            second_police_unit=network["dortmund_unit"],
            brokered_on=datetime.date(2026, 1, 5),
        )
    assert "2026-Q1" in brokered()


def test_roles_do_not_share_cached_figures(client, network, member):
    client.force_login(member)
    assert "Moscheegemeinde" in client.get(URL).content.decode()
    client.logout()
    html = client.get(URL).content.decode()
    assert "Moscheegemeinde" not in html
    assert "Geheimverein" not in html


def test_tile_shades_agree_with_the_legend():
    # 14 at most: bounds 3, 6, 9, 12, 14; a 3 is in the first step, a 4 in the second.
    tiles, legend = tile_map({"Bremen": 3, "Berlin": 4, "Nordrhein-Westfalen": 14})
    by_code = {tile["code"]: tile for tile in tiles}
    assert [entry["label"] for entry in legend] == [
        "0", "bis 3", "bis 6", "bis 9", "bis 12", "bis 14",
    ]  # fmt: skip
    assert by_code["HB"]["fill"] == legend[1]["fill"]
    assert by_code["BE"]["fill"] == legend[2]["fill"]
    assert by_code["NW"]["fill"] == legend[5]["fill"] == SHADES[5]


def test_tile_map_with_small_values_keeps_the_darkest_shade_for_the_largest():
    tiles, legend = tile_map({"Bremen": 1, "Berlin": 2})
    by_code = {tile["code"]: tile for tile in tiles}
    assert [entry["label"] for entry in legend] == ["0", "bis 1", "bis 2"]
    assert by_code["BE"]["fill"] == SHADES[5]
    assert by_code["HB"]["fill"] == legend[1]["fill"]


def test_tile_map_per_100k_has_decimals():
    tiles, legend = tile_map({"Bremen": 1.5, "Berlin": 0.2}, decimals=True)
    by_code = {tile["code"]: tile for tile in tiles}
    assert by_code["HB"]["value"] == "1,5"
    assert legend[-1]["label"] == "bis 1,5"


@pytest.mark.parametrize("scale", ["", "per100k"])
def test_networked_entries_without_a_land_are_in_the_table_not_on_the_map(
    member_client, network, scale
):
    AgreementPartyFactory(agreement=AgreementFactory(), organisation=OrganisationFactory())
    rows = figures(member_client.get(URL).wsgi_request.user)["networked_land"]
    assert rows[-1] == ("keine Angabe", 1, 0, 1, "–")
    html = member_client.get(URL, {"scale": scale}).content.decode()
    section = html[html.index('id="networked_land"') :]
    section = section[: section.index("</section>")]
    assert '<th scope="row">keine Angabe</th>' in section
    assert "<title>keine Angabe" not in section


def test_agreements_by_year_and_status(db, member):
    from directory.agreements.models import Agreement

    for year, status in [(2023, "active"), (2023, "expired"), (2024, "ended"), (2023, "active")]:
        AgreementFactory(signed_on=datetime.date(year, 5, 1), status=status)
    AgreementFactory(signed_on=None, status=Agreement.Status.PREPARING)
    got = figures(member)["agreements_year"]
    # year, all, in preparation, active, expired, ended
    assert got == [
        ("2023", 3, 0, 2, 1, 0),
        ("2024", 1, 0, 0, 0, 1),
        ("keine Angabe", 1, 1, 0, 0, 0),
    ]
