"""The contacts list and contact page: who sees which contact, and the filters."""

import pytest
from django.urls import reverse

from tests.conftest import count_queries
from tests.factories import (
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
LIST = reverse("contacts:list")


def shown(response):
    return {c.last_name or c.functional_title for c in response.context["object_list"]}


@pytest.fixture
def three_visibilities():
    org = OrganisationFactory(is_public=True)
    ContactPersonFactory(
        organisation=org, last_name="Offen", email="offen@example.org", visibility="public"
    )
    ContactPersonFactory(organisation=org, last_name="Mitglied", email="mitglied@example.org")
    ContactPersonFactory(
        organisation=org,
        last_name="Intern",
        email="intern@example.org",
        visibility="staff",
        staff_notes="bedroht, nicht weitergeben",
    )
    hidden_org = OrganisationFactory(is_public=False)
    ContactPersonFactory(organisation=hidden_org, last_name="Versteckt", visibility="public")


def test_each_role_sees_the_contacts_its_visibility_reaches(
    client, member, coordinator, curator, three_visibilities
):
    public = shown(client.get(LIST))
    client.force_login(member)
    as_member = shown(client.get(LIST))
    client.force_login(coordinator)
    as_coordinator = shown(client.get(LIST))
    client.force_login(curator)
    as_curator = shown(client.get(LIST))

    assert public == {"Offen"}
    assert as_member == as_coordinator == {"Offen", "Mitglied", "Versteckt"}
    assert as_curator == {"Offen", "Mitglied", "Intern", "Versteckt"}


def test_anonymous_pages_never_show_members_only_channels(client, three_visibilities):
    pages = [
        client.get(LIST),
        client.get(LIST, {"q": "Mitglied"}),
        client.get("/suche/", {"q": "Mitglied"}),
    ]

    for page in pages:
        html = page.content.decode()
        assert "mitglied@example.org" not in html
        assert "intern@example.org" not in html


def test_contact_page_is_404_above_the_users_visibility(client, member, three_visibilities):
    from directory.contacts.models import ContactPerson

    members_only = ContactPerson.objects.get(last_name="Mitglied")
    staff_only = ContactPerson.objects.get(last_name="Intern")

    assert client.get(members_only.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(members_only.get_absolute_url()).status_code == 200
    assert client.get(staff_only.get_absolute_url()).status_code == 404


def test_staff_notes_never_leave_admin(client, curator, three_visibilities):
    from directory.contacts.models import ContactPerson

    client.force_login(curator)
    contact = ContactPerson.objects.get(last_name="Intern")

    for url in [LIST, contact.get_absolute_url(), contact.organisation.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "bedroht" not in html
        assert "intern@example.org" in html


def test_contact_page_shows_function_affiliation_channels_topics_and_languages(member_client):
    contact = ContactPersonFactory(
        last_name="Okafor",
        function="Projektleitung",
        phone="030 23125 111",
        mobile="0171 3920011",
        topics=[TopicFactory(name="Antischwarzer Rassismus")],
    )
    contact.languages.add(LanguageFactory(code="fr", name="Französisch"))

    html = member_client.get(contact.get_absolute_url()).content.decode()

    assert "Projektleitung" in html
    assert f'href="{contact.organisation.get_absolute_url()}"' in html
    assert f'href="mailto:{contact.email}"' in html
    assert 'href="tel:03023125111"' in html
    assert 'href="tel:01713920011"' in html
    assert "Antischwarzer Rassismus" in html
    assert "Französisch" in html


def test_list_card_shows_name_function_affiliation_channels_and_topics(member_client):
    org = OrganisationFactory(name="Moscheeverein <Nord> & Süd")
    contact = ContactPersonFactory(
        organisation=org,
        first_name="Ayşe",
        last_name="Öztürk <b>",
        function="Dialogbeauftragte",
        email="a.oeztuerk@example.org",
        phone="030 23125 111",
        mobile="",
        topics=[TopicFactory(name="Antimuslimischer Rassismus & Islamfeindlichkeit")],
    )

    html = member_client.get(LIST, {"q": "Moscheeverein"}).content.decode()

    card = html[html.index(f'href="{contact.get_absolute_url()}"') :]
    card = card[: card.index("</ul>")]
    # Everything a curator typed is escaped; the search's words are marked.
    assert ">Ayşe Öztürk &lt;b&gt;</a></h3>" in card
    assert "Dialogbeauftragte · " in card
    assert (
        f'<a href="{org.get_absolute_url()}" data-hx-boost="false">'
        "<mark>Moscheeverein</mark> &lt;Nord&gt; &amp; Süd</a>"
    ) in card
    assert '<a href="mailto:a.oeztuerk@example.org">a.oeztuerk@example.org</a>' in card
    assert 'Telefon: <a href="tel:03023125111">030 23125 111</a>' in card
    assert "Mobil" not in card
    assert 'aria-label="Themen"' in card
    assert ">Antimuslimischer Rassismus &amp; Islamfeindlichkeit</span>" in card


def test_region_filter_follows_the_affiliation(member_client):
    nrw = LandFactory(name="Nordrhein-Westfalen")
    dortmund = DistrictFactory(name="Dortmund", parent=nrw)
    at_org = ContactPersonFactory(last_name="Verein", organisation=OrganisationFactory(land=nrw))
    at_police = ContactPersonFactory(
        last_name="Wache", organisation=None, police_unit=PoliceUnitFactory(jurisdiction=dortmund)
    )
    bavaria = LandFactory(name="Bayern")
    ContactPersonFactory(last_name="Bayern", organisation=OrganisationFactory(land=bavaria))

    assert shown(member_client.get(LIST, {"region": nrw.pk})) == {"Verein", "Wache"}
    assert shown(member_client.get(LIST, {"region": dortmund.pk})) == {"Wache"}
    # The contacts have no region of their own: they move with their organisation or unit.
    at_org.organisation.land = bavaria
    at_org.organisation.save()
    at_police.police_unit.jurisdiction = DistrictFactory(name="München", parent=bavaria)
    at_police.police_unit.save()
    assert shown(member_client.get(LIST, {"region": nrw.pk})) == set()
    assert shown(member_client.get(LIST, {"region": bavaria.pk})) == {"Bayern", "Verein", "Wache"}


def test_affiliation_topic_and_language_filters(member_client):
    topic = TopicFactory(name="Queerfeindlichkeit")
    turkish = LanguageFactory(code="tr", name="Türkisch")
    police = ContactPersonFactory(
        last_name="Polizistin", organisation=None, police_unit=PoliceUnitFactory(), topics=[topic]
    )
    police.languages.add(turkish)
    ContactPersonFactory(last_name="Beraterin", topics=[topic]).languages.add(turkish)
    ContactPersonFactory(last_name="Ohne")

    assert shown(member_client.get(LIST, {"affiliation": "police"})) == {"Polizistin"}
    assert shown(member_client.get(LIST, {"topic": topic.pk, "language": turkish.pk})) == {
        "Polizistin",
        "Beraterin",
    }
    assert shown(member_client.get(LIST, {"affiliation": "organisation", "topic": topic.pk})) == {
        "Beraterin"
    }


def test_functional_contacts_sort_by_their_title(member_client):
    ContactPersonFactory(last_name="Zander")
    ContactPersonFactory(
        last_name="", functional_title="Ansprechstelle LSBTI*", visibility="public"
    )
    ContactPersonFactory(last_name="Müller")

    order = [
        c.display_name for c in member_client.get(LIST, {"sort": "name"}).context["object_list"]
    ]

    assert order[0] == "Ansprechstelle LSBTI*"
    assert order[-1].endswith("Zander")


def test_visibility_filter_is_for_curators(client, member, curator, three_visibilities):
    client.force_login(member)
    assert "visibility" not in client.get(LIST).context["filter"].form.fields
    client.force_login(curator)
    assert shown(client.get(LIST, {"visibility": "staff"})) == {"Intern"}


def test_list_costs_the_same_queries_for_5_and_50_rows(
    member_client, django_assert_max_num_queries
):
    topics = [TopicFactory(name="Rassismus")]
    ContactPersonFactory.create_batch(3, topics=topics)
    ContactPersonFactory.create_batch(
        2, organisation=None, police_unit=PoliceUnitFactory(), topics=topics
    )
    at_five = count_queries(member_client, f"{LIST}?per_page=50&q=Erika")

    ContactPersonFactory.create_batch(25, topics=topics)
    ContactPersonFactory.create_batch(
        20, organisation=None, police_unit=PoliceUnitFactory(), topics=topics
    )
    with django_assert_max_num_queries(at_five):
        response = member_client.get(LIST, {"per_page": 50, "q": "Erika"})
    assert len(response.context["object_list"]) == 50


def test_topic_filter_includes_the_topics_of_the_unit_or_organisation(member_client):
    antisemitism = TopicFactory(name="Antisemitismus")
    other = TopicFactory(name="Rassismus")
    staatsschutz = PoliceUnitFactory(name="Staatsschutz")
    staatsschutz.topics.add(antisemitism)
    ContactPersonFactory(last_name="Staatsschutz", organisation=None, police_unit=staatsschutz)
    wache = PoliceUnitFactory(name="Wache")
    wache.topics.add(other)
    ContactPersonFactory(last_name="Wache", organisation=None, police_unit=wache)
    ContactPersonFactory(
        last_name="Verein", organisation=OrganisationFactory(topics=[antisemitism])
    )
    ContactPersonFactory(last_name="Eigenes", topics=[antisemitism])
    ContactPersonFactory(last_name="Ohne", organisation=OrganisationFactory(topics=[other]))

    assert shown(member_client.get(LIST, {"topic": antisemitism.pk})) == {
        "Staatsschutz",
        "Verein",
        "Eigenes",
    }
    assert shown(member_client.get(LIST, {"topic": antisemitism.pk, "affiliation": "police"})) == {
        "Staatsschutz"
    }


def test_region_filter_includes_affiliations_serving_the_whole_city(member_client):
    berlin = LandFactory(name="Berlin")
    city = DistrictFactory(name="Berlin-Stadt", parent=berlin)
    neukoelln = BoroughFactory(name="Neukölln", parent=city)
    spandau = BoroughFactory(name="Spandau", parent=city)
    ContactPersonFactory(
        last_name="Landesweit",
        organisation=None,
        police_unit=PoliceUnitFactory(jurisdiction=berlin),
    )
    ContactPersonFactory(
        last_name="Abschnitt",
        organisation=None,
        police_unit=PoliceUnitFactory(jurisdiction=neukoelln),
    )
    spandau_org = OrganisationFactory()
    spandau_org.regions.add(spandau)
    ContactPersonFactory(last_name="Spandau", organisation=spandau_org)
    # Seated in Berlin (by Land) is no offer for all of Berlin.
    ContactPersonFactory(last_name="Sitz", organisation=OrganisationFactory(land=berlin))

    response = member_client.get(LIST, {"region": neukoelln.pk})
    assert shown(response) == {"Landesweit", "Abschnitt"}
    assert {c.last_name: c.serves_all_of for c in response.context["object_list"]} == {
        "Landesweit": "Berlin",
        "Abschnitt": None,
    }
    assert 'badge text-bg-info">für ganz Berlin</span>' in response.content.decode()
    assert shown(member_client.get(LIST, {"region": berlin.pk})) == {
        "Landesweit",
        "Abschnitt",
        "Spandau",
        "Sitz",
    }
