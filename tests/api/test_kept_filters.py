"""The contacts list keeps its filtered lists per process (ListFilterBackend.kept_key): by role,
reference data version and the filters' values. A kept list finds what a new one would: a
new region or topic counts at once, and no role gets another role's list."""

import pytest
from django.test import RequestFactory
from rest_framework.request import Request

from directory.api.tokens import create_token
from directory.api.views import ContactViewSet, ListFilterBackend
from tests.api.test_read import results
from tests.factories import (
    ContactPersonFactory,
    DistrictFactory,
    OrganisationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def ids(response):
    return [entry["id"] for entry in results(response)]


def contact_in(district, **fields):
    organisation = OrganisationFactory()
    organisation.regions.add(district)
    return ContactPersonFactory(organisation=organisation, **fields)


def test_a_kept_list_finds_what_a_new_one_would(api_get, member):
    topic = TopicFactory()
    first = ContactPersonFactory(topics=[topic])
    token = create_token(member, "Abgleich")[1]
    url = f"/api/v1/contacts/?topic={topic.pk}&per_page=10"

    before = ids(api_get(url, token=token))
    second = ContactPersonFactory(topics=[topic])  # a contact: no reference data changed
    after = ids(api_get(url, token=token))

    assert before == [first.pk]
    assert after == [first.pk, second.pk]


def test_a_new_region_counts_for_the_kept_list_of_its_land(api_get, member):
    district = DistrictFactory()
    inside = contact_in(district)
    token = create_token(member, "Abgleich")[1]
    url = f"/api/v1/contacts/?region={district.parent_id}"

    before = ids(api_get(url, token=token))
    newer = contact_in(DistrictFactory(parent=district.parent))
    after = ids(api_get(url, token=token))

    assert before == [inside.pk]
    assert after == [inside.pk, newer.pk]


def test_a_topic_made_after_a_kept_list_is_no_bad_filter(api_get, member):
    token = create_token(member, "Abgleich")[1]
    ids(api_get(f"/api/v1/contacts/?topic={TopicFactory().pk}", token=token))

    topic = TopicFactory()
    contact = ContactPersonFactory(topics=[topic])

    assert ids(api_get(f"/api/v1/contacts/?topic={topic.pk}", token=token)) == [contact.pk]


def test_each_role_gets_its_own_kept_list(api_get, member):
    topic = TopicFactory()
    public = ContactPersonFactory(topics=[topic], visibility="public")
    members = ContactPersonFactory(topics=[topic], visibility="members")
    url = f"/api/v1/contacts/?topic={topic.pk}"
    token = create_token(member, "Abgleich")[1]

    seen_by_member = ids(api_get(url, token=token))
    seen_by_public = ids(api_get(url))
    seen_by_member_again = ids(api_get(url, token=token))

    assert seen_by_member == seen_by_member_again == [public.pk, members.pk]
    assert seen_by_public == [public.pk]


def test_an_invalid_filter_stays_a_400_when_asked_again(api_get, member):
    token = create_token(member, "Abgleich")[1]

    answers = [api_get("/api/v1/contacts/?topic=999999", token=token) for _ in range(2)]

    assert [answer.status_code for answer in answers] == [400, 400]
    assert all("topic" in answer.json() for answer in answers)


@pytest.mark.parametrize(
    "query",
    ["q=Moschee", "topic=1&q=Moschee", "organisation=1", "review=stale", "sort=name&q=x"],
)
def test_lists_that_depend_on_more_than_reference_data_are_not_kept(query, member):
    request = Request(RequestFactory().get(f"/api/v1/contacts/?{query}"))
    request.user = member
    view = ContactViewSet()

    assert ListFilterBackend().kept_key(request, view) is None


@pytest.mark.parametrize("query", ["", "topic=1&region=2&language=3&per_page=100", "cursor=x"])
def test_lists_by_reference_data_alone_are_kept(query, member):
    request = Request(RequestFactory().get(f"/api/v1/contacts/?{query}"))
    request.user = member

    assert ListFilterBackend().kept_key(request, ContactViewSet()) is not None
