"""Change history as curators read it: German field labels, before → after, who and when; and
the subject access report in German labels, names and dates while its JSON keeps codes."""

import json
import re

import pytest
from django.urls import reverse

from tests.factories import ContactPersonFactory, OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def history_url(obj):
    label = obj._meta.label
    return f"/admin/pghistory/events/?method=tracks&obj={label}:{obj.pk}"


def visible(html):
    """The page's text without tags or repeated blanks."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def edited(curator_client, curator):
    """An organisation a curator renamed and changed the legal form of, in admin."""
    curator.first_name, curator.last_name = "Karla", "Kuratorin"
    curator.save()
    organisation = OrganisationFactory(name="Planerladen")
    curator_client.post(
        f"/admin/organisations/organisation/{organisation.pk}/change/",
        {
            "name": "Planerladen gGmbH",
            "legal_form": "ggmbh",
            "kind": "counselling",
            "is_public": "on",
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
        },
    )
    return organisation


def test_history_names_fields_in_german_with_before_after_who_and_when(curator_client, edited):
    page = curator_client.get(history_url(edited))

    text = visible(page.content.decode())
    assert page.status_code == 200
    assert "Änderungsverlauf" in text
    assert "Name: Planerladen → Planerladen gGmbH" in text
    assert "Rechtsform: Eingetragener Verein (e.V.) → Gemeinnützige GmbH (gGmbH)" in text
    assert "Karla Kuratorin" in text
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", text)
    assert "angelegt" in text
    assert "geändert" in text
    for internal in ("legal_form", "pgh_", "ggmbh", "Tracks", "Events", "{"):
        assert internal not in text, internal


def test_history_does_not_list_bookkeeping_columns(curator_client, edited):
    text = visible(curator_client.get(history_url(edited)).content.decode())

    assert "Geändert am:" not in text
    assert "search_vector" not in text


def test_history_of_a_whole_list_names_each_entry(curator_client, edited):
    page = curator_client.get("/admin/pghistory/events/", {"model": "organisations.Organisation"})

    text = visible(page.content.decode())
    assert "Planerladen gGmbH" in text
    assert "Eintrag" in text


def test_history_page_queries_do_not_grow_with_events(curator_client, edited, curator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert curator_client.get(history_url(edited)).status_code == 200
        return len(captured)

    few = queries()
    for name in ("Planerladen Dortmund", "Planerladen e.V.", "Planerladen"):
        curator_client.post(
            f"/admin/organisations/organisation/{edited.pk}/change/",
            {"name": name, "legal_form": "ev", "kind": "counselling",
             "contacts-TOTAL_FORMS": "0", "contacts-INITIAL_FORMS": "0"},
        )  # fmt: skip

    assert queries() == few


def test_subject_access_page_in_german_names_and_dates_json_keeps_codes(curator_client):
    organisation = OrganisationFactory(name="Beratungsstelle Nord")
    contact = ContactPersonFactory(
        organisation=organisation, first_name="Aylin", last_name="Kaya",
        visibility="members", consent_basis="written", topics=[TopicFactory(name="Rassismus")],
    )  # fmt: skip
    url = reverse("privacy:subject_access", args=[contact.pk])

    text = visible(curator_client.get(url).content.decode())
    report = json.loads(curator_client.get(url, {"format": "json"}).content)

    assert "Organisation Beratungsstelle Nord" in text
    assert "Sichtbarkeit Mitglieder" in text
    assert "Einwilligung / Rechtsgrundlage Schriftliche Einwilligung" in text
    assert re.search(r"Einwilligung erteilt am \d\d\.\d\d\.\d{4}", text)
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d · Angelegt", text)
    for raw in ("members", "written", "insert", "Organisation 2", "T0", "+00:00"):
        assert raw not in text, raw
    fields = report["fields"]
    assert "members" in fields.values()
    assert "written" in fields.values()
    assert organisation.pk in fields.values()
    assert report["history"][0]["change"] == "insert"
    assert "T" in report["history"][0]["at"]


def test_history_with_facets_asked_for_is_the_plain_list(curator_client, edited):
    # Django's "show counts" link adds ?_facets=True; pghistory's changelist cannot count.
    plain = curator_client.get("/admin/pghistory/events/", {"model": "organisations.Organisation"})
    faceted = curator_client.get(
        "/admin/pghistory/events/", {"model": "organisations.Organisation", "_facets": "True"}
    )

    assert faceted.status_code == 200
    assert len(faceted.context["cl"].result_list) == len(plain.context["cl"].result_list) > 0
