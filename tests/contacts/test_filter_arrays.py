"""The contacts' stored `region_ids`, `topic_ids` and `language_ids` and their sort keys
(contacts/filter_sql.py) stay current through every write, and the filters that read them find
what the affiliations' own `in_region`, topic and language links say."""

import pytest
from django.db import transaction
from django.db.models import F, Q

from directory.contacts.models import ContactPerson
from directory.core.listing import RegionTree
from directory.core.search import search_index_deferred
from directory.core.sorting import GermanKey
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
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


def arrays(contact):
    stored = ContactPerson.objects.values("region_ids", "topic_ids").get(pk=contact.pk)
    return sorted(stored["region_ids"]), sorted(stored["topic_ids"])


def pks(*entries):
    return sorted(entry.pk for entry in entries)


@pytest.fixture
def berlin():
    land = LandFactory(name="Berlin")
    city = DistrictFactory(name="Berlin (Stadt)", parent=land)
    return land, city, BoroughFactory(name="Neukölln", parent=city)


def test_arrays_hold_the_affiliations_regions_those_around_and_its_seat_negated_and_all_topics(
    berlin,
):
    land, city, borough = berlin
    racism, antisemitism, queer = (TopicFactory(name=n) for n in ("R", "A", "Q"))
    org = OrganisationFactory(land=land, topics=[racism])
    org.regions.set([borough])
    at_org = ContactPersonFactory(organisation=org, topics=[antisemitism])
    unit = PoliceUnitFactory(land=land, jurisdiction=city)
    unit.topics.add(queer)
    at_unit = ContactPersonFactory(organisation=None, police_unit=unit)

    assert arrays(at_org) == (
        sorted([borough.pk, -city.pk, -land.pk]),
        pks(racism, antisemitism),
    )
    assert arrays(at_unit) == (sorted([city.pk, -land.pk]), [queer.pk])


def test_arrays_follow_the_organisations_regions_topics_and_seat(berlin):
    land, city, borough = berlin
    other_land = LandFactory(name="Brandenburg")
    topic = TopicFactory(name="Rassismus")
    org = OrganisationFactory(land=land)
    contact = ContactPersonFactory(organisation=org)

    org.regions.add(borough)
    org.topics.add(topic)
    assert arrays(contact) == (sorted([borough.pk, -city.pk, -land.pk]), [topic.pk])

    org.regions.remove(borough)
    org.topics.remove(topic)
    Organisation.objects.filter(pk=org.pk).update(land=other_land)
    assert arrays(contact) == ([-other_land.pk], [])


def test_arrays_follow_a_police_units_jurisdiction_and_seat(berlin):
    land, city, borough = berlin
    unit = PoliceUnitFactory(land=land, jurisdiction=city)
    contact = ContactPersonFactory(organisation=None, police_unit=unit)

    unit.jurisdiction = borough
    unit.save()
    assert arrays(contact)[0] == sorted([borough.pk, -city.pk, -land.pk])

    topic = TopicFactory(name="Queerfeindlichkeit")
    unit.topics.add(topic)
    assert arrays(contact)[1] == [topic.pk]

    PoliceUnit.objects.filter(pk=unit.pk).update(jurisdiction=None, land=None)
    unit.topics.remove(topic)
    assert arrays(contact) == ([], [])


def test_arrays_follow_a_contact_moving_to_another_affiliation(berlin):
    land, city, borough = berlin
    first, second = TopicFactory(name="Erstes"), TopicFactory(name="Zweites")
    old = OrganisationFactory(topics=[first])
    old.regions.add(borough)
    new = OrganisationFactory(topics=[second])
    new.regions.add(city)
    unit = PoliceUnitFactory(land=land)
    contact = ContactPersonFactory(organisation=old)

    contact.organisation = new
    contact.save()
    assert arrays(contact) == (sorted([city.pk, -land.pk]), [second.pk])

    ContactPerson.objects.filter(pk=contact.pk).update(organisation=None, police_unit=unit)
    assert arrays(contact) == ([-land.pk], [])


def test_arrays_follow_a_region_moved_to_another_parent(berlin):
    _land, city, borough = berlin
    other_land = LandFactory(name="Brandenburg")
    org = OrganisationFactory()
    org.regions.add(borough)
    unit = PoliceUnitFactory(jurisdiction=city)
    at_org = ContactPersonFactory(organisation=org)
    at_unit = ContactPersonFactory(organisation=None, police_unit=unit)

    city.parent = other_land
    city.save()
    assert arrays(at_org)[0] == sorted([borough.pk, -city.pk, -other_land.pk])
    assert arrays(at_unit)[0] == sorted([city.pk, -other_land.pk])

    borough.parent = DistrictFactory(name="Potsdam", parent=other_land)
    borough.save()
    assert arrays(at_org)[0] == sorted([borough.pk, -borough.parent.pk, -other_land.pk])


