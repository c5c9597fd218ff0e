"""Personal tokens: made in the portal, shown once, stored hashed, revocable, expiring, rate
limited and logged; and what each role sees through the API."""

import datetime

import pytest
from django.utils import timezone

from directory.api.models import ApiLog, ApiToken
from directory.api.tokens import create_token, hash_secret
from tests.factories import (
    AgreementFactory,
    ContactPersonFactory,
    EventFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


# --- The portal page -----------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/konto/api-tokens/")
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]


def test_member_creates_a_token_shown_once_and_stored_hashed(member_client, member):
    response = member_client.post("/konto/api-tokens/", {"name": "Mailtool", "expires_on": ""})

    assert response.status_code == 200
    token = response.context["new_token"]
    assert token.startswith("netzpol_")
    assert token in response.content.decode()
    entry = ApiToken.objects.get(user=member)
    assert entry.name == "Mailtool"
    assert entry.secret_hash == hash_secret(token)
    assert token not in str(ApiToken.objects.filter(pk=entry.pk).values().get())
    again = member_client.get("/konto/api-tokens/")
    assert "Mailtool" in again.content.decode()
    assert token not in again.content.decode()


def test_the_page_sent_again_makes_no_second_token(member_client, member, other_member):
    made = member_client.post("/konto/api-tokens/", {"name": "Mailtool", "expires_on": ""})
    # The browser's reload of the answer sends the form again.
    again = member_client.post("/konto/api-tokens/", {"name": "mailtool ", "expires_on": ""})

    assert made.context["new_token"]
    assert again.status_code == 200
    assert again.context["new_token"] is None
    assert "Sie haben bereits einen Token dieses Namens" in again.content.decode()
    assert made.context["new_token"] not in again.content.decode()
    assert ApiToken.objects.filter(user=member).count() == 1
    # Another member's tokens, and the member's revoked and expired ones, leave the name free.
    create_token(other_member, "Abgleich")
    revoked, _token = create_token(member, "Abgleich")
    revoked.revoked_at = timezone.now()
    revoked.save()
    create_token(member, "Alt", timezone.localdate() - datetime.timedelta(days=1))
    for name in ("Abgleich", "Alt"):
        response = member_client.post("/konto/api-tokens/", {"name": name, "expires_on": ""})
        assert response.context["new_token"], name


def test_a_past_expiry_day_is_refused_with_a_message(member_client, member):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = member_client.post("/konto/api-tokens/", {"name": "Alt", "expires_on": yesterday})

    assert response.status_code == 200
    assert "einen späteren Tag" in response.content.decode()
    assert not ApiToken.objects.filter(user=member).exists()


def test_member_revokes_own_token_but_not_anothers(member_client, member, other_member):
    own, _token = create_token(member, "Eigener")
    foreign, _ = create_token(other_member, "Fremder")

    assert member_client.post(f"/konto/api-tokens/{foreign.pk}/widerrufen/").status_code == 404
    response = member_client.post(f"/konto/api-tokens/{own.pk}/widerrufen/")

    assert response.status_code == 302
    own.refresh_from_db()
    foreign.refresh_from_db()
    assert own.is_revoked
    assert not foreign.is_revoked


# --- Tokens on the API ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Bearer", "Bearer <Token>"),
        ("Bearer netzpol_unbekannt", "Ungültiger Token"),
    ],
)
def test_malformed_or_unknown_tokens_are_401(api_get, header, message):
    response = api_get("/api/v1/organisations/", Authorization=header)

    assert response.status_code == 401
    assert message in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_revoked_and_expired_tokens_are_401_with_a_clear_error(api_get, tokens):
    ContactPersonFactory(visibility="public", email="offen@example.org")

    revoked = api_get("/api/v1/contacts/", token=tokens["revoked"])
    expired = api_get("/api/v1/contacts/", token=tokens["expired"])

    assert revoked.status_code == 401
    assert "widerrufen" in revoked.json()["detail"]
    assert expired.status_code == 401
    assert "abgelaufen" in expired.json()["detail"]
    assert "offen@example.org" not in revoked.content.decode() + expired.content.decode()


