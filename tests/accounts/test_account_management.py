"""Curators manage member and coordinator accounts without being superusers: list, deactivate,
reactivate, switch role, resend the invitation. Curators', staff and superuser accounts are
out of reach, and nobody becomes a curator from here."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from directory.core.roles import Role, role_of
from tests.conftest import count_queries, user_with_role

pytestmark = pytest.mark.django_db
ACCOUNTS = reverse("accounts:accounts")


@pytest.fixture
def people():
    member = user_with_role(
        Role.MEMBER, "ayse", email="ayse@verein.example.org", first_name="Ayşe", last_name="Demir",
        last_login=timezone.make_aware(timezone.datetime(2025, 3, 14, 9, 30)),
    )  # fmt: skip
    coordinator = user_with_role(
        Role.COORDINATOR, "jonas", email="jonas@polizei.example.org", first_name="Jonas",
        last_name="Kraft",
    )  # fmt: skip
    invited = user_with_role(
        Role.MEMBER, "neu", email="neu@verein.example.org", first_name="Nora", last_name="Neu"
    )
    invited.set_unusable_password()
    invited.save()
    other_curator = user_with_role(
        Role.CURATOR, "redaktion@netzpol.example.org", first_name="Rita", last_name="Redaktion",
        is_staff=True,
    )  # fmt: skip
    admin = get_user_model().objects.create_superuser(
        "admin", "admin@netzpol.example.org", "x", first_name="Ada", last_name="Admin"
    )
    return {
        "member": member,
        "coordinator": coordinator,
        "invited": invited,
        "curator": other_curator,
        "admin": admin,
    }


def test_the_list_shows_members_and_coordinators_with_role_login_and_status(curator_client, people):
    page = curator_client.get(ACCOUNTS)

    html = page.content.decode()
    assert page.status_code == 200
    for name in ("Ayşe Demir", "Jonas Kraft", "Nora Neu"):
        assert name in html
    assert "Rita Redaktion" not in html
    assert "Ada Admin" not in html
    assert "14.03.2025 09:30" in html
    coordinator_role = re.search(
        rf'id="role-{people["coordinator"].pk}">.*?</select>', html, re.S
    ).group(0)
    assert '<option value="coordinator" selected>Koordinator:in</option>' in coordinator_role
    assert "Einladung offen" in html
    assert "nie" in html


def test_the_list_filters_by_name_role_and_status(curator_client, people):
    by_name = curator_client.get(ACCOUNTS, {"q": "demir"}).content.decode()
    coordinators = curator_client.get(ACCOUNTS, {"role": "coordinator"}).content.decode()
    invited = curator_client.get(ACCOUNTS, {"status": "invited"}).content.decode()

    assert "Ayşe Demir" in by_name
    assert "Jonas Kraft" not in by_name
    assert "Jonas Kraft" in coordinators
    assert "Ayşe Demir" not in coordinators
    assert "Nora Neu" in invited
    assert "Ayşe Demir" not in invited


def test_the_list_costs_the_same_queries_for_one_and_three_accounts(curator_client, curator):
    user_with_role(Role.MEMBER, "eins@example.org")
    one = count_queries(curator_client, ACCOUNTS)
    user_with_role(Role.COORDINATOR, "zwei@example.org")
    user_with_role(Role.MEMBER, "drei@example.org")

    three = count_queries(curator_client, ACCOUNTS)

    assert one == three


def test_a_deactivated_account_loses_access_and_can_be_reactivated(client, curator, people):
    member = people["member"]
    client.force_login(member)
    assert client.get(reverse("contacts:list")).context["user"] == member
    curator_session = client.__class__()
    curator_session.force_login(curator)

    response = curator_session.post(
        reverse("accounts:account_active", args=[member.pk]),
        {"active": "0", "next": f"{ACCOUNTS}?q=demir"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"{ACCOUNTS}?q=demir"
    member.refresh_from_db()
    assert not member.is_active
    assert not client.get(reverse("contacts:list")).context["user"].is_authenticated
    page = curator_session.get(ACCOUNTS, {"status": "inactive"}).content.decode()
    assert "Ayşe Demir" in page
    assert "deaktiviert" in page
    assert LogEntry.objects.filter(object_id=str(member.pk), user=curator).exists()

    curator_session.post(reverse("accounts:account_active", args=[member.pk]), {"active": "1"})

    member.refresh_from_db()
    assert member.is_active


def test_a_member_becomes_coordinator_and_back_and_never_curator(curator_client, people):
    member = people["member"]
    url = reverse("accounts:account_role", args=[member.pk])

    curator_client.post(url, {"role": "coordinator"})
    as_coordinator = role_of(get_user_model().objects.get(pk=member.pk))
    refused = curator_client.post(url, {"role": "curator"})
    still = role_of(get_user_model().objects.get(pk=member.pk))
    curator_client.post(url, {"role": "member"})
    back = get_user_model().objects.get(pk=member.pk)

    assert as_coordinator == Role.COORDINATOR
    assert refused.status_code == 302
    assert still == Role.COORDINATOR
    assert role_of(back) == Role.MEMBER
    assert list(back.groups.values_list("name", flat=True)) == ["Mitglieder"]
    assert not back.is_staff


@pytest.mark.parametrize("target", ["curator", "admin"])
def test_curator_and_admin_accounts_are_out_of_reach(curator_client, people, target):
    account = people[target]

    responses = [
        curator_client.post(reverse("accounts:account_active", args=[account.pk]), {"active": "0"}),
        curator_client.post(
            reverse("accounts:account_role", args=[account.pk]), {"role": "member"}
        ),
        curator_client.post(reverse("accounts:account_invitation", args=[account.pk])),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]
    account.refresh_from_db()
    assert account.is_active
    assert role_of(account) == Role.CURATOR


def test_members_and_coordinators_cannot_manage_accounts(client, people):
    member = people["member"]
    for user in (member, people["coordinator"]):
        client.force_login(user)
        response = client.post(
            reverse("accounts:account_active", args=[people["invited"].pk]), {"active": "0"}
        )
        assert response.status_code == 403
    people["invited"].refresh_from_db()
    assert people["invited"].is_active


def test_the_invitation_is_sent_again_with_a_working_link(client, curator, people, settings):
    settings.NETZPOL_SITE_URL = "https://netzpol.example.org"
    client.force_login(curator)

    sent = client.post(reverse("accounts:account_invitation", args=[people["invited"].pk]))
    refused = client.post(reverse("accounts:account_invitation", args=[people["member"].pk]))

    assert sent.status_code == refused.status_code == 302
    assert [m.to for m in mail.outbox] == [["neu@verein.example.org"]]
    link = re.search(r"https?://\S+/konto/einladung/\S+/", mail.outbox[0].body).group(0)
    client.logout()
    assert client.get(link.removeprefix("https://netzpol.example.org")).status_code == 200
