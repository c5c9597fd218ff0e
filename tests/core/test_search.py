"""German full-text search over the trigger-maintained search vectors."""

import pytest
from django.db import models, transaction
from django.db.models.expressions import RawSQL

from directory.contacts.models import ContactPerson
from directory.core import search
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


def test_stop_words_alone_find_nothing_and_beside_other_words_are_no_condition():
    verein = OrganisationFactory(name="Verein")

    assert found(Organisation, "der die das") == set()
    assert found(Organisation, "der Verein") == {verein}


def test_search_words_strips_operators_and_limits_size():
    assert search_words("Moschee & Dortmund | !x") == ["Moschee", "Dortmund", "x"]
    assert len(search_words("wort " * 50)) == 8
    assert search_words("\x00") == []
    # A single letter alone is no query (an autocomplete's first keystroke); a number is.
    assert search_words("a") == []
    assert search_words("3") == ["3"]


@pytest.mark.parametrize("typed", ["0¼", "½x", "x²y", "Ⅻ Verein", "ﬁ", "'quoted'"])
def test_characters_that_fold_to_punctuation_never_break_the_query(typed):
    OrganisationFactory(name="Verein Nord")

    # Every word must match: these words match nothing, whatever they fold to.
    assert found(Organisation, typed) == set()
    assert found(Organisation, f"Verein {typed}") == set()


def test_one_letter_words_and_numbers_count_as_whole_words():
    three = PoliceUnitFactory(name="Abschnitt 3")
    PoliceUnitFactory(name="Abschnitt 32")
    PoliceUnitFactory(name="Abschnitt 5")
    verein = OrganisationFactory(name="Verein Nord")

    assert found(PoliceUnit, "Abschnitt 3") == {three}
    # "a:*b" is the words "a" and "b": no operator, and neither is in "Verein Nord".
    assert found(Organisation, "a:*b") == set()
    assert found(Organisation, "Verein a:*b") == set()
    assert found(Organisation, "Verein N") == set()
    assert found(Organisation, "Verein Nord") == {verein}


def test_a_typo_in_any_word_is_tolerated_but_unrelated_words_are_not():
    org = OrganisationFactory(
        name="Schwulenberatung Berlin", topics=[TopicFactory(name="Muslimfeindlichkeit")]
    )
    contact = ContactPersonFactory(last_name="Kowalski", function="Präventionsbeauftragte")
    OrganisationFactory(name="Kältehilfe Kreuzberg")

    assert found(Organisation, "Schwulenbertung") == {org}
    assert found(Organisation, "Muslimfeindlichkiet") == {org}
    assert found(ContactPerson, "Kowalsky") == {contact}
    assert found(ContactPerson, "Präventionsbeuftragte") == {contact}
    assert found(Organisation, "Kuchenrezept") == set()
    assert found(ContactPerson, "Kowa Kuchenrezept") == set()


def test_compounds_match_their_parts_and_the_parts_the_compound():
    counselling = OrganisationFactory(name="Schwulenberatung Berlin")
    officer = ContactPersonFactory(last_name="Levi", function="Antisemitismusbeauftragte")
    apart = ContactPersonFactory(last_name="Yilmaz", function="Dialog-Beauftragter")

    assert found(Organisation, "Schwulen Beratung") == {counselling}
    assert found(ContactPerson, "Antisemitismus Beauftragte") == {officer}
    assert found(ContactPerson, "Beauftragte Antisemitismus") == {officer}
    assert found(ContactPerson, "Dialogbeauftragter") == {apart}


def test_feminine_forms_find_the_others():
    officer = ContactPersonFactory(last_name="Bauer", function="Kontaktbereichsbeamter")

    assert found(ContactPerson, "Kontaktbereichsbeamtin") == {officer}


def test_generic_words_beside_others_rank_but_do_not_exclude():
    point = PoliceUnitFactory(name="Ansprechstelle LSBTI*", kind=PoliceUnit.Kind.LGBTI_CONTACT)
    PoliceUnitFactory(name="Polizeiwache Nord")

    assert found(PoliceUnit, "Ansprechpartner LSBTI Polizei") == {point}
    # Alone, a generic word is a condition like any other.
    assert found(PoliceUnit, "Polizei") == {PoliceUnit.objects.get(name="Polizeiwache Nord")}


def test_a_contact_is_found_by_its_affiliations_context_ranked_below_its_own_fields():
    topic = TopicFactory(name="Antiziganismus")
    org = OrganisationFactory(name="Romano Drom", kind=Organisation.Kind.MIGRANT_ORGANISATION)
    org.topics.add(topic)
    org.regions.add(BoroughFactory(name="Neukölln"))
    inherits = ContactPersonFactory(organisation=org, last_name="Stojka", function="Berater")
    says_so = ContactPersonFactory(last_name="Nowak", function="Berater", topics=[topic])
    unit = PoliceUnitFactory(name="Kontaktstelle muslimische Institutionen", city="Köln")
    unit.topics.add(TopicFactory(name="Sicherheit von Gebetsstätten"))
    officer = ContactPersonFactory(organisation=None, police_unit=unit, last_name="Krüger")

    ranked = list(ContactPerson.objects.search("Antiziganismus Berater").order_by("-search_rank"))
    assert ranked == [says_so, inherits]
    assert found(ContactPerson, "Neukölln Selbstorganisation") == {inherits}
    assert found(ContactPerson, "Gebetsstätten Köln") == {officer}


