import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from directory.core.dates import add_months
from directory.core.listing import RegionTree
from directory.core.models import Region
from directory.organisations.models import Organisation
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
    assert set(Organisation.objects.due_within(30)) == {soon}
    assert set(Organisation.objects.never_verified()) == {never}
    assert set(Organisation.objects.current()) == {soon, fresh}
    assert never.is_stale
    assert overdue.is_stale
    assert not fresh.is_stale


def test_postcode_must_have_five_digits():
    with transaction.atomic(), pytest.raises(IntegrityError, match="postcode_five_digits"):
        OrganisationFactory(postcode="4413")
    assert OrganisationFactory(postcode="44135").postcode == "44135"
