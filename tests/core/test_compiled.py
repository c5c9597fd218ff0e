"""Querysets compiled once and run with each request's values (core.compiled): the objects
must be those the queryset itself gives for the same values, in one query, for every run."""

import pytest
from django.db import connection
from django.db.models import Value
from django.db.models.functions import Concat
from django.test.utils import CaptureQueriesContext

from directory.contacts.models import ContactPerson
from directory.core.compiled import CompiledQuerySet, Slot
from tests.conftest import prepared_statements
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def by_name(name, greeting):
    return (
        ContactPerson.objects.select_related("organisation")
        .filter(last_name=Value(name))
        .annotate(greeting=Concat(Value(greeting), "last_name"))
        .order_by("pk")
    )


def shown(contacts):
    return [(c.pk, c.greeting, c.organisation.name) for c in contacts]


def test_each_run_gives_the_querysets_objects_for_its_values(django_assert_num_queries):
    verein = OrganisationFactory(name="Verein Lindenhof")
    ContactPersonFactory(last_name="Yilmaz", organisation=verein)
    ContactPersonFactory(last_name="Yilmaz", organisation=OrganisationFactory(name="Treffpunkt"))
    ContactPersonFactory(last_name="Nowak", organisation=verein)
    compiled = CompiledQuerySet(by_name(Slot("name"), Slot("greeting")))

    with django_assert_num_queries(1):  # the organisations come with their contacts
        yilmaz = shown(compiled.run(name="Yilmaz", greeting="Hallo "))
    nowak = shown(compiled.run(name="Nowak", greeting="Guten Tag "))
    nobody = compiled.run(name="Niemand", greeting="")

    assert yilmaz == shown(by_name("Yilmaz", "Hallo "))
    assert [greeting for _pk, greeting, _org in yilmaz] == ["Hallo Yilmaz"] * 2
    assert nowak == [(nowak[0][0], "Guten Tag Nowak", "Verein Lindenhof")]
    assert nobody == []


def test_a_value_is_sent_as_a_parameter_never_as_sql():
    ContactPersonFactory(last_name="O'Brien")
    compiled = CompiledQuerySet(by_name(Slot("name"), Slot("greeting")))

    assert [c.last_name for c in compiled.run(name="O'Brien", greeting="'; DROP TABLE x; --")] == [
        "O'Brien"
    ]


def test_every_slot_needs_a_value_and_no_other_is_taken():
    compiled = CompiledQuerySet(by_name(Slot("name"), Slot("greeting")))

    with pytest.raises(ValueError, match="slots"):
        compiled.run(name="Yilmaz")
    with pytest.raises(ValueError, match="slots"):
        compiled.run(name="Yilmaz", greeting="Hallo ", extra="x")


def test_a_compiled_queryset_is_prepared_once_on_the_server():
    ContactPersonFactory(last_name="Yilmaz", organisation=OrganisationFactory(name="Treffpunkt"))
    ContactPersonFactory(last_name="Nowak")
    compiled = CompiledQuerySet(by_name(Slot("name"), Slot("greeting")))

    runs = [shown(compiled.run(name=name, greeting="Hallo ")) for name in ("Yilmaz", "Nowak") * 3]

    # One statement prepared, whatever the values; each run's own values are bound to it.
    assert len([s for s in prepared_statements() if '"contacts_contactperson"' in s]) == 1
    assert runs[::2] == [shown(by_name("Yilmaz", "Hallo "))] * 3
    assert runs[1::2] == [shown(by_name("Nowak", "Hallo "))] * 3
    with CaptureQueriesContext(connection) as logged:
        compiled.run(name="Yilmaz", greeting="Hallo ")
    # Django's query log shows the statement, as for any other query.
    assert '"contacts_contactperson"' in logged.captured_queries[0]["sql"]


def test_django_s_own_queries_are_not_prepared():
    ContactPersonFactory(last_name="Yilmaz")
    for _ in range(10):
        assert list(by_name("Yilmaz", "Hallo ")) != []

    assert not [s for s in prepared_statements() if '"contacts_contactperson"' in s]


def test_a_prepared_statement_is_planned_once_not_for_each_runs_values():
    ContactPersonFactory(last_name="Yilmaz")
    compiled = CompiledQuerySet(by_name(Slot("name"), Slot("greeting")))

    for name in ("Yilmaz", "Nowak", "Niemand") * 3:
        compiled.run(name=name, greeting="Hallo ")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
            " WHERE statement LIKE '%%contacts_contactperson%%'"
        )
        # Its generic plan for every run (settings: plan_cache_mode), no custom plan.
        assert cursor.fetchall() == [(9, 0)]
