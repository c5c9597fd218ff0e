"""A token is found by its hash in one query compiled once (tokens.token_lookup): with its owner
and the owner's groups, for the role; the first use in a minute is recorded in the same commit
as the request's log row."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.api.models import ApiLog, ApiToken
from directory.api.tokens import TokenInvalid, check_token, create_token
from directory.core.roles import Role, role_of

pytestmark = pytest.mark.django_db


def test_a_token_is_found_with_its_owner_and_the_owners_role(coordinator, member):
    entry, token = create_token(coordinator, "Einladungen")
    create_token(member, "Andere")

    with CaptureQueriesContext(connection) as captured:
        found = check_token(token)
        role = role_of(found.user)

    assert len(captured) == 1
    assert found == entry
    assert (found.name, found.prefix, found.secret_hash) == (
        entry.name,
        entry.prefix,
        entry.secret_hash,
    )
    assert found.user == coordinator
    assert found.user.username == coordinator.username
    assert role == Role.COORDINATOR


def test_an_unknown_token_is_invalid_and_a_revoked_one_says_so(member):
    entry, token = create_token(member, "Alt")
    entry.revoked_at = timezone.now()
    entry.save()

    with pytest.raises(TokenInvalid) as unknown:
        check_token(token + "x")
    with pytest.raises(TokenInvalid) as revoked:
        check_token(token)

    assert unknown.value.entry is None
    assert revoked.value.entry == entry


def test_a_tokens_use_is_recorded_once_a_minute_with_its_log_row(api_get, member):
    entry, token = create_token(member, "Abgleich")

    api_get("/api/v1/topics/", token=token)
    first_use = ApiToken.objects.get(pk=entry.pk).last_used_at
    api_get("/api/v1/topics/", token=token)
    same_minute = ApiToken.objects.get(pk=entry.pk).last_used_at
    ApiToken.objects.filter(pk=entry.pk).update(
        last_used_at=first_use - datetime.timedelta(minutes=2)
    )
    api_get("/api/v1/topics/", token=token)
    later = ApiToken.objects.get(pk=entry.pk).last_used_at

    assert first_use is not None
    assert same_minute == first_use
    assert later > first_use
    assert ApiLog.objects.filter(token=entry).count() == 3
