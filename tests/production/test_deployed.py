"""Security findings checked over HTTP against the portal as deployed (see conftest)."""

import functools
import re

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.contacts.models import ContactPerson, Visibility
from tests.factories import ContactPersonFactory, OrganisationFactory, PoliceUnitFactory

from .conftest import PASSWORD, RATE_API, RATE_PAGES, WORKERS, form_fields

pytestmark = pytest.mark.django_db(transaction=True)


@functools.cache
def production_hash(password):
    """The password hashed as production hashes it (the test settings use a faster hasher,
    which production does not accept)."""
    hasher = PBKDF2PasswordHasher()
    return hasher.encode(password, hasher.salt())


def with_production_password(user):
    user.password = production_hash(PASSWORD)
    user.save()
    return user


@pytest.fixture
def deployed_member(member):
    """The member (`mitglied`), who logs in with PASSWORD as hashed in production."""
    return with_production_password(member)


@pytest.fixture
def deployed_curator(curator):
    """The curator (`kuratorin`), who logs in with PASSWORD as hashed in production."""
    return with_production_password(curator)


@pytest.fixture
def secret_contact(db):
    return ContactPersonFactory(
        email="geheim.kontakt@example.org",
        visibility=Visibility.STAFF,
        staff_notes="Notiz nur für die Redaktion",
    )


@pytest.fixture
def members_contact(db):
    return ContactPersonFactory(email="nur.mitglieder@example.org", visibility=Visibility.MEMBERS)


