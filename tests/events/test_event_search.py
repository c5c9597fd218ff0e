"""Events are searched like the directory's entries (German word forms, prefixes, compounds,
typos, synonyms) on their list and on /suche/, and only as far as the reader may see them."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from directory.events.models import Event, Format, Series
from directory.search.models import Synonym
from tests.conftest import count_queries
from tests.factories import (
    DistrictFactory,
    EventFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("events:list")
SEARCH = reverse("search:search")


def found(text):
    return {event.title for event in Event.objects.search(text)}


@pytest.fixture
def events():
    return {
        "workshop": EventFactory(
            title="Workshop für Moscheegemeinden",
            place="Rathaus Köln, Laurenzplatz 4",
            description="Sicherheit von Gebetsstätten im Gespräch mit der Polizei.",
        ),
        "hospitation": EventFactory(
            title="Hospitation bei der Wache Nord",
            description="Ein Blick in die Polizei für Beratungsstellen.",
        ),
        "tagung": EventFactory(
            title="Fachtagung Opferberatung",
            topics=[TopicFactory(name="Antisemitismus")],
        ),
    }


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Moscheegemeinde", "Workshop für Moscheegemeinden"),  # singular finds plural
        ("Moscheegemeinden", "Workshop für Moscheegemeinden"),
        ("Koeln", "Workshop für Moscheegemeinden"),  # umlaut transcribed
        ("koln", "Workshop für Moscheegemeinden"),  # umlaut dropped
        ("Gebetsstätte", "Workshop für Moscheegemeinden"),  # in the description
        ("Hospit", "Hospitation bei der Wache Nord"),  # the start of a word
        ("Hospitaton", "Hospitation bei der Wache Nord"),  # a typo
        ("Beratung", "Fachtagung Opferberatung"),  # part of a compound
        ("Fachtagungen", "Fachtagung Opferberatung"),
        ("Antisemitismus", "Fachtagung Opferberatung"),  # a topic
        ("Arbeitskreis", "Fachtagung Opferberatung"),  # the format
    ],
)
def test_events_are_found_by_german_word_forms(events, query, title):
    assert title in found(query)


def test_every_word_must_match(events):
    assert found("Workshop Köln") == {"Workshop für Moscheegemeinden"}
    assert found("Workshop Hospitation") == set()


def test_a_synonym_finds_the_event():
    Synonym.objects.all().delete()
    Synonym.objects.create(term="PMK", alternatives="politisch motivierte Kriminalität")
    EventFactory(title="Fachgespräch politisch motivierte Kriminalität")

    assert found("PMK") == {"Fachgespräch politisch motivierte Kriminalität"}


def test_events_are_found_by_public_organisers_only():
    public = OrganisationFactory(name="Beratungsnetz Nordstadt", is_public=True)
    hidden = OrganisationFactory(name="Geschützte Initiative Südstadt", is_public=False)
    unit = PoliceUnitFactory(name="Polizeiwache Eving")
    event = EventFactory(title="Forum", visibility="public")
    event.organisations.set([public, hidden])
    event.police_units.set([unit])

    assert found("Nordstadt") == {"Forum"}
    assert found("Eving") == {"Forum"}
    assert found("Südstadt") == set()


# --- the stored document follows what it names ---------------------------------------------


def test_the_document_follows_renamed_links():
    topic = TopicFactory(name="Altthema")
    series = Series.objects.create(name="Altreihe")
    district = DistrictFactory(name="Altkreis", parent__name="Altland")
    event = EventFactory(title="Forum", topics=[topic], series=series, region=district)
    topic.name = "Hasskriminalität"
    topic.save()
    Series.objects.filter(pk=series.pk).update(name="Werkstattreihe")
    Format.objects.filter(pk=event.format_id).update(name="Fachgespräch")
    district.name = "Märkischer Kreis"
    district.save()
    district.parent.name = "Nordrhein-Westfalen"
    district.parent.save()

    for query in ("Hasskriminalität", "Werkstattreihe", "Fachgespräch", "Märkisch", "Westfalen"):
        assert found(query) == {"Forum"}, query
    for query in ("Altthema", "Altreihe", "Arbeitskreis", "Altkreis", "Altland"):
        assert found(query) == set(), query


def test_the_document_follows_a_moved_region():
    district = DistrictFactory(name="Kreis Eins", parent__name="Sauerland")
    EventFactory(title="Forum", region=district)
    district.parent = DistrictFactory(name="Kreis Zwei", parent__name="Münsterland").parent
    district.save()

    assert found("Münsterland") == {"Forum"}
    assert found("Sauerland") == set()


def test_the_document_follows_organisers_added_removed_renamed_and_hidden():
    organisation = OrganisationFactory(name="Beratungsnetz Nordstadt", is_public=True)
    unit = PoliceUnitFactory(name="Polizeiwache Eving")
    event = EventFactory(title="Forum", visibility="public")
    event.organisations.add(organisation)
    event.police_units.add(unit)
    assert found("Nordstadt") == found("Eving") == {"Forum"}

    organisation.name = "Beratungsnetz Hörde"
    organisation.save()
    unit.name = "Polizeiwache Brackel"
    unit.save()
    assert found("Hörde") == found("Brackel") == {"Forum"}
    assert found("Nordstadt") == found("Eving") == set()

    organisation.is_public = False
    organisation.save()
    unit.is_public = False
    unit.save()
    assert found("Hörde") == found("Brackel") == set()

    organisation.is_public = True
    organisation.save()
    event.organisations.remove(organisation)
    assert found("Hörde") == set()


def test_the_document_follows_the_event_itself():
    event = EventFactory(title="Forum", description="Über Sicherheit.")
    event.title = "Sommerfest"
    event.description = "Über Nachbarschaft."
    event.save()

    assert found("Sommerfest") == found("Nachbarschaft") == {"Sommerfest"}
    assert found("Forum") == found("Sicherheit") == set()


def test_the_list_ranks_a_title_above_a_description(member_client, events):
    EventFactory(title="Austausch", description="Mit einem Workshop am Nachmittag.")

    response = member_client.get(LIST, {"q": "Workshop"})

    assert response.status_code == 200
    titles = [event.title for event in response.context["object_list"]]
    assert titles == ["Workshop für Moscheegemeinden", "Austausch"]
    assertContains(response, "<mark>Workshop</mark>", html=False)


# --- visibility per role ---------------------------------------------------------------------


@pytest.fixture
def by_visibility(mediation):
    return {
        "public": EventFactory(title="Dialogforum Nordstadt öffentlich", visibility="public"),
        "members": EventFactory(title="Dialogforum Nordstadt Mitglieder", visibility="members"),
        "staff": EventFactory(title="Dialogforum Nordstadt intern", visibility="staff"),
        "mediation": EventFactory(
            title="Dialogforum Nordstadt Konfliktbegleitung", format=mediation
        ),
    }


SEES = {
    "anonymous": {"public"},
    "member": {"public", "members"},
    "coordinator": {"public", "members"},
    "curator": {"public", "members", "staff", "mediation"},
}


@pytest.fixture
def as_role(request, client):
    role = request.param
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return role, client


@pytest.mark.parametrize("as_role", list(SEES), indirect=True)
def test_search_page_shows_only_the_events_the_role_may_see(as_role, by_visibility):
    role, client = as_role

    response = client.get(SEARCH, {"q": "Dialogforum Nordstadt"})

    (group,) = [g for g in response.context["groups"] if g["key"] == "events"]
    expected = {by_visibility[key].title for key in SEES[role]}
    assert {event.title for event in group["results"]} == expected
    assert group["total"] == len(expected)
    for key, event in by_visibility.items():
        if key in SEES[role]:
            assertContains(response, event.get_absolute_url())
        else:
            assertNotContains(response, event.title)


@pytest.mark.parametrize("as_role", list(SEES), indirect=True)
def test_events_list_search_shows_only_the_events_the_role_may_see(as_role, by_visibility):
    role, client = as_role

    response = client.get(LIST, {"q": "Dialogforen Nordstadt"})

    titles = {event.title for event in response.context["object_list"]}
    assert titles == {by_visibility[key].title for key in SEES[role]}


def test_search_page_links_to_the_events_list_with_the_query(member_client, by_visibility):
    response = member_client.get(SEARCH, {"q": "Dialogforum"})

    assertContains(response, "Veranstaltungen")
    (group,) = [g for g in response.context["groups"] if g["key"] == "events"]
    assert group["list_url"] == f"{LIST}?q=Dialogforum"


def test_a_topic_narrows_the_events_on_the_search_page(member_client):
    topic = TopicFactory(name="Rassismus")
    EventFactory(title="Forum Nordstadt Rassismus", topics=[topic])
    EventFactory(title="Forum Nordstadt Sport")

    response = member_client.get(SEARCH, {"q": "Forum Nordstadt", "topic": topic.pk})

    (group,) = [g for g in response.context["groups"] if g["key"] == "events"]
    assert [event.title for event in group["results"]] == ["Forum Nordstadt Rassismus"]


# --- malformed queries -----------------------------------------------------------------------

MALFORMED = [
    "\x00",
    "Forum\x00Nord",
    "!&|",
    "':*",
    "a",
    "%",
    "\\",
    "Forum & | ! (",
    "¼ ²",
    "x" * 250,
    "Dialogforum " * 30,
    "<script>",
]


@pytest.mark.parametrize("query", MALFORMED)
@pytest.mark.parametrize("url", [LIST, SEARCH])
def test_malformed_queries_never_fail(client, by_visibility, url, query):
    response = client.get(url, {"q": query})

    assert response.status_code in (200, 400)
    assertNotContains(response, "Konfliktbegleitung", status_code=response.status_code)


@pytest.mark.parametrize(
    "query",
    [
        "q=Dialogforum&q=Nord&topic=x&page=-1&sort=%00&per_page=9999",
        "q=%ED%A0%80",  # not UTF-8
        "q=%FF%FE",
        "q=Dialog%00forum&format=abc&starts_after=31.02.2026&period=gestern",
    ],
)
@pytest.mark.parametrize("url", [LIST, SEARCH])
def test_odd_query_strings_never_fail(client, by_visibility, url, query):
    response = client.get(f"{url}?{query}")

    assert response.status_code in (200, 400)


def test_a_searched_list_costs_the_same_queries_at_one_and_three_results(member_client):
    url = f"{LIST}?q=Dialogforum"
    EventFactory(title="Dialogforum Eins", topics=[TopicFactory(name="Rassismus")])
    at_one = count_queries(member_client, url)
    EventFactory.create_batch(2, title="Dialogforum Weitere", topics=[TopicFactory(name="Sport")])

    assert count_queries(member_client, url) == at_one
