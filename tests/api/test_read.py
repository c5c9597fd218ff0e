"""The read API shows what the pages show: per role, per endpoint, with the lists' filters."""

import pytest

from directory.api.tokens import create_token
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ContactPersonFactory,
    DistrictFactory,
    LanguageFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def ids(response):
    return [entry["id"] for entry in results(response)]


def test_organisations_list_public_profiles_only_for_anonymous(api_get):
    shown = OrganisationFactory(name="Offener Verein", short_name="OV", phone="0231 1")
    OrganisationFactory(name="Interner Verein", is_public=False)

    entries = results(api_get("/api/v1/organisations/"))

    assert [e["name"] for e in entries] == ["Offener Verein"]
    entry = entries[0]
    assert entry["id"] == shown.pk
    assert entry["alternate_name"] == "OV"
    assert entry["phones"] == [{"number": "0231 1", "type": "voice"}]
    assert entry["uri"].endswith(shown.get_absolute_url())
    assert entry["address"]["country"] == "DE"


def test_organisations_list_everything_for_a_member_token(api_get, member):
    OrganisationFactory(name="Offener Verein")
    OrganisationFactory(name="Interner Verein", is_public=False)
    token = create_token(member, "Abgleich")[1]

    names = [e["name"] for e in results(api_get("/api/v1/organisations/", token=token))]

    assert sorted(names) == ["Interner Verein", "Offener Verein"]


def test_detail_of_an_entry_the_caller_may_not_see_is_404(api_get, member):
    hidden = OrganisationFactory(is_public=False)

    assert api_get(f"/api/v1/organisations/{hidden.pk}/").status_code == 404
    token = create_token(member, "Abgleich")[1]
    assert api_get(f"/api/v1/organisations/{hidden.pk}/", token=token).json()["id"] == hidden.pk


def test_contacts_for_the_public_only_public_contacts_of_public_profiles(api_get):
    public_org = OrganisationFactory()
    hidden_org = OrganisationFactory(is_public=False)
    mailbox = ContactPersonFactory(
        organisation=public_org,
        last_name="",
        functional_title="Beratungstelefon",
        email="offen@example.org",
        visibility="public",
        mobile="0170 1",
    )
    ContactPersonFactory(organisation=public_org, email="mitglied@example.org")
    ContactPersonFactory(
        organisation=hidden_org, visibility="public", email="versteckt@example.org"
    )

    response = api_get("/api/v1/contacts/")

    entries = results(response)
    assert [e["id"] for e in entries] == [mailbox.pk]
    assert entries[0]["name"] == "Beratungstelefon"
    assert entries[0]["phones"] == [{"number": "0170 1", "type": "cell"}]
    assert "mitglied@example.org" not in response.content.decode()
    assert "versteckt@example.org" not in response.content.decode()


def test_police_path_and_parent_skip_hidden_superior_units_for_the_public(api_get, member):
    top = PoliceUnitFactory(name="Polizeipräsidium")
    hidden = PoliceUnitFactory(name="Geheime Direktion", parent=top, is_public=False)
    unit = PoliceUnitFactory(name="Wache Nord", parent=hidden)

    public = api_get(f"/api/v1/police-units/{unit.pk}/").json()
    token = create_token(member, "Abgleich")[1]
    full = api_get(f"/api/v1/police-units/{unit.pk}/", token=token).json()

    assert public["path"] == "Polizeipräsidium > Wache Nord"
    assert public["parent_id"] == top.pk
    assert "Geheime" not in str(public)
    assert full["path"] == "Polizeipräsidium > Geheime Direktion > Wache Nord"
    assert full["parent_id"] == hidden.pk


def test_agreements_name_only_parties_the_caller_may_see(api_get):
    agreement = AgreementFactory(is_public=True, title="Dialog Nord")
    AgreementPartyFactory(agreement=agreement, organisation__name="Offener Verein")
    AgreementPartyFactory(
        agreement=agreement, organisation__name="Geschützter Verein", organisation__is_public=False
    )
    AgreementFactory(is_public=False)

    entries = results(api_get("/api/v1/agreements/"))

    assert [e["name"] for e in entries] == ["Dialog Nord"]
    assert [p["name"] for p in entries[0]["parties"]] == ["Offener Verein"]
    assert entries[0]["hidden_parties"] == 1