def verify_second_factor(client, user):
    """Set up a TOTP device for `user` and verify this client's session with a current code."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    client.get("/konto/zwei-faktor/")
    response = client.post("/konto/zwei-faktor/", {"code": code})
    assert response.status == 302, response.text[:1000]


# 1. The second factor cannot be skipped with a SCRIPT_NAME header.


def test_admin_needs_the_second_factor_whatever_the_script_name_header(
    live, secret_contact, deployed_curator
):
    browser = live.client()
    browser.log_in("kuratorin")
    change = f"/admin/contacts/contactperson/{secret_contact.pk}/change/"

    direct = browser.get(change)
    assert direct.status == 302
    assert direct.header("Location").startswith("/konto/zwei-faktor/")

    for path in (change, "/x" + change):
        response = browser.get(path, headers={"SCRIPT_NAME": "/x"})
        assert response.status != 200, path
        assert "geheim.kontakt@example.org" not in response.text
        assert "Notiz nur für die Redaktion" not in response.text

    saved = browser.post("/x" + change, {"email": "neu@example.org"}, headers={"SCRIPT_NAME": "/x"})
    assert saved.status != 200
    secret_contact.refresh_from_db()
    assert secret_contact.email == "geheim.kontakt@example.org"


# 2. Logout ends the session on every worker; limits count once for the whole site.


def test_logout_ends_the_session_on_every_worker(live, members_contact, deployed_member):
    browser = live.client()
    browser.log_in("mitglied")
    page = f"/ansprechpersonen/{members_contact.pk}/"
    # Each request from its own client address, so no rate limit interferes; new connections
    # spread over the workers.
    for n in range(2 * WORKERS):
        browser.client_address = f"203.0.113.{100 + n}"
        response = browser.get(page)
        assert response.status == 200
        assert "nur.mitglieder@example.org" in response.text
    old_session = browser.cookies["sessionid"]

    browser.post("/konto/logout/", {})
    browser.cookies["sessionid"] = old_session
    answers = []
    for n in range(4 * WORKERS):
        browser.client_address = f"203.0.113.{150 + n}"
        answers.append(browser.get(page))
    # As for anyone not logged in: a members-only contact does not exist.
    assert [a.status for a in answers] == [404] * len(answers)
    assert not any("nur.mitglieder@example.org" in a.text for a in answers)


def test_page_limit_counts_once_for_all_workers(live, members_contact):
    organisation = members_contact.organisation
    browser = live.client("198.51.100.7")
    statuses = [browser.get(f"/organisationen/{organisation.pk}/").status for _ in range(25)]
    assert statuses == [200] * RATE_PAGES + [429] * (25 - RATE_PAGES)


def test_api_limit_counts_per_token_for_all_workers(live, members_contact, member):
    from directory.api.tokens import create_token

    first, second = create_token(member, "Mailtool")[1], create_token(member, "Portal")[1]
    statuses = []
    for n in range(RATE_API + 4):
        # A new client address for every request: the limit follows the token, not the address.
        caller = live.client(f"203.0.113.{60 + n}")
        response = caller.get("/api/v1/contacts/", headers={"Authorization": f"Bearer {first}"})
        statuses.append(response.status)
    assert statuses == [200] * RATE_API + [429] * 4
    # The member's other token has a budget of its own.
    other = live.client("203.0.113.99").get(
        "/api/v1/contacts/", headers={"Authorization": f"Bearer {second}"}
    )
    assert other.status == 200
    assert "nur.mitglieder@example.org" in other.text


def test_contact_form_limit_counts_once_for_all_workers(live):
    from directory.requests.models import OfficeRequest

    statuses = []
    for n in range(8):
        person = live.client("198.51.100.40")
        page = person.get("/kontakt/")
        started = re.search(r'name="started" value="([^"]+)"', page.text).group(1)
        answer = person.post(
            "/kontakt/",
            {
                "reason": "contact",
                "name": f"Anfrage {n}",
                "email": f"anfrage{n}@example.org",
                "message": "Wir suchen eine Ansprechperson für Antisemitismus in Dortmund.",
                "consent": "on",
                "started": started,
            },
        )
        statuses.append(answer.status)
    # Five requests an hour from one address (NETZPOL_RATE_REQUESTS), whichever worker answers.
    assert statuses == [302] * 5 + [429] * 3
    assert OfficeRequest.objects.count() == 5


# 4. Signed agreements are stored and served (MEDIA_ROOT from the environment).

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_curator_uploads_and_downloads_a_signed_agreement(live, deployed_curator):
    organisation = OrganisationFactory(name="Moscheeverein Nord e.V.")
    unit = PoliceUnitFactory(name="Polizeipräsidium Nord")
    browser = live.client()
    browser.log_in("kuratorin")
    verify_second_factor(browser, deployed_curator)

    form = browser.get("/admin/agreements/agreement/add/")
    assert form.status == 200
    fields = [
        (name, value)
        for name, value in form_fields(form.text, "agreement_form")
        if not name.startswith("parties-") or name.endswith(("TOTAL_FORMS", "INITIAL_FORMS",
                                                               "MIN_NUM_FORMS", "MAX_NUM_FORMS"))
    ]  # fmt: skip
    fields = [(n, v) for n, v in fields if n not in {"title", "parties-TOTAL_FORMS"}] + [
        ("title", "Kooperation Nord"),
        ("parties-TOTAL_FORMS", "2"),
        ("parties-0-organisation", organisation.pk),
        ("parties-0-role", ""),
        ("parties-1-police_unit", unit.pk),
        ("parties-1-role", ""),
    ]
    saved = browser.post_multipart(
        "/admin/agreements/agreement/add/", fields,
        {"document": ("Vereinbarung Nord.pdf", PDF, "application/pdf")},
    )  # fmt: skip
    assert saved.status == 302, re.findall(r'class="errorlist[^"]*">(.*?)</ul>', saved.text)

    from directory.agreements.models import Agreement

    agreement = Agreement.objects.get(title="Kooperation Nord")
    stored = live.media_root / "agreements" / agreement.document.name
    assert stored.read_bytes() == PDF

    download = browser.get(agreement.document.url)
    assert download.status == 200
    assert download.header("Content-Type") == "application/pdf"
    assert download.body == PDF


# 6. Pages with personal data are not stored by the browser.


def test_pages_for_logged_in_users_are_not_stored(live, members_contact, deployed_member):
    browser = live.client()
    browser.log_in("mitglied")
    for path in (
        f"/ansprechpersonen/{members_contact.pk}/",
        "/ansprechpersonen/",
        "/suche/?q=Muster",
    ):
        response = browser.get(path)
        assert response.status == 200
        assert "no-store" in response.header("Cache-Control"), path
        assert "private" in response.header("Cache-Control"), path


# 11. The client's address comes from the trusted proxy only.


def test_rate_limits_key_on_the_client_behind_the_proxy(live, members_contact):
    page = f"/organisationen/{members_contact.organisation.pk}/"
    first = live.client("198.51.100.20")
    assert [first.get(page).status for _ in range(RATE_PAGES + 1)][-1] == 429
    # Another visitor behind the same proxy has a bucket of their own.
    assert live.client("198.51.100.21").get(page).status == 200
    # A client that writes its own X-Forwarded-For gets the proxy's entry appended (nginx's
    # $proxy_add_x_forwarded_for); the right-most address counts, not the invented one.
    spoofing = live.client("10.9.9.9, 198.51.100.20")
    assert spoofing.get(page).status == 429


def test_headers_from_untrusted_peers_are_ignored(live, members_contact):
    page = f"/organisationen/{members_contact.organisation.pk}/"
    # 127.0.0.2 is not a trusted proxy: its X-Forwarded-Proto does not make the request HTTPS.
    direct = live.client("198.51.100.30", peer="127.0.0.2")
    response = direct.get(page)
    assert response.status == 301
    assert response.header("Location").startswith("https://")


# 8. Answers through confirmation links and password reset mails are throttled.


def test_confirmation_answers_are_limited_per_entry(live, members_contact):
    from directory.reviews.models import CorrectionRequest
    from directory.reviews.services import token_for

    statuses = []
    for n in range(8):
        # A fresh, valid link each time (an answer spends the link it came through).
        with override_settings(SECRET_KEY=live.env["SECRET_KEY"]):
            token = token_for(ContactPerson.objects.get(pk=members_contact.pk))
        person = live.client(f"203.0.113.{200 + n}")
        person.get(f"/bestaetigen/{token}/entfernen/")
        statuses.append(
            person.post(f"/bestaetigen/{token}/entfernen/", {"message": "Bitte"}).status
        )
    assert statuses == [302] * 5 + [429] * 3
    assert CorrectionRequest.objects.filter(entry_id=members_contact.pk).count() == 5


def test_a_confirmation_link_answers_once(live, members_contact):
    from directory.reviews.services import token_for

    with override_settings(SECRET_KEY=live.env["SECRET_KEY"]):
        token = token_for(members_contact)
    person = live.client()
    person.get(f"/bestaetigen/{token}/")
    answers = [
        person.post(f"/bestaetigen/{token}/entfernen/", {"message": "Bitte"}).status
        for _ in range(3)
    ]
    assert answers[0] == 302
    assert 302 not in answers[1:]
    shown = person.get(f"/bestaetigen/{token}/")
    assert "nur.mitglieder@example.org" not in shown.text


def test_password_reset_mails_to_one_address_are_limited(live, deployed_member):
    statuses = []
    for n in range(15):
        # Many clients (as a botnet would be): the limit per address still holds.
        visitor = live.client(f"203.0.113.{n + 1}")
        visitor.get("/konto/password_reset/")
        statuses.append(
            visitor.post("/konto/password_reset/", {"email": "Mitglied@example.org"}).status
        )
    # Every request looks the same ("we sent you a mail"); three mails went out.
    assert statuses == [302] * 15
    sent = "".join(mail.read_text() for mail in live.mails())
    assert sent.count("To: mitglied@example.org") == 3


def test_a_button_after_logout_and_the_error_pages_as_deployed(
    live, members_contact, deployed_member
):
    # DEBUG=0, several workers, behind the proxy: the pages of aa8683a..4c8c2da as served.
    browser = live.client("203.0.113.60")
    browser.log_in("mitglied")
    assert browser.get("/redaktion/").status == 403
    assert "<h1>Kein Zugriff</h1>" in browser.get("/redaktion/").text
    opened = browser.get("/konto/logout/")
    assert (opened.status, opened.header("Allow")) == (405, "POST, OPTIONS")
    assert "<h1>Keine Seite</h1>" in opened.text
    list_page = "/ansprechpersonen/?q=Nowak"
    save = f"/merkliste/{members_contact.pk}/merken/"
    expired = browser.post(
        save, {"csrfmiddlewaretoken": "x" * 32, "next": list_page},
        headers={"Referer": live.origin + list_page},
    )  # fmt: skip
    assert expired.status == 403
    assert "<h1>Formular abgelaufen</h1>" in expired.text
    assert f'href="{list_page}"' in expired.text

    # Logged out (on whichever worker): the button leads to the login, then back to the list.
    assert browser.post("/konto/logout/", {}).status == 302
    pressed = browser.post(save, {"next": list_page})
    assert pressed.status == 302
    assert pressed.header("Location") == "/konto/login/?next=/ansprechpersonen/%3Fq%3DNowak"

    bad_host = browser.get("/", headers={"Host": "elsewhere.example"})
    assert bad_host.status == 400
    assert "<h1>Anfrage nicht verstanden</h1>" in bad_host.text
