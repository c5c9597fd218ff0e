"""A list's page from two queries: the page's ids from the filtered list, then the rows of those
ids (for contacts from SQL compiled once per role, with their topics' and languages' names and
`last_modified` from the two small tables read in the same query). The same entries, fields
and order as the queryset gives, page after page, at a constant number of queries."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework import serializers

from directory.api import changes
from directory.api.models import ApiLog
from directory.api.rows import RowsById
from directory.api.serializers import ContactSerializer
from directory.api.tokens import create_token
from directory.api.views import ContactViewSet
from directory.contacts.models import ContactPerson
from directory.core.models import Topic
from directory.core.roles import role_of
from tests.conftest import prepared_statements
from tests.factories import (
    ContactPersonFactory,
    DistrictFactory,
    LanguageFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def contacts_of_every_kind():
    """Contacts of organisations and police units, public to staff-only, with and without
    topics and languages, one of an organisation without a public profile."""
    topic, arabic = TopicFactory(name="Rassismus"), LanguageFactory(name="Arabisch", code="ar")
    top = PoliceUnitFactory(name="Präsidium")
    hidden = PoliceUnitFactory(name="Direktion", parent=top, is_public=False)
    unit = PoliceUnitFactory(name="Wache Nord", parent=hidden)
    made = [
        ContactPersonFactory(visibility="public", topics=[topic], mobile="0170 1"),
        ContactPersonFactory(organisation=None, police_unit=unit),
        ContactPersonFactory(
            organisation=None,
            police_unit=unit,
            visibility="public",
            last_name="",
            functional_title="Wachdienst",
        ),
        ContactPersonFactory(visibility="staff", topics=[topic]),
        ContactPersonFactory(visibility="public", organisation__is_public=False),
    ]
    made[0].languages.add(arabic)
    made[1].languages.add(arabic)
    return made


@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator", "curator"])
def test_contact_rows_from_the_compiled_sql_are_the_querysets_rows(role, request):
    user = AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)
    ids = [contact.pk for contact in contacts_of_every_kind()]
    view = ContactViewSet()

    rows = view.page_of(user, [*reversed(ids), 999_999])
    expected = view.complete(list(view.shown(user).filter(pk__in=ids).order_by("id")))

    assert expected, "the role sees some of them"
    assert rows == expected
    # Served by the compiled SQL, not by the queryset it falls back to.
    assert ContactViewSet.rows_by_role[role_of(user)].sql is not None


def rows_from_sql_alone(view, user, ids):
    """The contacts' rows with the names of their topics and languages and `last_modified`
    over everything they show worked out by the database (`with_names`, `changes`)."""
    columns = [c for c in ContactSerializer.COLUMNS if not c.endswith("_linked_ids")]
    return list(
        ContactPerson.objects.visible_to(user)
        .filter(pk__in=ids)
        .annotate(last_modified=changes.last_modified(view.shows()))
        .with_names("topics", "languages")
        .values(*columns, "topic_names", "language_names")
        .order_by("id")
    )


@pytest.mark.parametrize("role", ["anonymous", "member", "curator"])
def test_contact_rows_name_topics_and_languages_as_the_database_does(role, request):
    user = AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)
    made = contacts_of_every_kind()
    polish, turkish = LanguageFactory(name="Polnisch", code="pl"), LanguageFactory(name="Türkisch")
    made[0].languages.add(turkish, polish)
    made[0].topics.add(TopicFactory(name="Antiziganismus"), TopicFactory(name="Zivilcourage"))
    # Renamed after the contacts were saved: their `last_modified` is the topic's.
    renamed = Topic.objects.get(name="Rassismus")
    renamed.name = "Rassismus und Diskriminierung"
    renamed.save()
    ids = [contact.pk for contact in made]
    view = ContactViewSet()

    rows = view.page_of(user, ids)

    assert rows == rows_from_sql_alone(view, user, ids)
    assert rows[0]["topic_names"] == [
        "Antiziganismus",
        "Rassismus und Diskriminierung",
        "Zivilcourage",
    ]
    assert rows[0]["language_names"] == ["Arabisch", "Polnisch", "Türkisch"]
    assert rows[0]["last_modified"] == Topic.objects.get(pk=renamed.pk).updated_at


def test_a_contact_read_alone_names_its_topics_as_in_the_list(api_get, member):
    contact = ContactPersonFactory(topics=[TopicFactory(name="Rassismus")])
    contact.languages.add(LanguageFactory(name="Arabisch", code="ar"))
    token = create_token(member, "Abgleich")[1]

    alone = api_get(f"/api/v1/contacts/{contact.pk}/", token=token).json()
    listed = api_get("/api/v1/contacts/", token=token).json()["results"]

    assert alone == listed[0]
    assert (alone["topics"], alone["languages"]) == (["Rassismus"], ["Arabisch"])


def test_a_contacts_last_modified_reads_as_drf_writes_it(api_get, member):
    contact = ContactPersonFactory(visibility="public")
    token = create_token(member, "Abgleich")[1]

    shown = api_get("/api/v1/contacts/", token=token).json()["results"]
    entry = ContactViewSet().page_of(member, [contact.pk])[0]

    assert shown[0]["last_modified"] == serializers.DateTimeField().to_representation(
        entry["last_modified"]
    )


def test_filtered_contact_pages_cover_each_match_once_forwards_and_back(api_get, member):
    topic = TopicFactory(name="Antisemitismus")
    matching = sorted(ContactPersonFactory(topics=[topic]).pk for _ in range(23))
    ContactPersonFactory.create_batch(3, topics=[TopicFactory()])
    ContactPersonFactory(topics=[topic], visibility="staff")  # not the member's
    token = create_token(member, "Abgleich")[1]

    pages, url = [], f"/api/v1/contacts/?topic={topic.pk}&per_page=10"
    while url:
        body = api_get(url, token=token).json()
        pages.append([entry["id"] for entry in body["results"]])
        last_previous, url = body["previous"], body["next"]
    back = [entry["id"] for entry in api_get(last_previous, token=token).json()["results"]]

    assert [pk for page in pages for pk in page] == matching
    assert [len(page) for page in pages] == [10, 10, 3]
    assert back == pages[1]
    logged = ApiLog.objects.filter(endpoint="/api/v1/contacts/").order_by("pk")
    assert [entry.contact_ids for entry in logged[:3]] == pages


def test_filtered_contacts_cost_the_same_queries_at_any_size(api_get, member):
    topic, arabic, district = TopicFactory(), LanguageFactory(code="ar"), DistrictFactory()
    token = create_token(member, "Abgleich")[1]
    url = (
        f"/api/v1/contacts/?topic={topic.pk}&region={district.parent_id}"
        f"&language={arabic.pk}&per_page=100"
    )

    def make():
        organisation = OrganisationFactory()
        organisation.regions.add(district)
        ContactPersonFactory(organisation=organisation, topics=[topic]).languages.add(arabic)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = api_get(url, token=token)
        assert response.status_code == 200, response.content
        return len(captured), len(response.json()["results"])

    make()
    api_get("/api/v1/topics/", token=token)  # the token's first use is recorded once
    api_get(url, token=token)  # the filters' choices read and kept
    one, shown_one = queries()
    for _ in range(11):
        make()
    api_get(url, token=token)
    many, shown_many = queries()

    assert (shown_one, shown_many) == (1, 12)
    assert one == many


def test_a_members_filtered_page_finds_its_ids_in_the_contacts_table_alone(api_get, member):
    # No join for the units' paths: the ids come from one index (contact_filter_cover).
    topic = TopicFactory()
    shown = ContactPersonFactory(organisation=None, police_unit=PoliceUnitFactory(), topics=[topic])
    token = create_token(member, "Abgleich")[1]

    with CaptureQueriesContext(connection) as captured:
        response = api_get(f"/api/v1/contacts/?topic={topic.pk}", token=token)

    assert [entry["id"] for entry in response.json()["results"]] == [shown.pk]
    (ids,) = [
        query["sql"]
        for query in captured
        if query["sql"].startswith('SELECT "contacts_contactperson"."id" AS "id" FROM')
    ]
    assert "JOIN" not in ids
    assert '"topic_ids" &&' in ids


def test_rows_by_id_asks_the_queryset_itself_where_its_sql_cannot_be_kept():
    made = ContactPersonFactory.create_batch(2)
    ids = [made[1].pk, made[0].pk]

    instances = RowsById(ContactPerson.objects.all())

    assert instances.sql is None  # model instances, not `.values()` rows
    assert instances(ids) == sorted(made, key=lambda contact: contact.pk)
    assert instances([]) == []
    assert RowsById(ContactPerson.objects.values("id", "last_name"))([]) == []


def test_rows_by_id_send_another_statement_with_the_rows_both_prepared(member):
    made = ContactPersonFactory.create_batch(2, topics=[TopicFactory(name="Rassismus")])
    ids = [contact.pk for contact in made]
    rows = RowsById(ContactViewSet().shown(member))
    also = "SELECT name FROM core_topic ORDER BY name"

    found, named = rows.with_also(ids, also=also)

    assert found == list(ContactViewSet().shown(member).filter(pk__in=ids).order_by("pk"))
    assert named == [("Rassismus",)]
    assert rows.with_also([], also=also) == ([], None)
    # Planned once per connection, each run only bound and executed.
    prepared = prepared_statements()
    assert also in prepared
    assert [s for s in prepared if s.startswith('SELECT "contacts_contactperson"."id" AS "id"')]


def test_rows_by_id_send_the_other_statement_apart_without_compiled_sql():
    made = ContactPersonFactory.create_batch(2)
    instances = RowsById(ContactPerson.objects.all())

    found, counted = instances.with_also(
        [made[1].pk, made[0].pk], also="SELECT count(*) FROM contacts_contactperson"
    )

    assert found == sorted(made, key=lambda contact: contact.pk)
    assert counted == [(2,)]
