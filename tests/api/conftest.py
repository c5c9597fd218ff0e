"""The API's test helpers: every response a test gets through `api_get` is validated against
the schema the API serves (openapi-core), whatever the test checks besides."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse

from directory.api.tokens import create_token
from tests.conftest import user_with_role


@pytest.fixture(scope="session")
def served_schema(django_db_setup, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/v1/schema/")
    assert response.status_code == 200
    return OpenAPI.from_dict(response.json())


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()


@pytest.fixture
def api_get(client, served_schema):
    """GET `url` (with `token` as Bearer, if given); asserts the response matches the schema."""

    def get(url, token=None, **headers):
        if token:
            headers["Authorization"] = f"Bearer {token}"
        response = client.get(url, headers=headers)
        if response.status_code != 304:
            served_schema.validate_response(
                DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response)
            )
        return response

    return get


@pytest.fixture
def tokens(member, coordinator, curator):
    """A usable token per role, plus a revoked and an expired one (a coordinator's)."""
    found = {"anonymous": None}
    for role, user in [("member", member), ("coordinator", coordinator), ("curator", curator)]:
        found[role] = create_token(user, f"Test {role}")[1]
    revoked, found["revoked"] = create_token(coordinator, "Widerrufen")
    revoked.revoked_at = timezone.now()
    revoked.save()
    found["expired"] = create_token(
        coordinator, "Abgelaufen", expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )[1]
    return found


@pytest.fixture
def other_member(db):
    return user_with_role(1, "anderes-mitglied")
