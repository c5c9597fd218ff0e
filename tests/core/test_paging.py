"""A list's page and count from one query (directory/core/paging.py) hold what Django's
paginator gives, in every order the lists use: ascending and descending, empty values first or
last, names by their German key, repeated values ordered by the primary key."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db.models import F

from directory.contacts.models import ContactPerson
from directory.core.paging import counted_page, pagination
from directory.core.sorting import german_ordering, german_sort_key
from directory.organisations.models import Organisation
from tests.conftest import prepared_statements
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations():
    names = ["Zander", "Özdemir", "Ärzte", "Muller", "Müller", "Mueller", "émile", "Bach"]
    for i in range(27):
        OrganisationFactory(
            name=names[i % len(names)],
            verified_on=None if i % 3 else datetime.date(2024, 1, 1 + i % 5),
        )


ORDERINGS = [
    ["name", "pk"],
    ["-name", "pk"],
    ["-verified_on", "pk"],
    ["verified_on", "-pk"],
    [F("verified_on").desc(nulls_last=True), "pk"],
    [F("verified_on").asc(nulls_first=True), F("name").desc(), "pk"],
]


@pytest.mark.parametrize("ordering", ORDERINGS)
@pytest.mark.parametrize("size", [1, 4, 10, 100])
def test_every_page_and_past_the_end_holds_what_the_paginator_gives(
    organisations, member, ordering, size
):
    queryset = Organisation.objects.visible_to(member).order_by(*ordering)
    pages = Paginator(queryset, size).num_pages

    for asked in [*range(1, pages + 1), pages + 1, 10**6, 0, -2, "x"]:
        page = counted_page(Paginator(queryset, size), asked)
        expected = Paginator(queryset, size).get_page(asked)
        assert page.number == expected.number
        assert [o.pk for o in page.object_list] == [o.pk for o in expected.object_list]
        assert page.paginator.count == 27


def test_every_page_of_a_list_is_found_by_one_prepared_statement(organisations, member):
    queryset = Organisation.objects.visible_to(member).order_by("name", "pk")

    pages = [counted_page(Paginator(queryset, 4), number) for number in (1, 2, 7, 1, 3)]

    numbering = [s for s in prepared_statements() if '"page_numbered"' in s]
    assert len(numbering) == 1  # not one per page: the kept rows' number is a parameter
    assert [page.number for page in pages] == [1, 2, 7, 1, 3]
    assert pages[2].object_list == list(queryset[24:])


@pytest.mark.parametrize("ordering", [["name", "pk"], ["-name", "pk"]])
def test_german_names_page_as_the_paginator_orders_them(organisations, member, ordering):
    queryset = Organisation.objects.visible_to(member)
    queryset = queryset.order_by(*german_ordering(queryset, ordering))

    shown = []
    for number in (1, 2, 3):
        shown += [o.name for o in counted_page(Paginator(queryset, 10), number).object_list]

    assert shown == [o.name for o in queryset]
    names = Organisation.objects.values_list("name", flat=True)
    assert shown == sorted(names, key=german_sort_key, reverse=ordering[0].startswith("-"))


def test_contacts_sorted_by_name_descending_page_as_the_paginator_gives(member):
    for last_name in ["Zander", "Özdemir", "", "Bach", "Müller", "Muller"] * 3:
        ContactPersonFactory(
            last_name=last_name,
            functional_title="Beratungsstelle" if not last_name else "",
            visibility="members",
        )
    queryset = ContactPerson.objects.visible_to(member)
    queryset = queryset.order_by(
        *german_ordering(
            queryset,
            [ContactPerson.sort_name().desc(nulls_last=True), F("first_name").desc(), "pk"],
        )
    )

    for number in (1, 2, 3, 4, 9):
        page = counted_page(Paginator(queryset, 5), number)
        expected = Paginator(queryset, 5).get_page(number)
        assert [c.pk for c in page.object_list] == [c.pk for c in expected.object_list]
        assert page.paginator.count == 18


def test_a_list_in_random_order_is_left_to_the_paginator(member):
    OrganisationFactory.create_batch(2)

    assert counted_page(Paginator(Organisation.objects.order_by("?"), 10), 1) is None


def test_a_list_that_cannot_match_has_one_empty_page(member):
    OrganisationFactory.create_batch(2)
    page = counted_page(Paginator(Organisation.objects.none().order_by("pk"), 10), 3)

    assert list(page.object_list) == []
    assert page.paginator.count == 0


def test_page_links_keep_every_parameter_but_the_page(rf):
    paginator = Paginator(list(range(100)), 10)
    filtered = pagination(
        rf.get("/liste/", {"q": "Straße & Söhne", "topic": ["2", "5"], "page": "3"}),
        paginator.page(3),
    )
    plain = pagination(rf.get("/liste/", {"page": "2"}), paginator.page(2))

    assert filtered["page_link"] == "?q=Stra%C3%9Fe+%26+S%C3%B6hne&topic=2&topic=5&page="
    assert plain["page_link"] == "?page="
    assert list(filtered["page_range"]) == [1, 2, 3, 4, 5, Paginator.ELLIPSIS, 10]
