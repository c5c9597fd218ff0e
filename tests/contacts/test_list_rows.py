"""The contacts list reads a page's entries by id from SQL compiled once per role
(`DirectoryListView.page_rows`): what each role sees must be what its own query gives, and the
queryset it is compiled from must depend on the role alone."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django.urls import reverse

from directory.contacts.models import ContactPerson
from directory.contacts.views import ContactListView
from directory.core.roles import Role
from tests.conftest import prepared_statements, user_with_role
from tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("contacts:list")


def listed(response):
    return [c.last_name for c in response.context["object_list"]]


@pytest.fixture
def directory():
    topic = TopicFactory(name="Antisemitismus")
    public_org = OrganisationFactory(name="Beratungsstelle Nord", is_public=True)
    hidden_org = OrganisationFactory(name="Schutzraum", is_public=False)
    hidden = PoliceUnitFactory(name="Einheit Tarnkappe", is_public=False)
    unit = PoliceUnitFactory(name="Staatsschutz", parent=hidden, is_public=True)
    for last_name, visibility, affiliation in [
        ("Albers", "public", {"organisation": public_org}),
        ("Brandt", "members", {"organisation": public_org}),
        ("Celik", "staff", {"organisation": public_org}),
        ("Demir", "public", {"organisation": hidden_org}),
        ("Engel", "public", {"organisation": None, "police_unit": unit}),
        ("Fischer", "members", {"organisation": None, "police_unit": unit}),
    ]:
        contact = ContactPersonFactory(last_name=last_name, visibility=visibility, **affiliation)
        contact.topics.add(topic)
    return topic


def test_each_role_sees_what_its_own_query_gives(directory, member, curator):
    """Requests of every role in turn on one connection: a role's compiled rows never serve
    another's page."""
    clients = {"public": Client(), "member": Client(), "curator": Client()}
    clients["member"].force_login(member)
    clients["curator"].force_login(curator)
    users = {"public": AnonymousUser(), "member": member, "curator": curator}

    for _round in range(3):
        for role, client in clients.items():
            for query in ({}, {"topic": directory.pk}, {"q": "Staatsschutz"}):
                response = client.get(LIST, {**query, "per_page": 10})
                expected = ContactPerson.objects.visible_to(users[role])
                if "topic" in query:
                    expected = expected.with_topics([directory.pk])
                if "q" in query:
                    expected = expected.filter(police_unit__name="Staatsschutz")
                assert sorted(listed(response)) == sorted(c.last_name for c in expected), (
                    role,
                    query,
                )

    # The unit is named with the path the role may read.
    units = {
        role: {str(e.affiliation) for e in c.get(LIST).context["object_list"] if e.police_unit}
        for role, c in clients.items()
    }
    assert units == {
        "public": {"Staatsschutz"},
        "member": {"Einheit Tarnkappe > Staatsschutz"},
        "curator": {"Einheit Tarnkappe > Staatsschutz"},
    }
    shown = {role: set(listed(c.get(LIST))) for role, c in clients.items()}
    assert shown == {
        "public": {"Albers", "Engel"},
        "member": {"Albers", "Brandt", "Demir", "Engel", "Fischer"},
        "curator": {"Albers", "Brandt", "Celik", "Demir", "Engel", "Fischer"},
    }


def test_a_page_s_entries_come_from_one_prepared_statement(directory, member_client):
    for query in ({}, {"topic": directory.pk}, {"per_page": 10, "page": 1}):
        member_client.get(LIST, query)

    by_id = [s for s in prepared_statements() if '"contacts_contactperson"' in s and "ANY(" in s]
    assert len(by_id) == 1
    # Their topics and channels come with them (the same columns as the list's own query).
    page = member_client.get(LIST).context["object_list"]
    assert [c.topic_names for c in page] == [["Antisemitismus"]] * len(page)


def test_the_list_s_queryset_depends_on_the_role_alone(db):
    """What `rows_by_role` promises: two users of one role get the same SQL, whatever else
    differs between them."""
    factory = RequestFactory()

    def sql(user):
        request = factory.get(LIST)
        request.user = user
        view = ContactListView()
        view.setup(request)
        query, params = view.get_queryset().query.sql_with_params()
        return query, params

    for role in (Role.MEMBER, Role.COORDINATOR, Role.CURATOR):
        first = user_with_role(role, f"erste-{role.name.lower()}")
        second = user_with_role(role, f"zweite-{role.name.lower()}", is_staff=True)
        assert sql(first) == sql(second), role
    assert sql(user_with_role(Role.MEMBER, "mitglied-x")) != sql(
        user_with_role(Role.CURATOR, "kuratorin-x")
    )
