"""The user of a session comes with the names of its groups: the role costs no extra query."""

import pytest
from django.contrib.auth import get_user
from django.test import RequestFactory

from directory.core.roles import Role, role_of

pytestmark = pytest.mark.django_db


def session_request(client):
    request = RequestFactory().get("/")
    request.session = client.session
    dict(request.session.items())  # read the session now, not inside the measured block
    return request


def test_user_and_role_are_read_in_one_query(client, coordinator, django_assert_num_queries):
    client.force_login(coordinator)
    request = session_request(client)

    with django_assert_num_queries(1):
        user = get_user(request)
        role = role_of(user)

    assert user == coordinator
    assert role == Role.COORDINATOR


def test_a_user_without_groups_is_public_and_a_deactivated_one_is_logged_out(client, coordinator):
    coordinator.groups.clear()
    client.force_login(coordinator)
    groupless = get_user(session_request(client))
    coordinator.is_active = False
    coordinator.save()

    assert role_of(groupless) == Role.PUBLIC
    assert not get_user(session_request(client)).is_authenticated
