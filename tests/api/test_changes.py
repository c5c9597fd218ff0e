"""`modified_after`: exactly the entries changed since, and tombstones for those deleted or
anonymised since, for the entries the caller could see.

Committed transactions (`transactional_db`): the history's timestamps are the database's
transaction times, which inside one test transaction would all be the test's start."""

import datetime

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date

from directory.api.tokens import create_token
from directory.reviews.services import anonymise
from tests.factories import (
    ContactPersonFactory,
    LanguageFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def delta(api_get, endpoint, since, token=None):
    stamp = since.isoformat().replace("+00:00", "Z")
    response = api_get(f"/api/v1/{endpoint}/?modified_after={stamp}&per_page=100", token=token)
    assert response.status_code == 200, response.content
    body = response.json()
    return (
        sorted(entry["id"] for entry in body["results"]),
        sorted((t["id"], t["reason"]) for t in body["tombstones"]),
    )


@pytest.fixture
def history(member, curator):
    """Entries made, changed, deleted and anonymised before and after a moment `since`."""
    unchanged = OrganisationFactory(name="Unverändert")
    changed = OrganisationFactory(name="Geändert")
    deleted_public = OrganisationFactory(name="Gelöscht, öffentlich")
    deleted_hidden = OrganisationFactory(name="Gelöscht, intern", is_public=False)
    OrganisationFactory(name="Früher gelöscht").delete()
    public_contact = ContactPersonFactory(organisation=unchanged, visibility="public")
    members_contact = ContactPersonFactory(organisation=unchanged)
    edited_contact = ContactPersonFactory(organisation=unchanged)
    staff_contact = ContactPersonFactory(
        organisation=unchanged, visibility="staff", consent_basis=""
    )
    members_anonymised = ContactPersonFactory(organisation=unchanged)
    staff_anonymised = ContactPersonFactory(
        organisation=unchanged, visibility="staff", consent_basis=""
    )
    public_anonymised_then_deleted = ContactPersonFactory(
        organisation=unchanged, visibility="public"
    )
    staff_anonymised_then_deleted = ContactPersonFactory(
        organisation=unchanged, visibility="staff", consent_basis=""
    )

    since = timezone.now()

    changed.name = "Geändert, neu"
    changed.save()
    made_after = OrganisationFactory(name="Neu")
    deleted_public_pk, deleted_hidden_pk = deleted_public.pk, deleted_hidden.pk
    deleted_public.delete()
    deleted_hidden.delete()
    anonymise(public_contact, curator, reason="Test")
    staff_pk = staff_contact.pk
    staff_contact.delete()
    members_pk = members_contact.pk
    members_contact.delete()
    edited_contact.function = "Neu"
    edited_contact.save()
    anonymise(members_anonymised, curator, reason="Test")
    anonymise(staff_anonymised, curator, reason="Test")
    anonymised_then_deleted = []
    for contact in (public_anonymised_then_deleted, staff_anonymised_then_deleted):
        anonymise(contact, curator, reason="Test")
        anonymised_then_deleted.append(contact.pk)
        contact.delete()
    return {
        "since": since,
        "changed": changed.pk,
        "made_after": made_after.pk,
        "deleted_public": deleted_public_pk,
        "deleted_hidden": deleted_hidden_pk,
        "anonymised": public_contact.pk,
        "deleted_staff": staff_pk,
        "deleted_members": members_pk,
        "edited_contact": edited_contact.pk,
        "anonymised_members": members_anonymised.pk,
        "anonymised_staff": staff_anonymised.pk,
        "public_anonymised_then_deleted": anonymised_then_deleted[0],
        "staff_anonymised_then_deleted": anonymised_then_deleted[1],
    }


def test_anonymous_delta_has_public_changes_and_public_tombstones(api_get, history):
    organisations = delta(api_get, "organisations", history["since"])
    contacts = delta(api_get, "contacts", history["since"])

    assert organisations == (
        sorted([history["changed"], history["made_after"]]),
        [(history["deleted_public"], "deleted")],
    )
    # Only contacts the public could see: no tombstone says a members' or staff contact existed.
    assert contacts == (
        [],
        sorted(
            [
                (history["anonymised"], "anonymised"),
                (history["public_anonymised_then_deleted"], "deleted"),
            ]
        ),
    )


def test_member_delta_has_everything_the_member_could_see(api_get, history, member):
    token = create_token(member, "Abgleich")[1]

    organisations = delta(api_get, "organisations", history["since"], token)
    contacts = delta(api_get, "contacts", history["since"], token)

    assert organisations == (
        sorted([history["changed"], history["made_after"]]),
        sorted([(history["deleted_public"], "deleted"), (history["deleted_hidden"], "deleted")]),
    )
    assert contacts == (
        [history["edited_contact"]],
        sorted(
            [
                (history["anonymised"], "anonymised"),
                (history["anonymised_members"], "anonymised"),
                (history["deleted_members"], "deleted"),
                (history["public_anonymised_then_deleted"], "deleted"),
            ]
        ),
    )


def test_curator_sees_the_anonymised_entry_itself_and_staff_deletions(api_get, history, curator):
    token = create_token(curator, "Redaktion")[1]

    contacts = delta(api_get, "contacts", history["since"], token)

    assert contacts == (
        sorted(
            [
                history["anonymised"],
                history["edited_contact"],
                history["anonymised_members"],
                history["anonymised_staff"],
            ]
        ),
        sorted(
            [
                (history["deleted_members"], "deleted"),
                (history["deleted_staff"], "deleted"),
                (history["public_anonymised_then_deleted"], "deleted"),
                (history["staff_anonymised_then_deleted"], "deleted"),
            ]
        ),
    )


def test_a_later_moment_sees_nothing(api_get, history):
    later = timezone.now() + datetime.timedelta(seconds=1)

    assert delta(api_get, "organisations", later) == ([], [])
    assert delta(api_get, "contacts", later) == ([], [])


def test_renamed_topic_organisation_or_superior_unit_puts_the_contact_into_the_delta(
    api_get, member
):
    token = create_token(member, "Abgleich")[1]
    topic, language = TopicFactory(name="Rassismus"), LanguageFactory(name="Arabisch", code="ar")
    organisation = OrganisationFactory(name="Nordlicht")
    by_topic = ContactPersonFactory(organisation=OrganisationFactory(), topics=[topic])
    by_language = ContactPersonFactory(organisation=OrganisationFactory())
    by_language.languages.add(language)
    by_organisation = ContactPersonFactory(organisation=organisation)
    top = PoliceUnitFactory(name="Präsidium")
    by_unit = ContactPersonFactory(
        organisation=None, police_unit=PoliceUnitFactory(name="Wache", parent=top)
    )
    ContactPersonFactory()  # changes nothing below
    url = f"/api/v1/contacts/{by_unit.pk}/"
    before = api_get(url, token=token)

    def renamed(entry, name):
        since = timezone.now()
        entry.name = name
        entry.save()
        return delta(api_get, "contacts", since, token)[0]

    assert renamed(topic, "Rassismus (neu)") == [by_topic.pk]
    assert renamed(language, "Arabisch (neu)") == [by_language.pk]
    assert renamed(organisation, "Nordlicht e.V.") == [by_organisation.pk]
    assert renamed(top, "Polizeipräsidium") == [by_unit.pk]
    after = api_get(url, token=token, **{"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    assert after.json()["affiliation"] == "Polizeipräsidium > Wache"
    newer = parse_datetime(after.json()["last_modified"])
    assert newer > parse_datetime(before.json()["last_modified"])
    assert after["Last-Modified"] == http_date(newer.timestamp())
