"""Curators invite members; the link sets a password once and expires."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from directory.accounts import invitations
from directory.core.roles import Role, role_of

pytestmark = pytest.mark.django_db
INVITE = reverse("accounts:invite")


def invite(client, email="neu@verein.example.org", role="Mitglieder"):
    return client.post(
        INVITE, {"email": email, "first_name": "Nora", "last_name": "Neu", "role": role}
    )


def link_in(message):
    return re.search(r"https?://\S+/konto/einladung/\S+/", message.body).group(0)


def test_curator_invites_a_member_who_sets_a_password_once(client, curator, settings):
    settings.NETZPOL_SITE_URL = "https://netzpol.example.org"
    client.force_login(curator)

    invite(client)
    client.logout()
    link = link_in(mail.outbox[0]).removeprefix("https://netzpol.example.org")
    user = get_user_model().objects.get(email="neu@verein.example.org")

    assert not user.has_usable_password()
    assert role_of(user) == Role.MEMBER
    assert client.get(link).status_code == 200
    done = client.post(
        link,
        {"new_password1": "lange sichere Phrase 42", "new_password2": "lange sichere Phrase 42"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("lange sichere Phrase 42")
    again = client.get(link)
    assert again.status_code == 400


def test_invitation_links_expire_and_cannot_be_forged(client, curator, settings, monkeypatch):
    client.force_login(curator)
    invite(client)
    user = get_user_model().objects.get(email="neu@verein.example.org")
    token = invitations.token_for(user)
    forged = signing.dumps({"u": curator.pk, "p": invitations.password_state(curator)}, salt="x")

    later = timezone.now().timestamp() + (settings.NETZPOL_INVITATION_DAYS + 1) * 86400
    assert client.get(reverse("accounts:accept", args=[forged])).status_code == 400
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert client.get(reverse("accounts:accept", args=[token])).status_code == 400


def test_only_curators_invite_and_addresses_are_unique(client, member, coordinator, curator):
    client.force_login(coordinator)
    assert invite(client).status_code == 403
    client.force_login(curator)
    invite(client)
    duplicate = invite(client, email="NEU@verein.example.org")

    assert duplicate.status_code == 200
    assert duplicate.context["form"].errors["email"]
    assert len(mail.outbox) == 1


def test_a_deactivated_user_loses_access_at_once(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/export/ansprechpersonen/").status_code == 200

    coordinator.is_active = False
    coordinator.save()

    assert client.get("/export/ansprechpersonen/").status_code == 302
    assert client.get(reverse("contacts:list")).context["user"].is_authenticated is False
