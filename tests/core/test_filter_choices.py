"""The choices a list's filter form offers are read once and shared by the requests after it
(directory/core/listing.py, FrozenChoices): each request still sees them in its own language,
as the data stands, and a choice still filters."""

import pytest
from django.conf import settings
from django.urls import reverse

from directory.core.models import Region
from tests.factories import (
    ContactPersonFactory,
    DistrictFactory,
    LandFactory,
    LanguageFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db
CONTACTS = reverse("contacts:list")


def form_html(response):
    html = response.content.decode()
    return html[html.index('class="filter-form"') : html.index('id="results"')]


def test_a_whole_state_is_named_in_each_requests_language(client):
    LandFactory(name="Berlin")

    german = form_html(client.get(CONTACTS))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = form_html(client.get(CONTACTS))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    german_again = form_html(client.get(CONTACTS))

    assert "Berlin (ganzes Bundesland)" in german
    assert "Berlin (whole state)" in english
    assert "ganzes Bundesland" not in english
    assert "Berlin (ganzes Bundesland)" in german_again


def test_a_renamed_region_is_offered_by_its_new_name_at_once(client):
    land = LandFactory(name="Berlin")
    DistrictFactory(name="Mitte", parent=land)
    assert "Mitte" in form_html(client.get(CONTACTS))

    Region.objects.filter(name="Mitte").update(name="Berlin-Mitte")

    shown = form_html(client.get(CONTACTS))
    assert "Berlin-Mitte" in shown


def test_shared_choices_still_validate_and_filter(member_client):
    land = LandFactory(name="Hessen")
    farsi = LanguageFactory(name="Farsi")
    speaker = ContactPersonFactory(
        last_name="Yilmaz", organisation=OrganisationFactory(land=land), visibility="members"
    )
    speaker.languages.add(farsi)
    speaker.save()
    ContactPersonFactory(last_name="Weber", visibility="members")
    member_client.get(CONTACTS)  # the choices read and kept

    found = member_client.get(CONTACTS, {"language": farsi.pk, "region": land.pk})
    refused = member_client.get(CONTACTS, {"language": "999999"})

    assert [c.last_name for c in found.context["object_list"]] == ["Yilmaz"]
    assert list(refused.context["object_list"]) == []
    assert "999999" in form_html(refused)
