"""The personal calendar feed: made and revoked on a page under "Mein Konto", stored only as a
hash, readable without login, holding exactly what its owner's role may see."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pytest_django.asserts import assertContains, assertNotContains

from directory.core.hashing import hash_secret
from directory.core.roles import Role, ensure_groups
from directory.events import feeds
from directory.events.models import CalendarFeed
from tests.conftest import count_queries
from tests.factories import EventFactory, InvitationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
MANAGE = reverse("events:feed_manage")


def new_feed_url(client):
    """Make a feed on the page, as its owner does; returns the URL's path."""
    page = client.post(MANAGE)
    assert page.status_code == 200
    return re.search(r'id="feed-url" type="text" value="([^"]+)"', page.content.decode())[1]


def path_of(url):
    return urlsplit(url).path


def titles(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(entry["summary"]) for entry in calendar.walk("VEVENT")}


@pytest.fixture
def events(mediation):
    return {
        "public": EventFactory(title="Öffentliche Fachtagung", visibility="public"),
        "members": EventFactory(title="Arbeitskreis Mitglieder", visibility="members"),
        "staff": EventFactory(title="Interne Klausur", visibility="staff"),
        "mediation": EventFactory(title="Vermittlung Nordstadt", format=mediation),
    }


def feed_of(client, user):
    client.force_login(user)
    path = path_of(new_feed_url(client))
    client.logout()
    return path


# --- the page -------------------------------------------------------------------------------


def test_the_account_menu_links_the_page_and_the_page_needs_a_login(client, member):
    assert client.get(MANAGE).status_code == 302
    client.force_login(member)

    assertContains(client.get(reverse("events:list")), f'href="{MANAGE}"')
    page = client.get(MANAGE)
    assertContains(page, "Sie haben kein Kalender-Abonnement.")
    assertContains(page, "Kalender-Abonnement anlegen")


def test_a_new_feed_is_shown_once_and_stored_only_as_a_hash(client, member, settings):
    client.force_login(member)

    url = new_feed_url(client)
    token = url.rsplit("/", 1)[-1].removesuffix(".ics")
    again = client.get(MANAGE)

    feed = CalendarFeed.objects.get(user=member)
    assert url.startswith(settings.NETZPOL_SITE_URL.rstrip("/") + "/veranstaltungen/kalender/")
    assert feed.secret_hash == hash_secret(token)
    assert token not in {feed.prefix, feed.secret_hash}
    assert token.startswith(feed.prefix)
    assertNotContains(again, token)
    assertContains(again, f"{feed.prefix}…")


def test_a_new_address_revokes_the_old_one(client, member, events):
    first = feed_of(client, member)
    second = feed_of(client, member)

    assert client.get(first).status_code == 404
    assert "Öffentliche Fachtagung" in titles(client.get(second))
    assert CalendarFeed.objects.filter(user=member, revoked_at__isnull=True).count() == 1


def test_revoking_makes_the_address_404(client, member, events):
    path = feed_of(client, member)
    client.force_login(member)

    response = client.post(reverse("events:feed_revoke"), follow=True)

    assertContains(response, "Sie haben kein Kalender-Abonnement.")
    client.logout()
    assert client.get(path).status_code == 404


def test_revoking_needs_a_post(client, member):
    client.force_login(member)
    feeds.create_feed(member)

    assert client.get(reverse("events:feed_revoke")).status_code == 405
    assert CalendarFeed.objects.get(user=member).revoked_at is None


@pytest.mark.parametrize("token", ["unbekannt", "kal_" + "x" * 43, ""])
def test_an_unknown_token_is_404(client, events, token):
    assert client.get(f"/veranstaltungen/kalender/{token}.ics").status_code == 404


def test_a_deactivated_accounts_feed_stops_working(client, member, events):
    path = feed_of(client, member)
    member.is_active = False
    member.save()

    assert client.get(path).status_code == 404


# --- what a feed holds ----------------------------------------------------------------------


def test_a_members_feed_holds_public_and_members_events_never_staff_or_mediation(
    client, member, events
):
    assert titles(client.get(feed_of(client, member))) == {
        "Öffentliche Fachtagung",
        "Arbeitskreis Mitglieder",
    }


def test_a_coordinators_feed_holds_no_staff_events_either(client, coordinator, events):
    assert titles(client.get(feed_of(client, coordinator))) == {
        "Öffentliche Fachtagung",
        "Arbeitskreis Mitglieder",
    }


def test_a_curators_feed_holds_every_event(client, curator, events):
    assert titles(client.get(feed_of(client, curator))) == {
        "Öffentliche Fachtagung",
        "Arbeitskreis Mitglieder",
        "Interne Klausur",
        "Vermittlung Nordstadt",
    }


def test_a_curators_feed_is_no_second_factor(client, curator, events, settings):
    path = feed_of(client, curator)
    settings.NETZPOL_REQUIRE_2FA = True

    assert titles(client.get(path)) == {"Öffentliche Fachtagung", "Arbeitskreis Mitglieder"}


def test_a_feed_follows_its_owners_current_role(client, member, events):
    path = feed_of(client, member)
    member.groups.clear()

    assert titles(client.get(path)) == {"Öffentliche Fachtagung"}
    member.groups.set([ensure_groups()[Role.MEMBER]])
    assert "Arbeitskreis Mitglieder" in titles(client.get(path))


def test_a_feed_holds_the_last_90_days_and_everything_to_come(client, member):
    now = timezone.now()
    for title, days in [("Vor 100 Tagen", -100), ("Vor 80 Tagen", -80), ("In einem Jahr", 365)]:
        EventFactory(
            title=title,
            starts_at=now + datetime.timedelta(days=days),
            ends_at=now + datetime.timedelta(days=days, hours=2),
        )

    assert titles(client.get(feed_of(client, member))) == {"Vor 80 Tagen", "In einem Jahr"}


def test_a_feed_carries_no_participants_or_registrations(client, member, events):
    event = events["public"]
    InvitationFactory(event=event, contact__last_name="Geheimname", state="accepted")
    RegistrationFactory(event=event, last_name="Angemeldet", email="angemeldet@example.org")

    content = client.get(feed_of(client, member)).content.decode()

    assert "Öffentliche Fachtagung" in content
    for secret in ("Geheimname", "Angemeldet", "angemeldet@example.org"):
        assert secret not in content


def test_a_feed_entry_has_a_stable_uid_and_links_the_event(client, member, events):
    path = feed_of(client, member)
    event = events["public"]

    calendar = Calendar.from_ical(client.get(path).content)
    (entry,) = [e for e in calendar.walk("VEVENT") if str(e["summary"]) == event.title]

    assert str(entry["uid"]).startswith(f"event-{event.pk}@")
    assert str(entry["url"]).endswith(event.get_absolute_url())


def test_reading_the_feed_records_its_last_use(client, member, events):
    path = feed_of(client, member)

    client.get(path)

    assert CalendarFeed.objects.get(user=member).last_used_at is not None


def test_the_feed_costs_the_same_queries_for_one_and_for_three_events(client, member):
    path = feed_of(client, member)
    EventFactory()
    CalendarFeed.objects.update(last_used_at=timezone.now())
    one = count_queries(client, path)
    EventFactory.create_batch(2)
    three = count_queries(client, path)

    assert one == three
