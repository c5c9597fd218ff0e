import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from directory.core.roles import Role, role_of
from directory.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_setup_demo_seeds_once_and_prints_a_working_curator_login(settings, capsys):
    settings.DEBUG = True

    call_command("setup_demo")
    first = capsys.readouterr().out
    organisations = Organisation.objects.count()
    call_command("setup_demo")
    second = capsys.readouterr().out

    assert "Demo directory created" in first
    assert "kept as it is" in second
    assert Organisation.objects.count() == organisations > 40
    assert "kuratorin / netzpol-demo" in second
    curator = authenticate(
        RequestFactory().post("/konto/login/"), username="kuratorin", password="netzpol-demo"
    )
    assert curator.is_staff
    assert curator.has_perm("contacts.change_contactperson")
    assert not curator.is_superuser
    assert (
        role_of(
            authenticate(
                RequestFactory().post("/konto/login/"),
                username="koordination",
                password="netzpol-demo",
            )
        )
        == Role.COORDINATOR
    )
    assert (
        role_of(
            authenticate(
                RequestFactory().post("/konto/login/"), username="mitglied", password="netzpol-demo"
            )
        )
        == Role.MEMBER
    )


def test_setup_demo_refuses_outside_development(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="development"):
        call_command("setup_demo")
    assert not Organisation.objects.exists()
