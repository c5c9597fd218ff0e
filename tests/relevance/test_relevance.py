"""The search's relevance on a fixed corpus, measured (`make relevance` prints the table) and
held above the floor recorded in floor.json: a change that makes search worse fails here."""

import json
import os
from pathlib import Path

import pytest

from . import corpus
from .evaluate import PAGES, evaluate, failures, format_table, summary

FLOOR = Path(__file__).with_name("floor.json")
# django_db: pytest-django sets the test database up only for a session that holds a test
# marked so (else the module fixture below would run on the development database). Slow: a
# few hundred page requests.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """The corpus built once for the module (rolled back at the end), every query asked as a
    member on every page."""
    from django.db import connection, transaction
    from django.test import Client

    from directory.core.roles import Role
    from tests.conftest import user_with_role

    with django_db_blocker.unblock(), transaction.atomic():
        assert connection.settings_dict["NAME"].startswith("test_"), "not on a test database"
        entries = corpus.build()
        client = Client()
        client.user = user_with_role(Role.MEMBER, "relevanz")
        client.force_login(client.user)
        outcomes = evaluate(client, entries)
        transaction.set_rollback(True)
    table = summary(outcomes)
    if os.environ.get("NETZPOL_RELEVANCE_REPORT"):
        print("\n" + format_table(table))
        print("Queries below nDCG 0.5:")
        print("\n".join(failures(outcomes)) or "none")
    return outcomes, table


def test_the_corpus_has_enough_graded_queries_in_every_category():
    from .queries import CATEGORIES, QUERIES

    assert len(QUERIES) >= 80
    assert {category for category, _query, _grades in QUERIES} == set(CATEGORIES)
    for _category, _query, grades in QUERIES:
        assert all(grade in (1, 2, 3) for grade in grades.values())


@pytest.mark.parametrize("page", list(PAGES))
def test_relevance_stays_above_the_recorded_floor(measured, page):
    _outcomes, table = measured
    floor = json.loads(FLOOR.read_text())[page]
    row = table[(page, "all")]

    assert row["ndcg"] >= floor["ndcg"], format_table(table)
    assert row["mrr"] >= floor["mrr"], format_table(table)
    assert row["recall"] >= floor["recall"], format_table(table)
    assert row["zero"] <= floor["zero"], format_table(table)
