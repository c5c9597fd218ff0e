"""Police units carry topics (their responsibilities): searchable, filterable, shown, curated."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from directory.core.models import Topic
from directory.police.models import PoliceUnit
from tests.factories import PoliceUnitFactory, TopicFactory

pytestmark = pytest.mark.django_db
LIST = reverse("police:list")


def found(text):
    return set(PoliceUnit.objects.search(text))


def test_a_unit_is_found_by_its_topics_as_they_are_linked_renamed_and_unlinked():
    unit = PoliceUnitFactory(name="Polizeipräsidium Dortmund")
    PoliceUnitFactory(name="Polizeipräsidium Essen")
    topic = TopicFactory(name="Antimuslimischer Rassismus")

    unit.topics.add(topic)
    assert found("antimuslimisch") == {unit}

    Topic.objects.filter(pk=topic.pk).update(name="Muslimfeindlichkeit")
    assert found("Muslimfeindlichkeit") == {unit}
    assert found("antimuslimisch") == set()

    unit.topics.remove(topic)
    assert found("Muslimfeindlichkeit") == set()


def test_a_bulk_link_reindexes_every_unit_once():
    units = PoliceUnitFactory.create_batch(3)
    topic = TopicFactory(name="Queerfeindlichkeit")

    PoliceUnit.topics.through.objects.bulk_create(
        PoliceUnit.topics.through(policeunit=unit, topic=topic) for unit in units
    )

    assert found("Queerfeindlichkeit") == set(units)


def test_the_list_filters_by_topic_and_shows_the_topics(client):
    topic = TopicFactory(name="Antiziganismus")
    unit = PoliceUnitFactory(name="Wache Nord")
    unit.topics.add(topic)
    PoliceUnitFactory(name="Wache Süd")

    response = client.get(LIST, {"topic": topic.pk})

    assert [u.name for u in response.context["object_list"]] == ["Wache Nord"]
    assertContains(response, "Antiziganismus")
    assertNotContains(response, "Wache Süd")


def test_the_unit_page_shows_its_topics(client):
    unit = PoliceUnitFactory(name="Polizei Berlin")
    unit.topics.add(TopicFactory(name="Hasskriminalität"), TopicFactory(name="Antisemitismus"))

    response = client.get(unit.get_absolute_url())

    assertContains(response, "Hasskriminalität")
    assertContains(response, "Antisemitismus")


def test_curators_pick_a_units_topics_with_autocomplete(curator_client):
    unit = PoliceUnitFactory(name="Polizei Berlin")

    response = curator_client.get(reverse("admin:police_policeunit_change", args=[unit.pk]))

    assertContains(response, 'name="topics"')
    assertContains(response, 'data-ajax--url="/admin/autocomplete/"')
