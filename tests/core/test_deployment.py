"""The pieces of the deployed shape that need no server: the client address behind the proxy,
the shared cache's counting, Cache-Control for logged-in pages. (tests/production/ checks them
over HTTP against gunicorn.)"""

import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from directory.core.middleware import TrustedProxyMiddleware


def client_address(peer, forwarded=None, trusted=("127.0.0.1", "10.0.0.0/8")):
    request = RequestFactory().get("/", REMOTE_ADDR=peer)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    with override_settings(NETZPOL_TRUSTED_PROXIES=list(trusted)):
        TrustedProxyMiddleware(lambda r: HttpResponse())(request)
    return request.META["REMOTE_ADDR"]


def test_client_address_comes_from_a_trusted_proxy_only():
    assert client_address("127.0.0.1", "198.51.100.4") == "198.51.100.4"
    # Not a proxy: whatever it claims, its own address counts.
    assert client_address("198.51.100.9", "203.0.113.1") == "198.51.100.9"


def test_client_address_is_the_right_most_untrusted_hop():
    # The client wrote "1.2.3.4"; the proxies appended the real address and their own.
    assert client_address("127.0.0.1", "1.2.3.4, 198.51.100.4, 10.1.2.3") == "198.51.100.4"
    assert client_address("127.0.0.1", "2001:db8::7") == "2001:db8::7"


@pytest.mark.parametrize("forwarded", ["", "garbage", "1.2.3.4, not-an-address", " , "])
def test_malformed_forwarded_for_keeps_the_proxy_address(forwarded):
    assert client_address("127.0.0.1", forwarded) == "127.0.0.1"


@pytest.mark.slow  # four threads with connections of their own; the tables emptied after
@pytest.mark.django_db(transaction=True)
def test_shared_cache_counts_every_increment_of_concurrent_workers():
    cache.set("netzpol-test-counter", 0, 60)
    errors = []

    def count():
        try:
            for _ in range(25):
                cache.incr("netzpol-test-counter")
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=count) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert cache.get("netzpol-test-counter") == 100


@pytest.mark.django_db
def test_shared_cache_refuses_to_count_a_missing_or_expired_key():
    with pytest.raises(ValueError, match="not found"):
        cache.incr("netzpol-test-missing")
    cache.set("netzpol-test-expired", 1, -1)
    with pytest.raises(ValueError, match="not found"):
        cache.incr("netzpol-test-expired")


def test_logged_in_pages_are_not_stored(member_client):
    from tests.factories import ContactPersonFactory

    contact = ContactPersonFactory()
    response = member_client.get(f"/ansprechpersonen/{contact.pk}/")
    assert contact.email in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
