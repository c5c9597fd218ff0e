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


def test_demo_has_past_and_coming_events_with_answers_from_the_agreements_partners(
    settings, client
):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from directory.events.models import Event, Invitation

    settings.DEBUG = True
    call_command("setup_demo")
    now = timezone.now()
    forum = Event.objects.get(title__startswith="2. Forum")

    assert Event.objects.filter(starts_at__lt=now).exists()
    assert Event.objects.filter(starts_at__gt=now).exists()
    assert forum.invitations.filter(attendance=Invitation.Attendance.ATTENDED).exists()
    partners = forum.agreement.parties.values_list("organisation_id", "police_unit_id")
    affiliations = {a for pair in partners for a in pair if a}
    invited = forum.invitations.values_list("contact__organisation_id", "contact__police_unit_id")
    assert invited
    assert all(set(pair) & affiliations for pair in invited)
    assert Event.objects.filter(projects__title__startswith="Sicher beten").exists()
    client.force_login(get_user_model().objects.get(username="mitglied"))
    page = client.get("/veranstaltungen/").content.decode()
    assert "Arbeitskreis Schutz von Gebetsstätten" in page
    client.logout()
    public = client.get("/veranstaltungen/").content.decode()
    assert "Offene Konferenz" in public
    assert "Arbeitskreis Schutz von Gebetsstätten" not in public