def test_a_token_of_a_deactivated_account_is_401(api_get, member):
    token = create_token(member, "Alt")[1]
    member.is_active = False
    member.save()

    assert api_get("/api/v1/organisations/", token=token).status_code == 401


def test_every_token_request_is_logged_with_the_contacts_it_delivered(api_get, coordinator):
    entry, token = create_token(coordinator, "Einladungen")
    shown = ContactPersonFactory(email="mitglied@example.org")

    api_get("/api/v1/contacts/?q=Muster", token=token)
    api_get(f"/api/v1/contacts/{shown.pk}/", token=token)
    api_get("/api/v1/contacts/?region=abc", token=token)
    api_get("/api/v1/contacts/")  # anonymous: not a token request

    log = list(ApiLog.objects.order_by("pk"))
    assert [(row.endpoint, row.status, row.row_count) for row in log] == [
        ("/api/v1/contacts/", 200, 1),
        (f"/api/v1/contacts/{shown.pk}/", 200, 1),
        ("/api/v1/contacts/", 400, 0),
    ]
    assert all(row.user == coordinator and row.token == entry for row in log)
    assert log[0].query == "q=Muster"
    assert log[0].contact_ids == [shown.pk]
    entry.refresh_from_db()
    assert entry.last_used_at is not None


def test_refused_tokens_are_logged_with_the_owner_when_known_and_no_secret(
    api_get, coordinator, tokens
):
    revoked = ApiToken.objects.get(name="Widerrufen")
    expired = ApiToken.objects.get(name="Abgelaufen")

    api_get("/api/v1/contacts/?q=Muster", token=tokens["revoked"])
    api_get("/api/v1/organisations/", token=tokens["expired"])
    api_get("/api/v1/topics/", Authorization="Bearer netzpol_unbekannt123")
    api_get("/api/v1/topics/", Authorization="Bearer")

    log = list(ApiLog.objects.order_by("pk"))
    assert [(row.endpoint, row.status, row.row_count) for row in log] == [
        ("/api/v1/contacts/", 401, 0),
        ("/api/v1/organisations/", 401, 0),
        ("/api/v1/topics/", 401, 0),
        ("/api/v1/topics/", 401, 0),
    ]
    assert [(row.token, row.user) for row in log] == [
        (revoked, coordinator),
        (expired, coordinator),
        (None, None),
        (None, None),
    ]
    assert log[0].query == "q=Muster"
    stored = str(list(ApiLog.objects.values()))
    for secret in [tokens["revoked"], tokens["expired"], "netzpol_unbekannt123"]:
        assert secret not in stored
    revoked.refresh_from_db()
    assert revoked.last_used_at is None  # a refused request is no use of the token