def test_arrays_lose_a_removed_topic_link_and_a_deleted_topic():
    own, inherited = TopicFactory(name="Eigenes"), TopicFactory(name="Geerbtes")
    contact = ContactPersonFactory(
        topics=[own], organisation=OrganisationFactory(topics=[inherited])
    )

    contact.topics.remove(own)
    assert arrays(contact)[1] == [inherited.pk]

    inherited.delete()
    assert arrays(contact)[1] == []


def test_arrays_stay_current_through_bulk_writes(berlin):
    land, city, _borough = berlin
    topic = TopicFactory(name="Hasskriminalität")
    org = OrganisationFactory(land=land, topics=[topic])
    org.regions.add(city)
    other = OrganisationFactory()
    created = ContactPerson.objects.bulk_create(
        [ContactPerson(organisation=org, last_name=f"Bulk{i}") for i in range(3)]
    )
    for contact in created:
        assert arrays(contact) == (sorted([city.pk, -land.pk]), [topic.pk])

    Links = ContactPerson.topics.through
    Links.objects.bulk_create([Links(contactperson_id=created[0].pk, topic_id=topic.pk)])
    other_topic = TopicFactory(name="Sexismus")
    Links.objects.bulk_create(
        [Links(contactperson_id=c.pk, topic_id=other_topic.pk) for c in created]
    )
    assert arrays(created[0])[1] == pks(topic, other_topic)

    ContactPerson.objects.filter(pk__in=[c.pk for c in created[1:]]).update(organisation=other)
    assert arrays(created[1]) == ([], [other_topic.pk])
    assert arrays(created[0])[0] == sorted([city.pk, -land.pk])

    Organisation.regions.through.objects.filter(organisation=org).delete()
    assert arrays(created[0])[0] == [-land.pk]


def test_deferred_indexing_fills_the_arrays_once_the_block_ends(berlin):
    # Seeding (seed_demo) loads through search_index_deferred.
    land, _city, borough = berlin
    topic = TopicFactory(name="Antiziganismus")
    with search_index_deferred():
        org = OrganisationFactory(land=land, topics=[topic])
        org.regions.add(borough)
        contact = ContactPersonFactory(organisation=org)
        assert arrays(contact) == ([], [])

    assert arrays(contact) == (sorted([borough.pk, -borough.parent_id, -land.pk]), [topic.pk])


@pytest.mark.django_db(transaction=True)
def test_deferred_indexing_leaves_the_array_trigger_on_afterwards():
    topic = TopicFactory(name="Rechtsextremismus")
    with transaction.atomic(), search_index_deferred():
        contact = ContactPersonFactory()
    contact.topics.add(topic)
    assert arrays(contact)[1] == [topic.pk]


def old_in_region(region_ids, serving):
    """What `ContactPersonQuerySet.in_region` meant before the arrays."""
    return ContactPerson.objects.filter(
        Q(organisation_id__in=Organisation.objects.in_region(region_ids, serving).values("pk"))
        | Q(police_unit_id__in=PoliceUnit.objects.in_region(region_ids, serving).values("pk"))
    )


def test_region_filter_finds_what_the_affiliations_in_region_finds():
    lands = [LandFactory(name="Berlin"), LandFactory(name="Nordrhein-Westfalen")]
    cities = [DistrictFactory(name=f"Stadt {i}", parent=lands[i % 2]) for i in range(3)]
    boroughs = [BoroughFactory(name=f"Bezirk {i}", parent=cities[i % 3]) for i in range(4)]
    regions = [*lands, *cities, *boroughs]
    for i, region in enumerate(regions):
        seat = lands[i % 2]
        org = OrganisationFactory(land=seat if i % 3 else None)
        org.regions.add(region)
        ContactPersonFactory(organisation=org)
        ContactPersonFactory(organisation=OrganisationFactory(land=seat))
        unit = PoliceUnitFactory(land=lands[(i + 1) % 2] if i % 2 else None, jurisdiction=region)
        ContactPersonFactory(organisation=None, police_unit=unit)
    ContactPersonFactory(organisation=OrganisationFactory())
    tree = RegionTree()

    for region in regions:
        within, serving = tree.within(region.pk), tree.above(region.pk)
        found = set(ContactPerson.objects.in_region(within, serving).values_list("pk", flat=True))
        expected = set(old_in_region(within, serving).values_list("pk", flat=True))
        assert found == expected, region.name
        assert expected
        # The region alone finds those within it too (what the contacts' filter asks).
        alone = ContactPerson.objects.in_region([region.pk], serving)
        assert set(alone.values_list("pk", flat=True)) == expected, region.name


