"""German full-text search over the trigger-maintained search vectors."""

import pytest
from django.db import models, transaction
from django.db.models.expressions import RawSQL

from directory.contacts.models import ContactPerson
from directory.core.models import Topic
from directory.core.search import search_index_deferred, search_words
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from tests.factories import (
    BoroughFactory,
    ContactPersonFactory,
    LanguageFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def found(model, text):
    return set(model.objects.search(text))


@pytest.mark.parametrize("typed", ["Müller", "Mueller", "muller"])
def test_mueller_is_found_however_it_is_typed(typed):
    mueller = ContactPersonFactory(last_name="Müller")
    ContactPersonFactory(last_name="Maier")

    assert found(ContactPerson, typed) == {mueller}


def test_strasse_finds_strasse_with_sharp_s():
    org = OrganisationFactory(name="Nachbarschaftshaus Lindenstraße")

    assert found(Organisation, "Lindenstrasse") == {org}


def test_plural_finds_singular_and_prefix_finds_compounds():
    verein = OrganisationFactory(name="Verein Kulturbrücke Nordstadt")
    mosque = OrganisationFactory(name="Moscheegemeinde Hörde")

    assert found(Organisation, "Vereine") == {verein}
    assert found(Organisation, "Moschee") == {mosque}


def test_typo_in_a_name_is_tolerated():
    unit = PoliceUnitFactory(name="Polizei Berlin")

    assert found(PoliceUnit, "Polizi") == {unit}


def test_multi_word_queries_and_their_words():
    dortmund = OrganisationFactory(name="Moscheegemeinde Dortmund")
    OrganisationFactory(name="Moscheegemeinde Essen", city="Essen")
    OrganisationFactory(name="Jugendtreff Dortmund")

    assert found(Organisation, "Moschee Dortmund") == {dortmund}


def test_topic_district_and_language_find_tagged_entries():
    org = OrganisationFactory(name="Beratungsstelle Süd")
    org.topics.add(TopicFactory(name="Antiziganismus"))
    org.regions.add(BoroughFactory(name="Neukölln"))
    contact = ContactPersonFactory(last_name="Nowak")
    contact.languages.add(LanguageFactory(code="ro", name="Rumänisch"))

    assert found(Organisation, "Antiziganismus") == {org}
    assert found(Organisation, "Neukölln") == {org}
    assert found(ContactPerson, "rumänisch") == {contact}


def test_vectors_follow_renames_of_related_entries():
    topic = TopicFactory(name="Racial Profiling")
    contact = ContactPersonFactory(last_name="Okafor", topics=[topic])

    Topic.objects.filter(pk=topic.pk).update(name="Diskriminierende Polizeikontrollen")
    Organisation.objects.filter(pk=contact.organisation_id).update(name="Planerladen")

    assert found(ContactPerson, "Polizeikontrollen") == {contact}
    assert found(ContactPerson, "Planerladen Okafor") == {contact}
    assert found(ContactPerson, "Profiling") == set()


def test_vectors_follow_bulk_updates_and_moves_in_the_police_tree():
    berlin = PoliceUnitFactory(name="Polizei Berlin")
    section = PoliceUnitFactory(name="Abschnitt 53", parent=PoliceUnitFactory(parent=berlin))
    contact = ContactPersonFactory(organisation=None, police_unit=section, last_name="Schulz")

    PoliceUnit.objects.filter(pk=berlin.pk).update(name="Polizeipräsidium Hauptstadt")

    assert found(PoliceUnit, "Hauptstadt Abschnitt") == {section}
    assert found(ContactPerson, "Hauptstadt Schulz") == {contact}


def row_version(contact):
    """The physical address of the row's current version: every UPDATE moves it."""
    return (
        ContactPerson.objects.annotate(version=RawSQL("ctid::text", [])).get(pk=contact.pk).version
    )


def test_a_bulk_update_reindexes_only_the_rows_whose_indexed_columns_changed():
    renamed, kept = OrganisationFactory(name="Alte Wache"), OrganisationFactory(name="Nordlicht")
    moved = ContactPersonFactory(organisation=renamed, last_name="Yilmaz")
    untouched = ContactPersonFactory(organisation=kept, last_name="Yilmaz")
    version = row_version(untouched)

    Organisation.objects.update(
        name=models.Case(
            models.When(pk=renamed.pk, then=models.Value("Neue Wache")), default=models.F("name")
        ),
        website="https://example.org/",
    )

    assert found(ContactPerson, "Neue Yilmaz") == {moved}
    assert row_version(untouched) == version


def test_deferred_indexing_indexes_every_row_once_the_block_ends():
    before = ContactPersonFactory(last_name="Nowak")
    with search_index_deferred():
        org = OrganisationFactory(name="Jugendtreff Nordstadt")
        org.topics.add(TopicFactory(name="Antiziganismus"))
        before.languages.add(LanguageFactory(code="ro", name="Rumänisch"))
        assert Organisation.objects.get(pk=org.pk).search_vector is None

    assert found(Organisation, "Jugendtreff Antiziganismus") == {org}
    assert found(ContactPerson, "Nowak rumänisch") == {before}
    # The triggers are back on: a later link is indexed at once.
    org.topics.add(TopicFactory(name="Queerfeindlichkeit"))
    assert found(Organisation, "Queerfeindlichkeit") == {org}


@pytest.mark.django_db(transaction=True)
def test_deferred_indexing_refuses_to_run_outside_a_transaction():
    with pytest.raises(RuntimeError, match="transaction"), search_index_deferred():
        pass

    with transaction.atomic(), search_index_deferred():
        OrganisationFactory(name="Beratungsstelle Süd")
    assert found(Organisation, "Beratungsstelle") != set()


def test_channels_and_staff_notes_are_not_searchable():
    ContactPersonFactory(email="geheim@example.org", phone="030 23125 111", staff_notes="Vorsicht")

    assert found(ContactPerson, "geheim") == set()
    assert found(ContactPerson, "23125") == set()
    assert found(ContactPerson, "Vorsicht") == set()


@pytest.mark.parametrize(
    "hostile", ["", "   ", "\x00", "a & b | !c", "'); DROP TABLE x; --", "x" * 10_000, ":*"]
)
def test_hostile_queries_find_nothing_and_never_fail(hostile):
    OrganisationFactory(name="Verein")

    assert found(Organisation, hostile) == set()


def test_stop_words_alone_are_no_condition():
    verein = OrganisationFactory(name="Verein")

    assert found(Organisation, "der die das") == {verein}
    assert found(Organisation, "der Verein") == {verein}


def test_search_words_strips_operators_and_limits_size():
    assert search_words("Moschee & Dortmund | !x") == ["Moschee", "Dortmund"]
    assert len(search_words("wort " * 50)) == 8
    assert search_words("\x00") == []


@pytest.mark.parametrize("typed", ["0¼", "½x", "x²y", "Ⅻ Verein", "ﬁ", "'quoted'"])
def test_characters_that_fold_to_punctuation_never_break_the_query(typed):
    OrganisationFactory(name="Verein Nord")

    # Every word must match: these words match nothing, whatever they fold to.
    assert found(Organisation, typed) == set()
    assert found(Organisation, f"Verein {typed}") == set()


def test_operators_between_one_letter_words_leave_the_other_words():
    verein = OrganisationFactory(name="Verein Nord")

    # "a:*b" holds no word of two letters or more: only "Verein" is searched.
    assert found(Organisation, "a:*b") == set()
    assert found(Organisation, "Verein a:*b") == {verein}
