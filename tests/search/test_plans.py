"""How PostgreSQL runs the search's queries: the index lookups the search relies on are the
ones it gets, whatever the planner would otherwise prefer (planner estimates change with the
data; these run with only bitmap scans on, so a condition an index can answer is answered by
one)."""

import pytest
from django.db import connection, transaction

from directory.contacts.models import ContactPerson
from directory.core.search import search_terms
from directory.search import views
from tests.factories import ContactPersonFactory, OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db

FILTER_ARRAYS_INDEX = "contact_filter_arrays_gin"


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        for scan in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def topic():
    topic = TopicFactory(name="Antimuslimischer Rassismus")
    mosque = OrganisationFactory(name="Moscheegemeinde Dortmund", topics=[topic])
    for name in ("Yilmaz", "Demir", "Kaya"):
        ContactPersonFactory(last_name=name, organisation=mosque)
    ContactPersonFactory(last_name="Schulz", topics=[topic])
    return topic


def test_a_search_within_a_topic_tests_the_topic_on_the_contacts_its_words_found(member, topic):
    # Not a bitmap of every contact in the topic ANDed with the words' (a sixth of a large
    # directory, which made that bitmap lossy): the words' index finds, the row says the topic.
    terms = search_terms("Moschee Dortmund")
    sections = {key: entries for key, _h, _u, entries in views.search_sections(member, topic.pk)}

    searched = plan(views.best_matches(sections["contacts"], terms))

    assert "contact_search_gin" in searched
    assert FILTER_ARRAYS_INDEX not in searched
    assert len(list(views.best_matches(sections["contacts"], terms))) == 3


def test_a_search_within_a_topic_tests_the_entries_topics_on_the_entries_its_words_found(
    member, topic
):
    # Organisations (and agreements, events, projects) by their link table: each row's links
    # from the table's unique index, not every link of the topic joined to the words' hits.
    terms = search_terms("Moschee Dortmund")
    sections = {key: entries for key, _h, _u, entries in views.search_sections(member, topic.pk)}

    searched = plan(views.best_matches(sections["organisations"], terms))

    assert "organisation_search_gin" in searched
    assert "organisations_organisation_topics_topic_id" not in searched
    assert [o.name for o in views.best_matches(sections["organisations"], terms)] == [
        "Moscheegemeinde Dortmund"
    ]


def test_the_contacts_list_in_a_topic_reads_the_topic_from_the_index(topic):
    # The same condition by index, as the contacts list asks it: what the test above rules out
    # is what the planner does here.
    assert FILTER_ARRAYS_INDEX in plan(ContactPerson.objects.with_topics([topic.pk]))
    assert ContactPerson.objects.with_topics([topic.pk]).count() == 4
