"""The organisations list, its filters and the organisation page, per role."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from directory.organisations.models import Organisation
from tests.conftest import count_queries
from tests.factories import (
    AgreementPartyFactory,
    BoroughFactory,
    ContactPersonFactory,
    DistrictFactory,
    LandFactory,
    LanguageFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("organisations:list")


def names(response):
    return [o.name for o in response.context["object_list"]]


def test_topic_filter_lists_organisations_with_any_chosen_topic(client):
    racism, antisemitism, other = (
        TopicFactory(name=n) for n in ("Rassismus", "Antisemitismus", "X")
    )
    a = OrganisationFactory(name="A", topics=[racism])
    b = OrganisationFactory(name="B", topics=[antisemitism, racism])
    OrganisationFactory(name="C", topics=[other])

    response = client.get(LIST, {"topic": [racism.pk, antisemitism.pk]})

    assert names(response) == [a.name, b.name]


def test_region_filter_for_a_land_includes_its_districts_and_boroughs(client):
    berlin = LandFactory(name="Berlin")
    mitte = DistrictFactory(name="Berlin-Stadt", parent=berlin)
    wedding = BoroughFactory(name="Wedding", parent=mitte)
    active_in_wedding = OrganisationFactory(name="Kiezladen Wedding")
    active_in_wedding.regions.add(wedding)
    seated_in_berlin = OrganisationFactory(name="Landesverband", land=berlin)
    elsewhere = OrganisationFactory(name="Anderswo", land=LandFactory(name="Bayern"))

    whole_land = names(client.get(LIST, {"region": berlin.pk}))
    borough_only = names(client.get(LIST, {"region": wedding.pk}))

    assert whole_land == [active_in_wedding.name, seated_in_berlin.name]
    assert borough_only == [active_in_wedding.name]
    assert elsewhere.name not in whole_land


def test_filters_combine_with_and(client):
    topic = TopicFactory(name="Muslimfeindlichkeit")
    arabic = LanguageFactory(code="ar", name="Arabisch")
    match = OrganisationFactory(
        name="Moscheegemeinde Nord", kind=Organisation.Kind.MOSQUE, topics=[topic]
    )
    match.languages.add(arabic)
    OrganisationFactory(name="Moscheegemeinde Süd", kind=Organisation.Kind.MOSQUE, topics=[topic])
    other_kind = OrganisationFactory(name="Beratung Nord", topics=[topic])
    other_kind.languages.add(arabic)

    response = client.get(
        LIST, {"topic": topic.pk, "kind": "mosque", "language": arabic.pk, "q": "Moschee"}
    )

    assert names(response) == ["Moscheegemeinde Nord"]
    assert response.context["paginator"].count == 1


def test_legal_form_and_search_filters(client):
    OrganisationFactory(name="Stiftung Vielfalt", legal_form=Organisation.LegalForm.FOUNDATION)
    OrganisationFactory(name="Verein Vielfalt")

    assert names(client.get(LIST, {"legal_form": "foundation"})) == ["Stiftung Vielfalt"]
    assert names(client.get(LIST, {"q": "Vielfalt Verein"})) == ["Verein Vielfalt"]


def test_sorting_and_page_size_are_in_the_url(client):
    for name in ["Cäcilie", "Anton", "Berta"]:
        OrganisationFactory(name=name, city={"Anton": "Zwickau"}.get(name, "Aachen"))

    assert names(client.get(LIST, {"sort": "-name"})) == ["Cäcilie", "Berta", "Anton"]
    assert names(client.get(LIST, {"sort": "city"})) == ["Berta", "Cäcilie", "Anton"]
    page = client.get(LIST, {"per_page": 10})
    assert page.context["paginator"].per_page == 10


def test_staff_filters_exist_only_for_curators(client, member, curator):
    OrganisationFactory(name="Nie geprüft", verified_on=None, review_due=None)

    client.force_login(member)
    member_page = client.get(LIST, {"review": "never"})
    client.force_login(curator)
    curator_page = client.get(LIST, {"review": "never"})

    assert "review" not in member_page.context["filter"].form.fields
    assert "public" not in member_page.context["filter"].form.fields
    assert "review" in curator_page.context["filter"].form.fields
    assert names(curator_page) == ["Nie geprüft"]


def test_public_sees_only_public_profiles(client, member):
    OrganisationFactory(name="Öffentlich", is_public=True)
    hidden = OrganisationFactory(name="Nur für Mitglieder", is_public=False)

    assert names(client.get(LIST)) == ["Öffentlich"]
    assert client.get(hidden.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert names(client.get(LIST)) == ["Nur für Mitglieder", "Öffentlich"]
    assert client.get(hidden.get_absolute_url()).status_code == 200


def test_organisation_page_shows_profile_contacts_agreements_and_police_partners(client, member):
    org = OrganisationFactory(name="Planerladen", website="https://planerladen.example.org/")
    ContactPersonFactory(organisation=org, last_name="Yilmaz", email="yilmaz@example.org")
    ContactPersonFactory(organisation=org, last_name="Geheim", visibility="staff", consent_basis="")
    unit = PoliceUnitFactory(name="Polizeipräsidium Dortmund")
    party = AgreementPartyFactory(organisation=org, agreement__title="Dortmunder Vereinbarung")
    AgreementPartyFactory(agreement=party.agreement, organisation=None, police_unit=unit)
    client.force_login(member)

    response = client.get(org.get_absolute_url())

    html = response.content.decode()
    assert "https://planerladen.example.org/" in html
    assert 'href="mailto:yilmaz@example.org"' in html
    assert "Geheim" not in html
    assert "Dortmunder Vereinbarung" in html
    assert unit.get_absolute_url() in html


def test_anonymous_never_sees_members_only_contact_data_on_a_public_profile(client):
    org = OrganisationFactory(is_public=True)
    ContactPersonFactory(organisation=org, last_name="Nowak", email="nowak@example.org")
    ContactPersonFactory(
        organisation=org,
        last_name="",
        functional_title="Beratungstelefon",
        email="beratung@example.org",
        visibility="public",
    )

    html = client.get(org.get_absolute_url()).content.decode()

    assert "nowak@example.org" not in html
    assert "Nowak" not in html
    assert "beratung@example.org" in html


@pytest.mark.parametrize("url", [LIST, f"{LIST}?q=Verein", f"{LIST}?topic=1&topic=2"])
def test_list_costs_the_same_queries_for_5_and_50_rows(
    client, member, django_assert_max_num_queries, url
):
    topics = [TopicFactory(name="Rassismus"), TopicFactory(name="Antisemitismus")]
    client.force_login(member)
    OrganisationFactory.create_batch(5, topics=topics)
    url = url.replace("topic=1&topic=2", f"topic={topics[0].pk}&topic={topics[1].pk}")
    at_five = count_queries(client, f"{url}&per_page=50" if "?" in url else f"{url}?per_page=50")

    OrganisationFactory.create_batch(45, topics=topics)
    with django_assert_max_num_queries(at_five):
        response = client.get(url, {"per_page": 50})
    assert len(response.context["object_list"]) == 50


def test_detail_page_costs_the_same_queries_for_5_and_50_related_rows(
    client, member, django_assert_max_num_queries
):
    org = OrganisationFactory(topics=[TopicFactory()])
    client.force_login(member)
    ContactPersonFactory.create_batch(5, organisation=org, topics=[TopicFactory(name="Rassismus")])
    AgreementPartyFactory.create_batch(5, organisation=org)
    at_five = count_queries(client, org.get_absolute_url())

    ContactPersonFactory.create_batch(45, organisation=org, topics=[TopicFactory(name="Rassismus")])
    AgreementPartyFactory.create_batch(45, organisation=org)
    with django_assert_max_num_queries(at_five):
        response = client.get(org.get_absolute_url())
    assert len(response.context["contacts"]) == 50


def test_organisation_page_names_no_hidden_partner_to_the_public(client, member):
    org = OrganisationFactory(name="Planerladen", is_public=True)
    lka = PoliceUnitFactory(name="Landeskriminalamt Nord")
    hidden_unit = PoliceUnitFactory(name="Einheit Tarnkappe", parent=lka, is_public=False)
    office = PoliceUnitFactory(name="Ansprechstelle LSBTI", parent=hidden_unit)
    party = AgreementPartyFactory(
        organisation=org, agreement__title="Dortmunder Vereinbarung", agreement__is_public=True
    )
    for unit in (hidden_unit, office):
        AgreementPartyFactory(agreement=party.agreement, organisation=None, police_unit=unit)
    AgreementPartyFactory(
        agreement=party.agreement,
        organisation__name="Verein Schattenriss",
        organisation__is_public=False,
    )

    anonymous = client.get(org.get_absolute_url())
    client.force_login(member)
    as_member = client.get(org.get_absolute_url())

    assertNotContains(anonymous, "Tarnkappe")
    assertNotContains(anonymous, "Schattenriss")
    assertNotContains(anonymous, hidden_unit.get_absolute_url())
    assertContains(anonymous, "Dortmunder Vereinbarung")
    assertContains(anonymous, f'href="{office.get_absolute_url()}"')
    assertContains(anonymous, "Landeskriminalamt Nord &gt; Ansprechstelle LSBTI")
    assertContains(as_member, "Verein Schattenriss")
    assertContains(as_member, f'href="{hidden_unit.get_absolute_url()}"')
    assertContains(
        as_member, "Landeskriminalamt Nord &gt; Einheit Tarnkappe &gt; Ansprechstelle LSBTI"
    )


def test_region_filter_for_a_borough_includes_organisations_serving_the_whole_city(client):
    berlin = LandFactory(name="Berlin")
    city = DistrictFactory(name="Berlin-Stadt", parent=berlin)
    neukoelln = BoroughFactory(name="Neukölln", parent=city)
    spandau = BoroughFactory(name="Spandau", parent=city)
    citywide = OrganisationFactory(name="Berlinweite Beratung")
    citywide.regions.add(berlin)
    in_neukoelln = OrganisationFactory(name="Kiezladen Neukölln")
    in_neukoelln.regions.add(neukoelln)
    in_spandau = OrganisationFactory(name="Kiezladen Spandau")
    in_spandau.regions.add(spandau)
    OrganisationFactory(name="Nur Sitz in Berlin", land=berlin)
    elsewhere = OrganisationFactory(name="Bayernweit")
    elsewhere.regions.add(LandFactory(name="Bayern"))

    response = client.get(LIST, {"region": neukoelln.pk})

    assert names(response) == ["Berlinweite Beratung", "Kiezladen Neukölln"]
    # The other way round, as before: the whole Land lists its boroughs' organisations.
    assert names(client.get(LIST, {"region": berlin.pk})) == [
        "Berlinweite Beratung",
        "Kiezladen Neukölln",
        "Kiezladen Spandau",
        "Nur Sitz in Berlin",
    ]
    # The filter says so, and the results mark the entry that serves all of Berlin.
    assertContains(response, "inkl. Angebote für ganz Berlin")
    assert [o.serves_all_of for o in response.context["object_list"]] == ["Berlin", None]
    assertContains(response, 'badge text-bg-info">für ganz Berlin</span>', count=1)


def test_organisation_page_links_the_police_tree_beside_its_police_partners(member_client):
    organisation = OrganisationFactory(name="Kiezladen Nord")
    alone = OrganisationFactory(name="Ohne Partner")
    agreement = AgreementPartyFactory(organisation=organisation).agreement
    agreement.parties.create(police_unit=PoliceUnitFactory(name="Abschnitt 53"))

    assertContains(member_client.get(organisation.get_absolute_url()), "/polizei/?view=tree")
    assertNotContains(member_client.get(alone.get_absolute_url()), "/polizei/?view=tree")
