"""The search's querysets are built once per role (and topic) and copied for each request: what
a user may find must still follow from their role alone, and no request may see another's."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.contacts.models import Visibility
from directory.core.roles import Role
from directory.core.search import search_terms
from directory.search import views
from tests.conftest import count_queries, user_with_role
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ContactPersonFactory,
    EventFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    ProjectFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:search")


def compiled(built):
    return {key: str(entries.query) for key, _heading, _url, entries in built}


@pytest.mark.parametrize("role", list(Role))
def test_two_users_of_a_role_get_the_same_querysets(role):
    # What makes caching per role safe: no section's rules read more of the user than the role.
    first = user_with_role(role, "erste", is_staff=role == Role.CURATOR)
    second = user_with_role(role, "zweite", first_name="Zweite", last_name="Person")

    assert compiled(views._build_sections(first)) == compiled(views._build_sections(second))


def test_each_call_gets_unevaluated_copies(member):
    def by_key():
        return {key: entries for key, _h, _u, entries in views.search_sections(member, None)}

    first = by_key()
    list(first["contacts"])
    again = by_key()

    assert again["contacts"] is not first["contacts"]
    assert again["contacts"]._result_cache is None
    assert again["contacts"].query is not first["contacts"].query


def test_a_public_search_after_a_members_search_finds_no_members_only_contact(member_client):
    ContactPersonFactory(
        last_name="Vertraulich",
        email="vertraulich@example.org",
        visibility=Visibility.MEMBERS,
    )

    as_member = member_client.get(SEARCH, {"q": "Vertraulich"})
    anonymous = Client().get(SEARCH, {"q": "Vertraulich"})

    assert as_member.context["total"] == 1
    assert anonymous.context["total"] == 0
    assert "vertraulich@example.org" not in anonymous.content.decode()


def test_a_search_within_one_topic_then_another_finds_each_topics_entries(member_client):
    first, second = TopicFactory(name="Antiziganismus"), TopicFactory(name="Queerfeindlichkeit")
    OrganisationFactory(name="Verein Lindenhof", topics=[first])
    OrganisationFactory(name="Treffpunkt Lindenhof", topics=[second])

    in_first = member_client.get(SEARCH, {"q": "Lindenhof", "topic": first.pk})
    in_second = member_client.get(SEARCH, {"q": "Lindenhof", "topic": second.pk})
    in_all = member_client.get(SEARCH, {"q": "Lindenhof"})

    def names(response):
        return sorted(
            str(entry) for group in response.context["groups"] for entry in group["results"]
        )

    assert names(in_first) == ["Verein Lindenhof"]
    assert names(in_second) == ["Treffpunkt Lindenhof"]
    assert names(in_all) == ["Treffpunkt Lindenhof", "Verein Lindenhof"]
    assert "police" not in {group["key"] for group in in_first.context["groups"]}


def every_kind(count, topic):
    """`count` entries of each kind named "Lindenhof" (contacts of an organisation and of a
    police unit), all in `topic` where the kind has topics."""
    for _ in range(count):
        organisation = OrganisationFactory(name="Verein Lindenhof", topics=[topic])
        unit = PoliceUnitFactory(name="Polizeiwache Lindenhof")
        ContactPersonFactory(last_name="Lindenhof", organisation=organisation, topics=[topic])
        ContactPersonFactory(
            last_name="Lindenhof", organisation=None, police_unit=unit, topics=[topic]
        )
        agreement = AgreementFactory(title="Vereinbarung Lindenhof", topics=[topic])
        AgreementPartyFactory(agreement=agreement, organisation=organisation)
        ProjectFactory(title="Projekt Lindenhof", topics=[topic])
        EventFactory(title="Treffen Lindenhof", topics=[topic], region=LandFactory())


@pytest.mark.parametrize("within_topic", [False, True])
def test_every_section_costs_the_same_queries_for_one_and_many_hits(
    member_client, django_assert_max_num_queries, within_topic
):
    # Each section loads only what its entries show (CONTACT_CARD): a field the page reads
    # but did not load would cost a query per hit.
    topic = TopicFactory()
    query = {"q": "Lindenhof"} | ({"topic": topic.pk} if within_topic else {})
    every_kind(1, topic)
    member_client.get(SEARCH, query)
    with CaptureQueriesContext(connection) as at_one:
        first = member_client.get(SEARCH, query)

    every_kind(4, topic)
    with django_assert_max_num_queries(len(at_one)):
        response = member_client.get(SEARCH, query)

    shown = {group["key"]: group["total"] for group in response.context["groups"]}
    assert first.context["total"] == (6 if within_topic else 7)
    assert shown["contacts"] == 10
    assert all(total == 5 for key, total in shown.items() if key != "contacts")
    assert "Polizeiwache <mark>Lindenhof</mark>" in response.content.decode()


def test_a_search_leaves_the_start_page_as_it_was(client):
    # The start page lists the same sections, without what only the search adds.
    views._built_sections.clear()
    OrganisationFactory.create_batch(3, name="Verein Lindenhof", is_public=True)
    before = count_queries(client, "/")

    client.get(SEARCH, {"q": "Lindenhof"})

    assert count_queries(client, "/") == before
    assert "Verein Lindenhof" in client.get("/").content.decode()


def test_contacts_in_a_topic_are_those_the_contacts_list_shows(member_client):
    # A contact without topics of its own at an organisation for the topic: the contacts list
    # finds it in that topic, so the search's section (and its count) must too.
    topic, other = TopicFactory(name="Antiziganismus"), TopicFactory(name="Rassismus")
    at_topic = OrganisationFactory(name="Beratungsstelle Ost", topics=[topic])
    ContactPersonFactory(last_name="Kellerhals", organisation=at_topic, topics=[])
    ContactPersonFactory(last_name="Kellerhals", first_name="Jonas", topics=[topic])
    ContactPersonFactory(
        last_name="Kellerhals",
        first_name="Mara",
        organisation=OrganisationFactory(topics=[other]),
        topics=[other],
    )
    query = {"q": "Kellerhals", "topic": topic.pk}

    searched = member_client.get(SEARCH, query)
    listed = member_client.get(reverse("contacts:list"), query)

    contacts = next(g for g in searched.context["groups"] if g["key"] == "contacts")
    assert contacts["total"] == 2
    assert sorted(c.first_name for c in contacts["results"]) == sorted(
        c.first_name for c in listed.context["object_list"]
    )


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize(
    "text", ["Lindenhof", "Verein Lindenhof", "Treffen Lindenhof", "Lindenhov"]
)
def test_the_compiled_searches_find_what_the_querysets_find(role, text):
    # Each section's search is compiled once per role, topic and number of words and run with
    # each query's values: it must give what building the queryset for the query gives.
    topic = TopicFactory()
    every_kind(3, topic)
    OrganisationFactory(name="Lindenhof Nachbarschaft", topics=[])
    user = user_with_role(role, "suchende", is_staff=role == Role.CURATOR)
    terms = search_terms(text)

    def found(sections):
        return {
            key: [(e.pk, e.total, round(e.search_rank, 6), str(e)) for e in results]
            for key, _heading, _url, results in sections
        }

    for chosen in (None, topic.pk):
        built = [
            (key, heading, url, list(views.best_matches(entries, terms)))
            for key, heading, url, entries in views.search_sections(user, chosen)
        ]
        assert found(views.section_results(user, chosen, terms)) == found(built)
        if role != Role.PUBLIC:  # the public sees no event, so "Treffen" finds nothing
            assert any(found(built).values())


def test_a_worker_keeps_a_bounded_number_of_built_searches(member, monkeypatch):
    # Every topic with every number of words: the oldest built go, the newest stay and work.
    monkeypatch.setattr(views, "_built_sections", {})
    monkeypatch.setattr(views, "MAX_BUILT", 5)
    topics = [TopicFactory() for _ in range(4)]
    ContactPersonFactory(last_name="Lindenhof", topics=[topics[-1]])

    for topic in topics:
        for count in (1, 2, 3):
            views.compiled_searches(member, topic.pk, count)
    terms = search_terms("Lindenhof")
    found = views.section_results(member, topics[-1].pk, terms)

    assert len(views._built_sections) == 5
    assert ("compiled", Role.MEMBER, topics[-1].pk, 1) in views._built_sections
    assert ("compiled", Role.MEMBER, topics[0].pk, 1) not in views._built_sections
    assert [[c.last_name for c in r] for key, _h, _u, r in found if key == "contacts"] == [
        ["Lindenhof"]
    ]
