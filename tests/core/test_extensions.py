import pytest
from django.db import connection


@pytest.mark.django_db
def test_unaccent_folds_german_umlauts_and_sharp_s():
    with connection.cursor() as cursor:
        cursor.execute("SELECT unaccent('Müller'), unaccent('Straße')")
        assert cursor.fetchone() == ("Muller", "Strasse")


@pytest.mark.django_db
def test_trigram_similarity_tolerates_typos():
    with connection.cursor() as cursor:
        cursor.execute("SELECT similarity('Polizei', 'Polizi'), similarity('Polizei', 'Verein')")
        close, unrelated = cursor.fetchone()

    assert close > 0.4
    assert unrelated < 0.1


@pytest.mark.django_db
def test_every_connection_defines_pgtriggers_ignore_list():
    # Undefined, each history trigger pays for a failing subtransaction (see core.apps).
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('pgtrigger.ignore', true)")
        assert cursor.fetchone() == ("{}",)
