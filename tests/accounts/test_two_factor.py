"""Curators and admin need a second factor (TOTP app or a recovery code)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db
TWO_FACTOR = reverse("accounts:two_factor")


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.NETZPOL_REQUIRE_2FA = True


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrol(client):
    page = client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(confirmed=False)
    done = client.post(TWO_FACTOR, {"code": current_code(device)})
    return page, done


def test_unverified_curators_are_sent_to_the_second_factor(client, curator):
    client.force_login(curator)

    dashboard = client.get("/redaktion/")
    admin = client.get("/admin/")

    assert dashboard.status_code == admin.status_code == 302
    assert dashboard["Location"].startswith(f"{TWO_FACTOR}?next=/redaktion/")
    assert admin["Location"].startswith(TWO_FACTOR)


def test_the_second_factor_leads_back_to_the_whole_address_asked_for(client, curator):
    device = TOTPDevice.objects.create(user=curator, name="Authenticator", confirmed=True)
    asked = "/admin/contacts/contactperson/?q=M%C3%BCller+%26+S%C3%B6hne&visibility__exact=staff"
    client.force_login(curator)

    sent = client.get(asked)
    verified = client.post(sent["Location"], {"code": current_code(device)})

    assert sent.status_code == 302
    assert parse_qs(urlsplit(sent["Location"]).query) == {"next": [asked]}
    assert verified.status_code == 302
    assert verified["Location"] == asked


def test_an_unverified_curator_sees_no_staff_only_contacts(client, curator):
    ContactPersonFactory(last_name="Intern", visibility="staff", consent_basis="")
    client.force_login(curator)

    names = [c.last_name for c in client.get(reverse("contacts:list")).context["object_list"]]

    assert "Intern" not in names


def test_enrolment_shows_a_local_qr_code_then_ten_recovery_codes(client, curator):
    client.force_login(curator)

    page, done = enrol(client)

    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    assert re.search(r"<code>[A-Z2-7]{16,}</code>", page.content.decode())
    assert len(done.context["codes"]) == 10
    assert client.get("/redaktion/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused(client, curator):
    client.force_login(curator)
    client.get(TWO_FACTOR)

    response = client.post(TWO_FACTOR, {"code": "000000"})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert client.get("/redaktion/").status_code == 302


def test_a_recovery_code_works_once(client, curator):
    client.force_login(curator)
    codes = enrol(client)[1].context["codes"]
    client.logout()

    client.force_login(curator)
    first = client.post(TWO_FACTOR, {"code": codes[0]})
    client.logout()
    client.force_login(curator)
    again = client.post(TWO_FACTOR, {"code": codes[0]})

    assert first.status_code == 302
    assert again.status_code == 200
    assert again.context["form"].errors["code"]


def test_members_need_no_second_factor(client, member):
    client.force_login(member)

    assert client.get(reverse("contacts:list")).status_code == 200
    assert client.get("/redaktion/").status_code == 403
