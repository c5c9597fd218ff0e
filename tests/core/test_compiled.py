"""Querysets compiled once and run with each request's values (core.compiled): the objects
must be those the queryset itself gives for the same values, in one query, for every run."""

import pytest
from django.db.models import Value
from django.db.models.functions import Concat

from directory.contacts.models import ContactPerson
from directory.core.compiled import CompiledQuerySet, Slot
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
