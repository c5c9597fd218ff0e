"""The curators' overview: its numbers are the admin lists' it links to, counted in one pass
over each table."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directory.agreements.models import Agreement
from directory.contacts.models import ANONYMOUS_TITLE, ContactPerson
from directory.core.models import ReviewState
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from tests.factories import (
    AgreementFactory,
    ContactPersonFactory,
    OrganisationFactory,
    PoliceUnitFactory,
)

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def at_berlin(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


@pytest.fixture
def entries_in_every_state():
    today = timezone.localdate()
    long_ago = today - datetime.timedelta(days=3 * 365)
    states = [
        {"review_due": None, "verified_on": None},
        {"review_due": today, "verified_on": long_ago},
        {"review_due": today + datetime.timedelta(days=10), "verified_on": today},
        {"review_due": today + datetime.timedelta(days=200), "verified_on": today},
    ]
    for factory in (OrganisationFactory, PoliceUnitFactory, AgreementFactory):
        for fields in states:
            factory(**fields)
    for fields in states:
        ContactPersonFactory(**fields)
    # Changed long ago, and anonymised long ago.
    old = ContactPersonFactory(review_due=today, verified_on=long_ago)
    anonymised = ContactPersonFactory(verified_on=long_ago)
    ContactPerson.objects.filter(pk=anonymised.pk).update(
        last_name="", first_name="", email="", functional_title=ANONYMOUS_TITLE
    )
    ContactPerson.objects.filter(pk__in=[old.pk, anonymised.pk]).update(
        updated_at=timezone.now() - datetime.timedelta(days=90)
    )


def test_each_number_is_the_count_of_the_list_it_links_to(client, curator, entries_in_every_state):
    client.force_login(curator)

    page = client.get(reverse("reviews:dashboard"))

    since = timezone.now() - datetime.timedelta(days=30)
    rows = {row["label"]: row["cells"] for row in page.context["rows"]}
    for model in (Organisation, PoliceUnit, ContactPerson, Agreement):
        expected = [
            model.objects.in_review_state(state).count()
            for state in (ReviewState.STALE, ReviewState.DUE_SOON, ReviewState.NEVER_VERIFIED)
        ]
        expected.append(model.objects.filter(updated_at__gte=since).count())
        assert [count for count, _url in rows[model._meta.verbose_name_plural]] == expected
    # The fixture puts entries in every state: no number above is trivially zero.
    assert all(count for count, _url in rows[ContactPerson._meta.verbose_name_plural])
    assert page.context["past_retention"][0] == ContactPerson.objects.past_retention().count()
    assert page.context["past_retention"][0] >= 1


def test_one_query_per_table_counts_its_numbers(client, curator, entries_in_every_state):
    client.force_login(curator)

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("reviews:dashboard"))

    for model in (Organisation, PoliceUnit, ContactPerson, Agreement):
        table = f'FROM "{model._meta.db_table}"'
        counting = [q["sql"] for q in queries if "COUNT(" in q["sql"] and table in q["sql"]]
        assert len(counting) == 1, counting


def test_retention_counts_a_contact_by_the_day_it_was_created_here(settings):
    settings.NETZPOL_RETENTION_MONTHS = 24
    today = datetime.date(2026, 12, 1)
    limit = datetime.date(2024, 12, 1)  # 24 months before
    # In UTC both are on 30 November; in Berlin one is created on the day before the limit,
    # the other on the limit's day.
    before, on_the_day = (
        ContactPersonFactory(verified_on=None, last_name=name) for name in ("Vorher", "AmTag")
    )
    ContactPerson.objects.filter(pk=before.pk).update(
        created_at=at_berlin(limit - datetime.timedelta(days=1), 23, 30)
    )
    ContactPerson.objects.filter(pk=on_the_day.pk).update(created_at=at_berlin(limit, 0, 30))

    found = set(ContactPerson.objects.past_retention(today).values_list("last_name", flat=True))

    assert found == {"Vorher"}
    assert at_berlin(limit, 0, 30).astimezone(datetime.UTC).date() == datetime.date(2024, 11, 30)