def test_a_contacts_context_follows_changes_of_its_affiliation():
    org = OrganisationFactory(name="Nachbarschaftsforum")
    contact = ContactPersonFactory(organisation=org, last_name="Nowak")
    unit = PoliceUnitFactory(name="Bezirksdienst Nordstadt")
    officer = ContactPersonFactory(organisation=None, police_unit=unit, last_name="Bauer")
    borough = BoroughFactory(name="Innenstadt-Nord")

    org.topics.add(TopicFactory(name="Racial Profiling"))
    org.regions.add(borough)
    unit.topics.add(TopicFactory(name="Hasskriminalität"))
    assert found(ContactPerson, "Profiling Nowak") == {contact}
    assert found(ContactPerson, "Innenstadt Nowak") == {contact}
    assert found(ContactPerson, "Hasskriminalität") == {officer}

    Topic.objects.filter(name="Racial Profiling").update(name="Diskriminierende Kontrollen")
    borough.__class__.objects.filter(pk=borough.pk).update(name="Nordstadt")
    Organisation.objects.filter(pk=org.pk).update(kind=Organisation.Kind.MOSQUE)
    org.topics.clear()
    assert found(ContactPerson, "Profiling Nowak") == set()
    assert found(ContactPerson, "Nordstadt Nowak") == {contact}
    assert found(ContactPerson, "Moschee Nowak") == {contact}
    assert found(ContactPerson, "Kontrollen Nowak") == set()


def test_a_contact_is_never_found_by_a_hidden_superior_units_name():
    hidden = PoliceUnitFactory(name="Einheit Tarnkappe", is_public=False)
    office = PoliceUnitFactory(name="Ansprechstelle Regenbogen", parent=hidden)
    ContactPersonFactory(organisation=None, police_unit=office, last_name="Sommer")

    assert found(ContactPerson, "Tarnkappe") == set()
    assert found(ContactPerson, "Regenbogen Sommer") != set()


@pytest.mark.parametrize("listed", [32, 1])
def test_a_prefix_asked_for_by_its_words_finds_what_the_prefix_finds(listed, monkeypatch):
    # The stem "mosche" starts three indexed words: the search asks for them by name (a GIN
    # lookup per word) instead of by prefix, and must find exactly what the prefix finds; with
    # more such words than are listed, it keeps the prefix.
    monkeypatch.setattr(search, "LISTED_PREFIX_WORDS", listed)
    found_by_words = {
        OrganisationFactory(name="Moschee am Markt"),
        OrganisationFactory(name="Moscheegemeinde Nord"),
        OrganisationFactory(name="Moscheeverein Süd"),
    }
    OrganisationFactory(name="Kirchengemeinde Ost")

    terms = search.search_terms("Moschee")
    (word,) = terms.words
    prefix = RawSQL("search_vector @@ %s::tsquery", [word.own[0]], models.BooleanField())

    assert word.own == ["'mosche':*"]
    if listed == 1:
        assert word.starting == []
        assert word.tsquery() == "'mosche':*"
    else:
        assert word.starting == ["'mosche'", "'moscheegemeind'", "'moscheeverein'"]
        assert ":*" not in word.tsquery()
    assert set(Organisation.objects.search(terms)) == found_by_words
    assert set(Organisation.objects.filter(prefix)) == found_by_words


def test_a_hyphenated_word_is_not_asked_for_beside_its_first_part():
    # "Dortmund-Brackel" is indexed as 'dortmund-brackel' and as 'dortmund' and 'brackel':
    # beside 'dortmund' the whole word finds nothing more, and the index would read its
    # entries twice. "Moscheen-Verein" is 'moscheen-verein' and 'mosche' (the part's stem).
    # The last part is stemmed with the whole word ("West" in 'dortmund-innenstadt-w') and
    # does not count; a word whose parts are not listed stays.
    in_dortmund = {
        OrganisationFactory(name="Beratung", city="Dortmund"),
        OrganisationFactory(name="Treff Dortmund-Brackel", city="Hagen"),
        OrganisationFactory(name="Büro Dortmund-Innenstadt-West", city="Hagen"),
        OrganisationFactory(name="Runder Tisch Groß-Dortmund", city="Hagen"),
        # A host is indexed whole ('dortmund-hilft.de'), without 'dortmund' beside it.
        OrganisationFactory(name="Hilfe", city="Hagen", description="Mehr: dortmund-hilft.de"),
    }
    mosques = {OrganisationFactory(name="Moscheen-Verein Hörde", city="Hagen")}
    OrganisationFactory(name="Kirchengemeinde Ost", city="Hagen")

    (dortmund,) = search.search_terms("Dortmund").words
    (moschee,) = search.search_terms("Moschee").words

    assert dortmund.starting == ["'dortmund'", "'dortmund-hilft.de'"]
    assert "'gros-dortmund'" in dortmund.tsquery()
    assert moschee.starting == ["'mosche'"]
    for typed, expected in [("Dortmund", in_dortmund), ("Moschee", mosques)]:
        prefix = search.search_terms(typed).words[0].own[0]
        by_prefix = RawSQL("search_vector @@ %s::tsquery", [prefix], models.BooleanField())
        assert set(Organisation.objects.search(typed)) == expected
        assert set(Organisation.objects.filter(by_prefix)) == expected