def test_filters_match_the_lists(api_get):
    racism = TopicFactory(name="Rassismus")
    arabic = LanguageFactory(name="Arabisch", code="ar")
    district = DistrictFactory(name="Dortmund")
    counselling = OrganisationFactory(name="Nordlicht Beratung", topics=[racism])
    counselling.languages.add(arabic)
    counselling.regions.add(district)
    whole_land = OrganisationFactory(name="Landesnetzwerk", kind="network")
    whole_land.regions.add(district.parent)
    OrganisationFactory(name="Anderer Verein")

    assert ids(api_get(f"/api/v1/organisations/?topic={racism.pk}")) == [counselling.pk]
    assert ids(api_get(f"/api/v1/organisations/?language={arabic.pk}")) == [counselling.pk]
    assert ids(api_get("/api/v1/organisations/?kind=network")) == [whole_land.pk]
    # A district includes what serves its whole Land ("serves this place").
    assert sorted(ids(api_get(f"/api/v1/organisations/?region={district.pk}"))) == sorted(
        [counselling.pk, whole_land.pk]
    )
    assert ids(api_get("/api/v1/organisations/?q=nordlicht")) == [counselling.pk]


def test_malformed_query_strings_are_400_not_500(api_get):
    OrganisationFactory()
    for query in [
        "region=abc",
        "topic=999999",
        "kind=nonsense",
        "q=" + "x" * 201,
        "q=%00",
        "modified_after=yesterday",
        "modified_after=2026-13-45T99:00",
        "cursor=garbage",
        "cursor=cD1hYmM=",  # well encoded, but its position ("abc") is no id
    ]:
        response = api_get(f"/api/v1/organisations/?{query}")
        assert response.status_code == 400, query
        assert response.json(), query


def test_cursor_pages_cover_every_entry_once(api_get):
    made = sorted(OrganisationFactory().pk for _ in range(23))

    seen, url = [], "/api/v1/organisations/?per_page=10"
    while url:
        body = api_get(url).json()
        seen += [e["id"] for e in body["results"]]
        url = body["next"]

    assert seen == made


def make(endpoint):
    """One entry of the endpoint's kind, public, with what its list shows linked."""
    topic = TopicFactory()
    if endpoint == "contacts":
        ContactPersonFactory(visibility="public", topics=[topic])
    elif endpoint == "organisations":
        OrganisationFactory(topics=[topic]).regions.add(DistrictFactory())
    elif endpoint == "police-units":
        PoliceUnitFactory(parent=PoliceUnitFactory(is_public=False)).topics.add(topic)
    else:
        AgreementPartyFactory(agreement=AgreementFactory(is_public=True, topics=[topic]))


@pytest.mark.parametrize("endpoint", ["contacts", "organisations", "police-units", "agreements"])
@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_list_costs_the_same_queries_at_any_size_and_page_size(api_get, member, endpoint, role):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    token = create_token(member, "Abgleich")[1] if role == "member" else None

    def queries(per_page):
        with CaptureQueriesContext(connection) as captured:
            response = api_get(f"/api/v1/{endpoint}/?per_page={per_page}", token=token)
        return len(captured), len(results(response))

    make(endpoint)
    api_get("/api/v1/topics/", token=token)  # the token's first use is recorded once
    api_get(f"/api/v1/{endpoint}/", token=token)  # the filter's choices read and kept
    one, shown_one = queries(100)
    for _ in range(11):
        make(endpoint)
    api_get(f"/api/v1/{endpoint}/", token=token)  # the new topics read once into the choices
    small_page, shown_small = queries(10)
    large_page, shown_large = queries(100)

    assert shown_large > shown_small == 10 > shown_one >= 1
    assert one == small_page == large_page


def test_etag_and_last_modified_answer_304(api_get):
    organisation = OrganisationFactory()
    url = f"/api/v1/organisations/{organisation.pk}/"

    first = api_get(url)
    again = api_get(url, **{"If-None-Match": first["ETag"]})
    since = api_get(url, **{"If-Modified-Since": first["Last-Modified"]})
    listed = api_get("/api/v1/organisations/")
    list_again = api_get("/api/v1/organisations/", **{"If-None-Match": listed["ETag"]})

    assert first.status_code == 200
    assert again.status_code == 304
    assert since.status_code == 304
    assert list_again.status_code == 304
    organisation.name = "Neuer Name"
    organisation.save()
    assert api_get(url, **{"If-None-Match": first["ETag"]}).status_code == 200
    assert api_get("/api/v1/organisations/", **{"If-None-Match": listed["ETag"]}).status_code == 200


def test_reference_lists_give_the_ids_filters_take(api_get):
    topic = TopicFactory(name="Antisemitismus")
    district = DistrictFactory(name="Dortmund")

    topics = api_get("/api/v1/topics/").json()
    regions = api_get("/api/v1/regions/").json()

    assert {"id": topic.pk, "name": "Antisemitismus"} in topics
    assert {"id": district.pk, "name": "Dortmund", "kind": "district",
            "parent_id": district.parent_id} in regions  # fmt: skip
