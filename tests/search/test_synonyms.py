"""Synonyms and abbreviations curators keep in admin, applied when a query is read."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from directory.contacts.models import ContactPerson
from directory.police.models import PoliceUnit
from directory.search.models import Synonym, synonym_groups
from tests.factories import ContactPersonFactory, PoliceUnitFactory

pytestmark = pytest.mark.django_db


def found(model, text):
    return set(model.objects.search(text))


@pytest.fixture
def synonyms():
    Synonym.objects.all().delete()
    Synonym.objects.create(term="KOB", alternatives="Kontaktbereichsbeamt, Bezirksdienst")
    Synonym.objects.create(term="LSBTI*", alternatives="queer, lesbisch, schwul, trans")
    Synonym.objects.create(
        term="Staatsschutz", alternatives="PMK, politisch motivierte Kriminalität"
    )


def test_an_abbreviation_finds_what_it_stands_for_and_back(synonyms):
    officer = ContactPersonFactory(last_name="Bauer", function="Kontaktbereichsbeamtin")
    point = PoliceUnitFactory(name="Ansprechstelle LSBTI*")
    security = PoliceUnitFactory(name="Kriminalinspektion Staatsschutz")
    crime = PoliceUnitFactory(name="Fachkommissariat politisch motivierte Kriminalität")

    assert found(ContactPerson, "KOB") == {officer}
    assert found(PoliceUnit, "queer") == {point}
    assert found(PoliceUnit, "PMK") == {security, crime}
    assert found(PoliceUnit, "Staatsschutz") == {security, crime}


def test_an_edit_applies_to_the_next_search_without_reindexing(synonyms):
    unit = PoliceUnitFactory(name="Polizeipräsidium Dortmund")
    assert found(PoliceUnit, "PP Dortmund") == set()

    Synonym.objects.create(term="PP", alternatives="Polizeipräsidium")

    assert found(PoliceUnit, "PP Dortmund") == {unit}


def test_groups_are_folded_terms_of_words():
    Synonym.objects.all().delete()
    Synonym.objects.create(term="LSBTI*", alternatives="queer;\nLesbisch , ,Schwule Männer")

    # Folded as the index folds ("queer" and "quer" are one word there).
    assert synonym_groups() == (("lsbti", "quer", "lesbisch", "schwule manner"),)
    # A change is seen by the next search, in every worker: the entries are read each time.
    Synonym.objects.filter(term="LSBTI*").update(alternatives="queer")
    Synonym.objects.create(term="KOB", alternatives="Kontaktbereichsbeamt")
    assert synonym_groups() == (("lsbti", "quer"), ("kob", "kontaktbereichsbeamt"))


def test_the_office_starts_with_the_seeded_synonyms(django_db_setup):
    # Seeded by the search app's migration 0002 (other tests may have emptied the table).
    from importlib import import_module

    seed = import_module("directory.search.migrations.0002_synonyms").SEED

    assert {"LSBTI*", "Staatsschutz", "KOB", "PP"} <= set(seed)
    assert "queer" in seed["LSBTI*"]
    assert "PMK" in seed["Staatsschutz"]


def test_curators_edit_synonyms_in_german_admin(curator_client):
    response = curator_client.get(reverse("admin:search_synonym_add"))

    assertContains(response, "Begriff")
    assertContains(response, "Alternativen")
    response = curator_client.post(
        reverse("admin:search_synonym_add"),
        {"term": "ZfP", "alternatives": "Zentralstelle für Prävention"},
    )
    assert response.status_code == 302
    assert Synonym.objects.get(term="ZfP").terms == ["ZfP", "Zentralstelle für Prävention"]
