import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from directory.core.roles import GROUP_NAMES, Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_login_page_is_german_and_offers_password_reset(client):
    response = client.get("/konto/login/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in page
    assert "Anmelden" in page
    assert "Passwort vergessen?" in page
    assert "keine offene Registrierung" in page


def test_wrong_password_rerenders_with_a_clear_message(client, member):
    response = client.post("/konto/login/", {"username": "mitglied", "password": "falsch"})

    assert response.status_code == 200
    assert "Beide Felder berücksichtigen die Groß-/Kleinschreibung" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_member_logs_in_and_out(client, member):
    login = client.post(
        "/konto/login/", {"username": "mitglied", "password": "correct horse battery"}
    )
    home = client.get("/")
    logout = client.post("/konto/logout/")

    assert login.status_code == 302
    assert login["Location"] == "/"
    assert "Abmelden" in home.content.decode()
    assert logout.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_sets_a_new_password(client):
    UserFactory(username="ayse", email="ayse@example.org")

    client.post("/konto/password_reset/", {"email": "ayse@example.org"})
    (message,) = mail.outbox
    link = re.search(r"https?://[^/]+(/konto/reset/\S+)", message.body).group(1)
    form = client.get(link, follow=True)
    done = client.post(
        form.redirect_chain[-1][0],
        {
            "new_password1": "ein langes neues Passwort",
            "new_password2": "ein langes neues Passwort",
        },
    )

    assert message.to == ["ayse@example.org"]
    assert "neues Passwort" in message.subject
    assert done.status_code == 302
    assert get_user_model().objects.get(username="ayse").check_password("ein langes neues Passwort")


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post("/konto/password_reset/", {"email": "niemand@example.org"}, follow=True)

    assert "Falls ein Konto mit dieser Adresse existiert" in response.content.decode()
    assert mail.outbox == []


def test_tampered_reset_link_shows_a_clear_page(client):
    UserFactory(username="ayse", email="ayse@example.org")

    response = client.get("/konto/reset/MQ/set-password/", follow=True)

    assert "ungültig oder abgelaufen" in response.content.decode()


def test_there_is_no_open_registration(client, member):
    # Accounts come only from a curator's invitation: anyone else posting one is turned away.
    invitation = {
        "email": "neu@example.org",
        "first_name": "Neu",
        "last_name": "Person",
        "role": GROUP_NAMES[Role.MEMBER],
    }
    anonymous = client.post(reverse("accounts:invite"), invitation)
    client.force_login(member)
    as_member = client.post(reverse("accounts:invite"), invitation)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/konto/login/")
    assert as_member.status_code == 403
    assert not get_user_model().objects.filter(email="neu@example.org").exists()
    assert mail.outbox == []
