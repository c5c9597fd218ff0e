"""Hardening: security headers, no third-party requests, login lockout, rate limits."""

import re
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.urls import reverse

from tests.conftest import ROOT
from tests.factories import (
    AgreementPartyFactory,
    ContactPersonFactory,
    OrganisationFactory,
    PoliceUnitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    org = OrganisationFactory(name="Planerladen", website="https://planerladen.example.org/")
    unit = PoliceUnitFactory(name="Polizei Dortmund")
    contact = ContactPersonFactory(organisation=org, visibility="public", last_name="Offen")
    party = AgreementPartyFactory(organisation=org, agreement__is_public=True)
    return [org, unit, contact, party.agreement]


def main_pages(entries):
    return [
        "/",
        "/konto/login/",
        "/suche/?q=Planerladen",
        *(reverse(f"{app}:list") for app in ("organisations", "police", "contacts", "agreements")),
        *(entry.get_absolute_url() for entry in entries),
    ]


def test_every_page_sends_the_security_headers(client, entries):
    for url in main_pages(entries):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp
        assert "geolocation=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"


EXTERNAL_RESOURCE = re.compile(
    r"<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc=[\"']?(?:https?:)?//"
    r"|<link\b[^>]*\bhref=[\"']?(?:https?:)?//"
    r"|url\(\s*[\"']?(?:https?:)?//"
    r"|@import",
    re.IGNORECASE,
)


@pytest.mark.slow  # every page as anonymous and as a member, and every stylesheet
def test_no_page_loads_anything_from_another_host(client, member, entries):
    for user in (None, member):
        if user:
            client.force_login(user)
        for url in main_pages(entries):
            html = client.get(url).content.decode()
            assert not EXTERNAL_RESOURCE.search(html), url
            assert 'style="' not in html, url
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
    for stylesheet in (ROOT / "static").rglob("*.css"):
        assert not EXTERNAL_RESOURCE.search(Path(stylesheet).read_text()), stylesheet


def test_repeated_failed_logins_lock_the_account_until_a_curator_unlocks_it(client, member):
    for _ in range(5):
        client.post("/konto/login/", {"username": "mitglied", "password": "falsch"})

    locked = client.post(
        "/konto/login/", {"username": "mitglied", "password": "correct horse battery"}
    )

    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert "gesperrt" in locked.content.decode() or "locked" in locked.content.decode()
    AccessAttempt.objects.all().delete()  # what "unlock" in admin does
    unlocked = client.post(
        "/konto/login/", {"username": "mitglied", "password": "correct horse battery"}
    )
    assert unlocked.status_code == 302
    assert "_auth_user_id" in client.session


def test_too_many_page_requests_get_the_429_page(client, settings, entries):
    settings.RATELIMIT_ENABLE = True
    settings.NETZPOL_RATE_PAGES = "3/h"  # an hour window: the test never straddles two
    cache.clear()
    url = reverse("organisations:list")

    statuses = [client.get(url).status_code for _ in range(4)]
    search = client.get("/suche/", {"q": "Planerladen"})
    detail = client.get(entries[0].get_absolute_url())

    assert statuses == [200, 200, 200, 429]
    assert search.status_code == detail.status_code == 429
    assert "Zu viele Anfragen" in search.content.decode()
    cache.clear()
