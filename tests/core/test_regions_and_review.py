import datetime
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from directory.core.admin import ReviewStateFilter
from directory.core.dates import add_months
from directory.core.listing import RegionTree
from directory.core.models import DUE_SOON_DAYS, Region, ReviewState
from directory.organisations.filters import OrganisationFilter
from directory.organisations.models import Organisation
from directory.reviews.services import due_for_reminder
from tests.factories import BoroughFactory, DistrictFactory, LandFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_region_within_land_includes_districts_and_boroughs():
    berlin = LandFactory(name="Berlin")
    city = DistrictFactory(name="Berlin", parent=berlin)
    neukoelln = BoroughFactory(name="Neukölln", parent=city)
    elsewhere = DistrictFactory(name="Dortmund")

    within = set(RegionTree().within(berlin.pk))

    assert within == {berlin.pk, city.pk, neukoelln.pk}
    assert elsewhere.pk not in within
    assert set(RegionTree().within(city.pk)) == {city.pk, neukoelln.pk}


def test_region_land_with_parent_is_refused_by_the_database():
    land = LandFactory()
    with pytest.raises(IntegrityError, match="region_land_is_top_level"):
        Region.objects.create(name="Unterland", kind=Region.Kind.LAND, parent=land)


def test_region_district_without_parent_is_refused_by_the_database():
    with pytest.raises(IntegrityError, match="region_land_is_top_level"):
        Region.objects.create(name="Kreis ohne Land", kind=Region.Kind.DISTRICT)


def test_region_borough_directly_under_land_gets_a_clear_message(curator_client):
    land = LandFactory()

    response = curator_client.post(
        "/admin/core/region/add/", {"name": "Mitte", "kind": "borough", "parent": land.pk}
    )

    assert response.status_code == 200
    assert (
        "Bezirk: Die übergeordnete Region muss vom Typ „Kreis / kreisfreie Stadt“ sein."
        in response.content.decode()
    )
    assert not Region.objects.filter(name="Mitte").exists()


def test_add_months_clamps_to_month_end():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 23), 12) == datetime.date(2027, 11, 23)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)


def test_mark_verified_sets_verifier_and_next_review(curator, settings):
    settings.NETZPOL_REVIEW_INTERVAL_MONTHS = 6
    organisation = OrganisationFactory()

    Organisation.objects.filter(pk=organisation.pk).mark_verified(curator)

    organisation.refresh_from_db()
    today = timezone.localdate()
    assert organisation.verified_on == today
    assert organisation.verified_by == curator
    assert organisation.review_due == add_months(today, 6)
    assert not organisation.is_stale


def test_stale_due_and_never_verified_states():
    today = timezone.localdate()
    never = OrganisationFactory(name="Nie geprüft")
    overdue = OrganisationFactory(
        name="Überfällig",
        verified_on=today - datetime.timedelta(400),
        review_due=today - datetime.timedelta(1),
    )
    soon = OrganisationFactory(
        name="Bald fällig",
        verified_on=today - datetime.timedelta(350),
        review_due=today + datetime.timedelta(10),
    )
    fresh = OrganisationFactory(
        name="Aktuell", verified_on=today, review_due=today + datetime.timedelta(365)
    )

    assert set(Organisation.objects.stale()) == {never, overdue}
    assert set(Organisation.objects.due_soon()) == {soon}
    assert set(Organisation.objects.never_verified()) == {never}
    assert set(Organisation.objects.current()) == {soon, fresh}
    assert never.is_stale
    assert overdue.is_stale
    assert not fresh.is_stale


def test_review_due_today_is_stale_everywhere(curator_client):
    """ "Next review due" names the day it is due: on that day the entry is stale, for the
    queryset, the loaded entry, the admin filter and the reminders alike."""
    today = timezone.localdate()
    yesterday, due_today, tomorrow, last_soon, after_soon = (
        OrganisationFactory(
            name=name,
            email="buero@example.org",
            verified_on=today,
            review_due=today + timedelta(days),
        )
        for name, days in [
            ("Gestern fällig", -1),
            ("Heute fällig", 0),
            ("Morgen fällig", 1),
            ("Am letzten Tag bald fällig", DUE_SOON_DAYS),
            ("Danach fällig", DUE_SOON_DAYS + 1),
        ]
    )
    entries = Organisation.objects

    assert set(entries.stale()) == {yesterday, due_today}
    assert set(entries.due_soon()) == {tomorrow, last_soon}
    assert set(entries.current()) == {tomorrow, last_soon, after_soon}
    assert [o.is_stale for o in (yesterday, due_today, tomorrow)] == [True, True, False]
    for state in ReviewState:
        assert set(entries.in_review_state(state)) == set(entries.in_review_state(state.value))
    changelist = curator_client.get("/admin/organisations/organisation/", {"review": "stale"})
    assert set(changelist.context["cl"].result_list) == {yesterday, due_today}
    assert set(due_for_reminder()) == {yesterday, due_today}


def test_review_states_are_one_set_of_choices_for_lists_and_admin():
    list_filter = OrganisationFilter.base_filters["review"]
    admin_filter = ReviewStateFilter(None, {}, Organisation, None)

    assert list(list_filter.extra["choices"]) == ReviewState.choices
    assert admin_filter.lookup_choices == ReviewState.choices


def test_postcode_must_have_five_digits():
    with transaction.atomic(), pytest.raises(IntegrityError, match="postcode_five_digits"):
        OrganisationFactory(postcode="4413")
    assert OrganisationFactory(postcode="44135").postcode == "44135"
