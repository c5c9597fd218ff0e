"""Curators search every changelist with the portal's own search (stored vectors, trigram
names), best match first, plus what the index leaves out (a contact's email, a hidden superior
unit, a non-public party); a large unfiltered changelist is not counted row by row."""

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.contacts.models import ContactPerson
from directory.core import admin as core_admin
from tests.factories import (
    AgreementPartyFactory,
    ContactPersonFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

CONTACTS = "/admin/contacts/contactperson/"


def found(response):
    """The entries of the changelist page, in their order."""
    return list(response.context["cl"].result_list)


def test_contacts_are_found_by_name_organisation_and_topic_best_match_first(curator_client):
    by_organisation = ContactPersonFactory(
        last_name="Weber", organisation=OrganisationFactory(name="Yılmaz Stiftung")
    )
    by_name = ContactPersonFactory(last_name="Yilmaz", first_name="Ayşe")
    by_topic = ContactPersonFactory(last_name="Klein", topics=[TopicFactory(name="Antiziganismus")])
    ContactPersonFactory(last_name="Meier")

    yilmaz = found(curator_client.get(CONTACTS, {"q": "Yilmaz"}))
    topic = found(curator_client.get(CONTACTS, {"q": "Antiziganismus"}))

    assert yilmaz == [by_name, by_organisation]
    assert topic == [by_topic]


def test_a_contact_is_found_by_its_whole_email_address_in_any_case(curator_client):
    first = ContactPersonFactory(last_name="Cohen", email="m.cohen@example.org")
    second = ContactPersonFactory(last_name="Levi", email_secondary="buero@example.org")
    ContactPersonFactory(last_name="Weber", email="weber@example.org")

    assert found(curator_client.get(CONTACTS, {"q": "M.Cohen@Example.org"})) == [first]
    assert found(curator_client.get(CONTACTS, {"q": " buero@example.org "})) == [second]
    # Channels are not in the search index: a part of an address finds nothing.
    assert found(curator_client.get(CONTACTS, {"q": "cohen@example"})) == []


def test_a_police_unit_is_found_by_a_hidden_superior_unit(curator_client):
    hidden = PoliceUnitFactory(name="Staatsschutzdirektion", is_public=False)
    unit = PoliceUnitFactory(name="Kommissariat 53", parent=hidden)
    PoliceUnitFactory(name="Abschnitt 12")

    response = curator_client.get("/admin/police/policeunit/", {"q": "Staatsschutzdirektion"})

    assert set(found(response)) == {hidden, unit}


def test_an_agreement_is_found_by_a_party_that_is_not_public(curator_client):
    party = AgreementPartyFactory(
        organisation=OrganisationFactory(name="Verborgener Verein", is_public=False)
    )
    AgreementPartyFactory()

    response = curator_client.get("/admin/agreements/agreement/", {"q": "Verborgener"})

    assert found(response) == [party.agreement]


def test_organisations_are_found_by_postcode_and_umlaut_spelling(curator_client):
    kreuzberg = OrganisationFactory(name="Türkische Gemeinde", postcode="10999")
    OrganisationFactory(name="Jugendtreff", postcode="44145")

    assert found(curator_client.get("/admin/organisations/organisation/", {"q": "10999"})) == [
        kreuzberg
    ]
    assert found(curator_client.get("/admin/organisations/organisation/", {"q": "Tuerkische"})) == [
        kreuzberg
    ]


def test_a_one_letter_term_falls_back_to_the_search_fields(curator_client):
    ozturk = ContactPersonFactory(last_name="Öztürk")
    ContactPersonFactory(last_name="Weber", first_name="Jan", function="", email="w@example.org")

    assert found(curator_client.get(CONTACTS, {"q": "ü"})) == [ozturk]


def test_searching_with_a_many_valued_filter_and_a_column_sort_works(curator_client):
    topic = TopicFactory(name="Rassismus")
    contact = ContactPersonFactory(last_name="Yilmaz", topics=[topic, TopicFactory()])
    ContactPersonFactory(last_name="Yilmazer")

    filtered = curator_client.get(CONTACTS, {"q": "Yilmaz", "topics__id__exact": topic.pk})
    sorted_by_email = curator_client.get(CONTACTS, {"q": "Yilmaz", "o": "4"})

    assert found(filtered) == [contact]
    assert sorted_by_email.status_code == 200
    assert contact in found(sorted_by_email)


def test_search_takes_as_many_queries_for_many_results_as_for_one(curator_client):
    ContactPersonFactory(last_name="Yilmaz")
    curator_client.get(CONTACTS, {"q": "Yilmaz"})  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as one:
        curator_client.get(CONTACTS, {"q": "Yilmaz"})
    for _ in range(12):
        ContactPersonFactory(last_name="Yilmaz")

    with CaptureQueriesContext(connection) as many:
        response = curator_client.get(CONTACTS, {"q": "Yilmaz"})

    assert len(found(response)) == 13
    assert len(many) == len(one)


def test_a_large_unfiltered_changelist_shows_the_estimate_and_counts_no_rows(
    curator_client, monkeypatch
):
    for _ in range(3):
        ContactPersonFactory()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE contacts_contactperson")
    monkeypatch.setattr(core_admin, "ESTIMATE_COUNT_ABOVE", 0)

    with CaptureQueriesContext(connection) as queries:
        response = curator_client.get(CONTACTS)
    searched = curator_client.get(CONTACTS, {"q": "Muster"})

    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert counts == []
    assert response.context["cl"].result_count == core_admin.planned_rows(
        response.context["cl"].queryset
    )
    assert searched.context["cl"].result_count == 3  # filtered: counted exactly


def test_a_small_unfiltered_changelist_is_counted_exactly(curator_client):
    for _ in range(3):
        ContactPersonFactory()

    response = curator_client.get(CONTACTS)

    assert response.context["cl"].result_count == 3


def test_the_action_checkbox_is_the_input_django_renders():
    contact = ContactPersonFactory(last_name="O'Brien <b>\"", first_name="Ayşe")
    model_admin = admin.site._registry[ContactPerson]

    assert model_admin.action_checkbox(contact) == ModelAdmin.action_checkbox(model_admin, contact)


def test_a_page_shows_its_rows_in_the_sorted_order_and_a_page_only_its_own(curator_client):
    # By name (the default order), by function descending (column 2), and searched. The
    # changelist takes a page's ids first, then the rows for them (core.admin.rows_in_order).
    names = ["Adler", "Bauer", "Christ", "Dietz", "Ernst", "Fink", "Graf"]
    for name in reversed(names):
        ContactPersonFactory(last_name=name, first_name="Yilmaz", function=name)
    admin.site._registry[ContactPerson].list_per_page = 3
    try:
        pages = [
            [contact.last_name for contact in found(curator_client.get(CONTACTS, query))]
            for query in ({"p": "1"}, {"p": "2"}, {"o": "-2", "p": "1"})
        ]
        searched = found(curator_client.get(CONTACTS, {"q": "Yilmaz", "o": "2", "p": "3"}))
    finally:
        del admin.site._registry[ContactPerson].list_per_page
    assert pages == [names[:3], names[3:6], names[::-1][:3]]
    assert [contact.last_name for contact in searched] == ["Graf"]