def test_rate_limit_per_token_answers_429(api_get, member, settings):
    settings.RATELIMIT_ENABLE = True
    settings.NETZPOL_RATE_API = "2/h"
    first = create_token(member, "Eins")[1]
    second = create_token(member, "Zwei")[1]

    statuses = [api_get("/api/v1/topics/", token=first).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert "Zu viele" in api_get("/api/v1/topics/", token=first).json()["detail"]
    # Counted per token: another token has its own allowance.
    assert api_get("/api/v1/topics/", token=second).status_code == 200


# --- What each role sees -------------------------------------------------------------------------

ROLE_EMAILS = {
    "public": "offen@example.org",
    "members": "mitglied@example.org",
    "staff": "intern@example.org",
    "hidden-org": "versteckt@example.org",
}
SEES = {
    "anonymous": {"public"},
    "member": {"public", "members", "hidden-org"},
    "coordinator": {"public", "members", "hidden-org"},
    "curator": {"public", "members", "staff", "hidden-org"},
    "revoked": set(),
    "expired": set(),
}


@pytest.fixture
def directory_data():
    public_org = OrganisationFactory(name="Offener Verein")
    hidden_org = OrganisationFactory(name="Geschützter Verein", is_public=False)
    top = PoliceUnitFactory(name="Präsidium")
    PoliceUnitFactory(name="Verdeckte Einheit", parent=top, is_public=False)
    AgreementFactory(title="Interne Vereinbarung", is_public=False)
    AgreementFactory(title="Öffentliche Vereinbarung", is_public=True)
    ProjectFactory(title="Internes Projekt", is_public=False)
    EventFactory(title="Internes Treffen", visibility="members")
    contacts = {
        "public": ContactPersonFactory(
            organisation=public_org, visibility="public", email=ROLE_EMAILS["public"]
        ),
        "members": ContactPersonFactory(organisation=public_org, email=ROLE_EMAILS["members"]),
        "staff": ContactPersonFactory(
            organisation=public_org,
            visibility="staff",
            consent_basis="",
            email=ROLE_EMAILS["staff"],
            staff_notes="Nur für das Büro",
        ),
        "hidden-org": ContactPersonFactory(
            organisation=hidden_org, visibility="public", email=ROLE_EMAILS["hidden-org"]
        ),
    }
    return contacts


@pytest.mark.parametrize("role", list(SEES))
def test_no_entry_or_field_above_the_callers_role(api_get, tokens, directory_data, role):
    token = tokens.get(role)
    bodies = {}
    for endpoint in [
        "contacts",
        "organisations",
        "police-units",
        "agreements",
        "projects",
        "events",
    ]:
        response = api_get(f"/api/v1/{endpoint}/?per_page=100", token=token)
        bodies[endpoint] = response.content.decode()
        assert response.status_code == (401 if role in ("revoked", "expired") else 200)
    for key, contact in directory_data.items():
        shown = contact.email in bodies["contacts"]
        assert shown == (key in SEES[role]), key
        detail = api_get(f"/api/v1/contacts/{contact.pk}/", token=token)
        assert (detail.status_code == 200) == (key in SEES[role]), key
    everything = "".join(bodies.values())
    # Never in the API, for anyone: staff notes, consent records.
    assert "Nur für das Büro" not in everything
    assert "consent" not in everything
    members_only = [
        "Geschützter Verein", "Verdeckte Einheit", "Interne Vereinbarung", "Internes Projekt",
        "Internes Treffen",
    ]  # fmt: skip
    for name in members_only:
        assert (name in everything) == (role in ("member", "coordinator", "curator")), name


def test_a_curators_token_is_no_second_factor(api_get, curator, settings, directory_data):
    settings.NETZPOL_REQUIRE_2FA = True
    token = create_token(curator, "Redaktion")[1]

    body = api_get("/api/v1/contacts/?per_page=100", token=token).content.decode()

    assert ROLE_EMAILS["members"] in body
    assert ROLE_EMAILS["staff"] not in body


# --- CORS ----------------------------------------------------------------------------------------


def test_cors_is_off_by_default(api_get):
    response = api_get("/api/v1/organisations/", Origin="https://stadt.example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_cors_for_listed_origins_and_only_without_a_token(api_get, settings, member):
    settings.NETZPOL_API_CORS_ORIGINS = ["https://stadt.example.org"]
    token = create_token(member, "Abgleich")[1]

    listed = api_get("/api/v1/organisations/", Origin="https://stadt.example.org")
    other = api_get("/api/v1/organisations/", Origin="https://fremd.example.org")
    with_token = api_get("/api/v1/organisations/", token=token, Origin="https://stadt.example.org")

    assert listed["Access-Control-Allow-Origin"] == "https://stadt.example.org"
    assert "Origin" in listed["Vary"]
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in with_token


# --- Curation ------------------------------------------------------------------------------------


def test_curator_revokes_a_members_token_in_admin_and_reads_the_log(
    curator_client, member, api_get
):
    entry, token = create_token(member, "Verloren")
    api_get("/api/v1/topics/", token=token)

    response = curator_client.post(
        "/admin/api/apitoken/",
        {"action": "revoke_tokens", "_selected_action": [entry.pk]},
    )
    log_page = curator_client.get("/admin/api/apilog/")

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.is_revoked
    assert api_get("/api/v1/topics/", token=token).status_code == 401
    assert "/api/v1/topics/" in log_page.content.decode()
    assert (
        entry.secret_hash
        not in curator_client.get(f"/admin/api/apitoken/{entry.pk}/change/").content.decode()
    )