def test_topic_filter_finds_own_and_inherited_topics_only():
    own, by_org, by_unit, elsewhere = (TopicFactory(name=n) for n in ("O", "V", "P", "X"))
    with_own = ContactPersonFactory(topics=[own])
    via_org = ContactPersonFactory(organisation=OrganisationFactory(topics=[by_org]))
    unit = PoliceUnitFactory()
    unit.topics.add(by_unit)
    via_unit = ContactPersonFactory(organisation=None, police_unit=unit)
    ContactPersonFactory(topics=[elsewhere])

    found = ContactPerson.objects.with_topics([str(own.pk), str(by_org.pk), str(by_unit.pk)])
    assert set(found) == {with_own, via_org, via_unit}
    assert set(ContactPerson.objects.with_topics([by_unit.pk])) == {via_unit}


def languages(contact):
    return ContactPerson.objects.values_list("language_ids", flat=True).get(pk=contact.pk)


def test_language_ids_follow_the_contacts_own_languages_only():
    german, turkish, arabic = (LanguageFactory(name=n) for n in ("Deutsch", "Türkisch", "Arabisch"))
    contact = ContactPersonFactory()
    assert languages(contact) == []

    contact.languages.add(turkish, german)
    assert languages(contact) == pks(german, turkish)

    ContactPerson.languages.through.objects.bulk_create(
        [ContactPerson.languages.through(contactperson_id=contact.pk, language_id=arabic.pk)]
    )
    contact.languages.remove(german)
    assert languages(contact) == pks(turkish, arabic)

    turkish.delete()
    assert languages(contact) == [arabic.pk]


def test_language_filter_finds_what_the_language_links_find():
    german, turkish, arabic = (LanguageFactory(name=n) for n in ("Deutsch", "Türkisch", "Arabisch"))
    for spoken in ([german], [german, turkish], [arabic], []):
        ContactPersonFactory().languages.set(spoken)
    Links = ContactPerson.languages.through

    for chosen in ([german], [turkish], [turkish, arabic], [german, arabic]):
        ids = [str(language.pk) for language in chosen]
        found = set(ContactPerson.objects.with_languages(ids))
        linked = Links.objects.filter(language__in=chosen).values("contactperson_id")
        assert found == set(ContactPerson.objects.filter(pk__in=linked))
        assert found


def sort_keys_as_worked_out():
    """Each contact's stored sort keys beside GermanKey's, in one query."""
    return list(
        ContactPerson.objects.annotate(
            name_expected=GermanKey(ContactPerson.sort_name()),
            first_expected=GermanKey(F("first_name")),
        ).values_list("name_key", "name_expected", "first_name_key", "first_expected")
    )


def test_sort_keys_are_german_keys_and_follow_every_write():
    names = [("Özdemir", "Émile"), ("Müller", "Jürgen"), ("Mueller", ""), ("STRAẞER", "Ólafur")]
    created = [ContactPersonFactory(last_name=last, first_name=first) for last, first in names]
    ContactPersonFactory(last_name="", functional_title="Ärztliche Beratungsstelle")
    ContactPerson.objects.bulk_create(
        [ContactPerson(organisation=created[0].organisation, last_name="Çelik")]
    )

    keys = sort_keys_as_worked_out()
    assert [name for name, expected, first, first_expected in keys if name != expected] == []
    assert [
        first for name, expected, first, first_expected in keys if first != first_expected
    ] == []
    assert {name for name, *_rest in keys} >= {"ozdemir", "muller", "arztliche beratungsstelle"}

    ContactPerson.objects.filter(pk=created[0].pk).update(last_name="Ünal", first_name="Ängelika")
    created[1].last_name = ""
    created[1].functional_title = "Zentrale"
    created[1].save()
    keys = sort_keys_as_worked_out()
    assert all(name == expected and first == first_e for name, expected, first, first_e in keys)
    assert ContactPerson.objects.values_list("name_key", "first_name_key").get(
        pk=created[0].pk
    ) == (
        "unal",
        "angelika",
    )


def test_a_list_sorted_by_name_reads_the_stored_keys():
    for last in ["Zander", "Özdemir", "Ärzte", "Muller", "Müller", "Mueller", "Bach"]:
        ContactPersonFactory(last_name=last)
    ordered = ContactPerson.objects.alphabetical()

    sql = str(ordered.query)
    assert '"name_key"' in sql
    assert '"first_name_key"' in sql
    assert "unaccent" not in sql
    assert [c.last_name for c in ordered] == [
        "Ärzte", "Bach", "Mueller", "Muller", "Müller", "Özdemir", "Zander"
    ]  # fmt: skip
