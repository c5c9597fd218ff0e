"""Filter forms rendered once and kept (directory/core/formcache.py), and a list's page and
count read in one pass (directory/core/paging.py): the lists show what they showed before."""

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.contacts.filters import ContactFilter
from directory.core.paging import counted_page
from directory.organisations.models import Organisation
from tests.conftest import count_queries
from tests.factories import (
    ContactPersonFactory,
    LandFactory,
    LanguageFactory,
    OrganisationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
ORGANISATIONS = reverse("organisations:list")
CONTACTS = reverse("contacts:list")


def form_html(response):
    """The filter form's part of a list page."""
    html = response.content.decode()
    return html[html.index('class="filter-form"') : html.index('id="results"')]


def test_a_new_topic_is_offered_at_once(member_client):
    TopicFactory(name="Antisemitismus")
    assert "Antisemitismus" in form_html(member_client.get(CONTACTS))

    TopicFactory(name="Rassismus")

    assert "Rassismus" in form_html(member_client.get(CONTACTS))


def test_a_renamed_region_shows_its_new_name(member_client):
    land = LandFactory(name="Nordrhein-Westfalen")
    assert "Nordrhein-Westfalen (ganzes Bundesland)" in form_html(member_client.get(ORGANISATIONS))

    land.name = "NRW"
    land.save()

    shown = form_html(member_client.get(ORGANISATIONS))
    assert "NRW (ganzes Bundesland)" in shown
    assert "Nordrhein-Westfalen" not in shown


def test_a_deleted_language_is_no_longer_offered(member_client):
    LanguageFactory(name="Deutsch")
    farsi = LanguageFactory(name="Farsi")
    assert "Farsi" in form_html(member_client.get(ORGANISATIONS))

    farsi.delete()

    assert "Farsi" not in form_html(member_client.get(ORGANISATIONS))


def test_each_language_gets_its_own_form(client):
    TopicFactory(name="Rassismus")
    german = form_html(client.get(ORGANISATIONS))

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = form_html(client.get(ORGANISATIONS))

    assert "Alle Regionen" in german
    assert "All regions" not in german
    assert "All regions" in english
    assert "Alle Regionen" not in english


def test_a_form_with_errors_shows_them_and_one_without_none(member_client):
    topic = TopicFactory(name="Rassismus")
    member_client.get(CONTACTS, {"topic": topic.pk})

    wrong = form_html(member_client.get(CONTACTS, {"topic": "999999"}))
    right = form_html(member_client.get(CONTACTS, {"topic": topic.pk}))

    assert "999999" in wrong
    assert "is-invalid" in wrong
    assert "is-invalid" not in right


def test_the_ticked_choices_are_the_query_strings(member_client):
    topic = TopicFactory(name="Rassismus")
    member_client.get(CONTACTS)

    ticked = form_html(member_client.get(CONTACTS, {"topic": topic.pk}))
    unticked = form_html(member_client.get(CONTACTS))

    assert f'value="{topic.pk}"' in ticked
    assert "checked" in ticked
    assert "checked" not in unticked


def test_staff_filters_show_only_to_curators(client, member, curator):
    client.force_login(curator)
    assert 'name="review"' in form_html(client.get(ORGANISATIONS))

    client.force_login(member)

    assert 'name="review"' not in form_html(client.get(ORGANISATIONS))


def test_the_kept_form_is_the_form_crispy_renders(member):
    TopicFactory(name="Rassismus")
    LanguageFactory(name="Farsi")
    request = RequestFactory().get(CONTACTS, {"topic": "999999", "per_page": "10"})
    request.user = member

    first = ContactFilter(request.GET, request=request).rendered_form
    kept = ContactFilter(request.GET, request=request)

    assert kept.rendered_form == first == as_crispy_form(kept.form)


def test_a_second_request_reads_no_reference_table(member_client):
    TopicFactory(name="Rassismus")
    LanguageFactory(name="Farsi")
    LandFactory(name="Bayern")
    member_client.get(CONTACTS, {"q": "Erika"})

    with CaptureQueriesContext(connection) as queries:
        member_client.get(CONTACTS, {"q": "Erika", "page": 2})

    tables = ('"core_topic"', '"core_language"', '"core_region"')
    assert not [q["sql"] for q in queries if q["sql"].startswith("SELECT") and
                any(f"FROM {table}" in q["sql"] for table in tables)]  # fmt: skip


def test_chosen_entries_show_as_the_user_may_see_them_now(member_client):
    organisation = OrganisationFactory(name="Moscheegemeinde Nord")
    ContactPersonFactory(organisation=organisation)
    assert "Moscheegemeinde Nord" in form_html(
        member_client.get(CONTACTS, {"organisation": organisation.pk})
    )

    Organisation.objects.filter(pk=organisation.pk).update(name="Moscheegemeinde Süd")

    shown = form_html(member_client.get(CONTACTS, {"organisation": organisation.pk}))
    assert "Moscheegemeinde Süd" in shown


# The page and its count in one pass.


def test_every_page_holds_what_the_paginator_gives(member):
    OrganisationFactory.create_batch(23)
    queryset = Organisation.objects.visible_to(member).order_by("name", "pk")

    for number in (1, 2, 3):
        page = counted_page(Paginator(queryset, 10), number)
        expected = Paginator(queryset, 10).page(number)
        assert list(page.object_list) == list(expected.object_list)
        assert page.paginator.count == 23
        assert page.paginator.num_pages == 3


def test_past_the_end_below_one_or_no_number_is_the_page_the_paginator_gives(member):
    OrganisationFactory.create_batch(23)
    queryset = Organisation.objects.visible_to(member).order_by("name", "pk")

    for asked in (4, 99, 2**70, 0, -3, "abc", None, "2"):
        page = counted_page(Paginator(queryset, 10), asked)
        expected = Paginator(queryset, 10).get_page(asked)
        assert page.number == expected.number
        assert list(page.object_list) == list(expected.object_list)


def test_a_list_that_is_no_plain_query_is_left_to_the_paginator(member):
    OrganisationFactory.create_batch(3)
    queryset = Organisation.objects.visible_to(member).order_by("name", "pk")

    assert counted_page(Paginator(queryset.distinct(), 10), 1) is None
    assert counted_page(Paginator(list(queryset), 10), 1) is None


def test_an_empty_list_has_one_empty_page(member):
    page = counted_page(Paginator(Organisation.objects.visible_to(member).order_by("pk"), 10), 1)

    assert list(page.object_list) == []
    assert page.paginator.count == 0
    assert not page.has_other_pages()


def test_a_page_costs_the_same_queries_wherever_it_lies(member_client):
    OrganisationFactory.create_batch(30, name="Verein Nord")
    member_client.get(ORGANISATIONS)

    first = count_queries(member_client, f"{ORGANISATIONS}?per_page=10&q=Verein")
    third = count_queries(member_client, f"{ORGANISATIONS}?per_page=10&q=Verein&page=3")

    assert first == third
    response = member_client.get(ORGANISATIONS, {"per_page": 10, "q": "Verein", "page": 3})
    assert response.context["paginator"].count == 30
    assert len(response.context["object_list"]) == 10
