"""Password reset mails are throttled: silently per target address (no hint whether it exists),
with the 429 page per client address."""

import pytest
from django.core import mail
from django.core.cache import cache

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
RESET = "/konto/password_reset/"
DONE = "/konto/password_reset/done/"


@pytest.fixture
def limits_on(settings):
    settings.RATELIMIT_ENABLE = True
    settings.NETZPOL_RATE_PASSWORD_RESET_ADDRESS = "3/h"
    settings.NETZPOL_RATE_PASSWORD_RESET_IP = "100/h"
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def ayse(db):
    return UserFactory(username="ayse", email="ayse@example.org")


def test_reset_mails_to_one_address_are_limited_silently(client, ayse, limits_on):
    spellings = ["ayse@example.org", "AYSE@example.org", " Ayse@Example.org ", "ayse@example.org"]

    responses = [
        client.post(RESET, {"email": spellings[n % 4]}, REMOTE_ADDR=f"192.0.2.{n}")
        for n in range(15)
    ]

    assert len(mail.outbox) == 3
    assert {m.to[0] for m in mail.outbox} == {"ayse@example.org"}
    assert {(r.status_code, r["Location"]) for r in responses} == {(302, DONE)}


def test_over_the_limit_looks_the_same_for_known_and_unknown_addresses(client, ayse, limits_on):
    for n in range(3):
        client.post(RESET, {"email": "ayse@example.org"}, REMOTE_ADDR=f"192.0.2.{n}")
        client.post(RESET, {"email": "niemand@example.org"}, REMOTE_ADDR=f"192.0.2.{n}")

    known = client.post(RESET, {"email": "ayse@example.org"}, follow=True)
    unknown = client.post(RESET, {"email": "niemand@example.org"}, follow=True)

    assert len(mail.outbox) == 3
    assert known.redirect_chain == unknown.redirect_chain == [(DONE, 302)]
    assert "Falls ein Konto mit dieser Adresse existiert" in known.content.decode()
    assert "Falls ein Konto mit dieser Adresse existiert" in unknown.content.decode()


def test_the_limit_of_one_address_does_not_block_another(client, ayse, limits_on):
    UserFactory(username="ben", email="ben@example.org")
    for _ in range(5):
        client.post(RESET, {"email": "ayse@example.org"})

    client.post(RESET, {"email": "ben@example.org"})

    assert [m.to for m in mail.outbox].count(["ben@example.org"]) == 1


def test_reset_requests_from_one_client_address_get_the_429_page(client, ayse, limits_on):
    limits_on.NETZPOL_RATE_PASSWORD_RESET_IP = "4/h"

    statuses = [
        client.post(RESET, {"email": f"person{n}@example.org"}, REMOTE_ADDR="198.51.100.7")
        for n in range(6)
    ]
    blocked = client.post(RESET, {"email": "ayse@example.org"}, REMOTE_ADDR="198.51.100.7")
    elsewhere = client.post(RESET, {"email": "ayse@example.org"}, REMOTE_ADDR="192.0.2.1")

    assert [r.status_code for r in statuses] == [302] * 4 + [429] * 2
    assert blocked.status_code == 429
    assert "Zu viele" in blocked.content.decode()
    assert elsewhere.status_code == 302
    assert [m.to for m in mail.outbox] == [["ayse@example.org"]]


def test_the_reset_form_itself_is_not_limited(client, limits_on):
    limits_on.NETZPOL_RATE_PASSWORD_RESET_IP = "1/h"

    assert [client.get(RESET).status_code for _ in range(3)] == [200] * 3


def test_without_limits_every_request_sends(client, ayse, settings):
    settings.RATELIMIT_ENABLE = False

    for _ in range(5):
        client.post(RESET, {"email": "ayse@example.org"})

    assert len(mail.outbox) == 5
