"""Curators' screens in a real browser: admin lists and entry pages fit 1280 px, erasure asks
before it erases, a police unit moves only when confirmed, and the portal's curator pages
(accounts, subject access) pass axe and the Nu checker."""

import json
import subprocess

import pytest
from django.urls import reverse

from directory.core.roles import Role
from directory.exports.models import ExportLog
from directory.reviews import services
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import user_with_role
from tests.factories import (
    AgreementPartyFactory,
    ContactPersonFactory,
    DistrictFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTH = 1280
PORTAL_LISTS = [
    "core/topic",
    "core/region",
    "core/language",
    "organisations/organisation",
    "police/policeunit",
    "contacts/contactperson",
    "agreements/agreement",
    "exports/exportlog",
    "reviews/correctionrequest",
    "reviews/confirmationemail",
    "reviews/anonymisation",
]


@pytest.fixture
def office():
    """Entries with the long names, addresses and paths real ones have, and one of every
    record the curation lists show."""
    curator = user_with_role(Role.CURATOR, "kuratorin", is_staff=True)
    coordinator = user_with_role(Role.COORDINATOR, "koordination", first_name="Kim")
    user_with_role(Role.MEMBER, "mitglied", first_name="Mia", last_name="Mitglied")
    topic = TopicFactory(name="Rassismus")
    land = LandFactory(name="Nordrhein-Westfalen")
    org = OrganisationFactory(
        name="Interkulturelles Zentrum für Beratung und Begegnung Dortmund-Nordstadt e.V.",
        land=land, topics=[topic],
    )  # fmt: skip
    nrw = PoliceUnitFactory(name="Polizei Nordrhein-Westfalen")
    presidium = PoliceUnitFactory(name="Polizeipräsidium Dortmund", parent=nrw)
    unit = PoliceUnitFactory(
        name="Kriminalkommissariat 34 – Staatsschutz", parent=presidium,
        jurisdiction=DistrictFactory(name="Dortmund", parent=land),
    )  # fmt: skip
    PoliceUnitFactory(name="Landeskriminalamt Berlin")
    contacts = [
        ContactPersonFactory(
            organisation=org,
            form_of_address="frau",
            title="Dr.",
            first_name="Anna-Lena",
            last_name=f"Schmidt-Özdemir{i}",
            function="Ansprechperson für LSBTI* und Opferschutz",
            email=f"anna-lena.schmidt-oezdemir{i}@interkulturelles-zentrum.example.org",
            phone="+49 231 123456-78",
            topics=[topic],
        )
        for i in range(4)
    ]
    ContactPersonFactory(
        organisation=None, police_unit=unit, last_name="Wachdienst",
        email="kk34.staatsschutz@polizei.nrw.example.de", phone="0231 132-4567",
    )  # fmt: skip
    AgreementPartyFactory(
        organisation=org,
        agreement__title="Kooperationsvereinbarung gegen Rassismus und Antisemitismus",
    )
    ExportLog.objects.create(
        user=coordinator, list_name="ansprechpersonen", format="csv", row_count=4,
        purpose="Einladung zum Fachtag Rassismus und Antisemitismus in der Nordstadt",
        contact_ids=[c.pk for c in contacts],
    )  # fmt: skip
    services.send_confirmation(contacts[0])
    services.request_correction(contacts[0], {"function": "Leitung"})
    services.anonymise(contacts[3], curator, reason="Löschung durch die Redaktion")
    return {"org": org, "unit": unit, "presidium": presidium, "contacts": contacts}


def widths(page):
    return page.evaluate(
        """() => {
            const results = document.querySelector('#changelist .results');
            const page = document.documentElement;
            return {page: [page.scrollWidth, page.clientWidth],
                    results: results ? [results.scrollWidth, results.clientWidth] : null};
        }"""
    )


def test_admin_lists_and_entry_pages_fit_1280_px(page, office):
    page.set_viewport_size({"width": WIDTH, "height": 900})
    log_in(page, "kuratorin")
    urls = [f"/admin/{path}/" for path in PORTAL_LISTS] + [
        "/admin/pghistory/events/?model=contacts.ContactPerson",
        reverse("admin:organisations_organisation_change", args=[office["org"].pk]),
        reverse("admin:police_policeunit_change", args=[office["unit"].pk]),
    ]
    too_wide = {}
    for url in urls:
        page.goto(url)
        found = widths(page)
        results = found["results"]
        if found["page"][0] > found["page"][1] or (results and results[0] > results[1]):
            too_wide[url] = found

    # After a validation error, the contact rows inline on the organisation's page.
    page.goto(reverse("admin:organisations_organisation_change", args=[office["org"].pk]))
    page.fill("input[name=name]", "")
    page.click("input[name=_save]")
    page.wait_for_selector(".errornote")
    found = widths(page)
    if found["page"][0] > found["page"][1]:
        too_wide["organisation after an error"] = found

    assert too_wide == {}


def test_erasure_shows_what_goes_and_erases_only_when_confirmed(page, office):
    contact = office["contacts"][0]
    log_in(page, "kuratorin")
    page.goto(reverse("admin:contacts_contactperson_changelist"))

    page.check(f"input[name=_selected_action][value='{contact.pk}']")
    page.select_option("select[name=action]", "erase")
    page.click("button[name=index]")
    page.wait_for_selector("text=wirklich löschen")
    shown = page.inner_text("#content")
    page.click("text=Nein, bitte abbrechen")
    page.wait_for_url("**/admin/contacts/contactperson/")
    contact.refresh_from_db()
    kept = contact.email

    page.check(f"input[name=_selected_action][value='{contact.pk}']")
    page.select_option("select[name=action]", "erase")
    page.click("button[name=index]")
    page.click("input[value='Ja, personenbezogene Daten löschen']")
    message = page.wait_for_selector(".messagelist .success").inner_text()

    assert contact.email in shown
    assert "Schmidt-Özdemir0" in shown
    assert kept == "anna-lena.schmidt-oezdemir0@interkulturelles-zentrum.example.org"
    assert "1" in message
    contact.refresh_from_db()
    assert contact.email == ""


def test_moving_a_unit_through_the_autocomplete_asks_first(page, office):
    unit = office["presidium"]
    log_in(page, "kuratorin")
    page.goto(reverse("admin:police_policeunit_change", args=[unit.pk]))

    page.click(".field-parent .select2-selection")
    page.keyboard.type("Landeskriminal")
    page.wait_for_selector(".select2-results__option--highlighted:has-text('Landeskriminalamt')")
    page.keyboard.press("Enter")
    page.click("input[name=_save]")
    page.wait_for_selector("#id_confirm_move")
    asked = page.inner_text(".field-confirm_move")
    unit.refresh_from_db()
    before = unit.path
    page.check("#id_confirm_move")
    page.click("input[name=_save]")
    message = page.wait_for_selector(".messagelist .success").inner_text()

    assert "„Polizei Nordrhein-Westfalen > Polizeipräsidium Dortmund“" in asked
    assert "„Landeskriminalamt Berlin > Polizeipräsidium Dortmund“" in asked
    assert before == "Polizei Nordrhein-Westfalen > Polizeipräsidium Dortmund"
    assert "Landeskriminalamt Berlin > Polizeipräsidium Dortmund" in message
    unit.refresh_from_db()
    assert unit.path == "Landeskriminalamt Berlin > Polizeipräsidium Dortmund"


def curator_pages(office):
    return [
        reverse("accounts:accounts"),
        reverse("privacy:subject_access", args=[office["contacts"][0].pk]),
        # The overview with its trend lines.
        reverse("reviews:dashboard"),
    ]


def test_curator_pages_have_no_wcag_violations(page, office):
    log_in(page, "kuratorin")
    found = {}
    for url in curator_pages(office):
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    assert found == {}


def test_curator_pages_are_valid_html(page, office, vnu_jar, tmp_path):
    log_in(page, "kuratorin")
    files = []
    for index, url in enumerate(curator_pages(office)):
        response = page.request.get(url)
        assert response.ok, url
        file = tmp_path / f"page{index}.html"
        file.write_text(response.text())
        files.append(str(file))

    result = subprocess.run(
        [vnu_jar[0], "-jar", str(vnu_jar[1]), "--format", "json", *files],
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [(m["message"], m.get("extract")) for m in messages if m["type"] == "error"] == []
