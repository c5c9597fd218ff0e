"""Curators' and coordinators' office tasks in a real browser: a curator imports a CSV as German
Excel saves it (semicolons, Windows-1252) through the admin's import screen; a coordinator
builds an invitation list from a filter plus a hand-picked contact on the Merkliste and
exports it as CSV, each email address once."""

import csv
import io
from pathlib import Path

import pytest
from django.urls import reverse

from directory.contacts.models import Visibility
from directory.organisations.models import Organisation
from tests.browser.conftest import log_in
from tests.conftest import user_with_role
from tests.factories import (
    ContactPersonFactory,
    LandFactory,
    LanguageFactory,
    OrganisationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

OFFICE_CSV = Path(__file__).parent.parent / "imports" / "files" / "organisationen-windows-1252.csv"


def test_a_curator_imports_an_excel_csv_after_checking_the_preview(page):
    from directory.core.roles import Role

    user_with_role(Role.CURATOR, "kuratorin", is_staff=True)
    for land in ["Nordrhein-Westfalen", "Sachsen", "Bayern"]:
        LandFactory(name=land)
    for topic in [
        "Rassismus", "Antisemitismus", "Muslimfeindlichkeit", "Sicherheit von Gebetsstätten",
        "Queerfeindlichkeit", "Antiziganismus",
    ]:  # fmt: skip
        TopicFactory(name=topic)
    for code, name in {
        "de": "Deutsch",
        "tr": "Türkisch",
        "ar": "Arabisch",
        "rom": "Romanes",
    }.items():
        LanguageFactory(code=code, name=name)
    assert OFFICE_CSV.read_bytes().count(b";") > 10  # as German Excel writes it
    assert "ü".encode("cp1252") in OFFICE_CSV.read_bytes()

    log_in(page, "kuratorin")
    page.goto(reverse("admin:organisations_organisation_import"))
    page.set_input_files("input[name=import_file]", str(OFFICE_CSV))
    page.select_option("select[name=format]", label="csv")
    page.click("input[type=submit][value='Datei prüfen']")

    page.wait_for_selector("table.import-preview")
    preview = page.inner_text("main, #content")
    assert "Vorschau" in preview
    assert "Beratungsnetz Vielfalt Köln e.V." in preview
    assert "Bündnis gegen Antiziganismus Süd" in preview
    assert page.locator("table.import-preview tbody tr.new").count() == 4
    assert Organisation.objects.count() == 0  # a dry run writes nothing

    page.click("input[name=confirm]")
    page.wait_for_url(lambda url: "/import/" not in url)

    imported = {o.name: o for o in Organisation.objects.all()}
    assert sorted(imported) == [
        "Beratungsnetz Vielfalt Köln e.V.",
        "Bündnis gegen Antiziganismus Süd",
        "Moscheegemeinde Ar-Rahma Dortmund",
        "Queeres Jugendnetzwerk Sachsen",
    ]
    koeln = imported["Beratungsnetz Vielfalt Köln e.V."]
    assert (koeln.short_name, koeln.legal_form, koeln.city) == ("BVK", "ev", "Köln")
    assert imported["Queeres Jugendnetzwerk Sachsen"].postcode == "01099"
    assert sorted(t.name for t in koeln.topics.all()) == ["Antisemitismus", "Rassismus"]


@pytest.fixture
def directory():
    """Berlin and Saxony, racism and antisemitism: the filter "racism in Berlin" finds three
    visible contacts, two of them sharing a team address."""
    from directory.core.roles import Role

    user_with_role(Role.COORDINATOR, "koordination", first_name="Kim")
    racism, antisemitism = TopicFactory(name="Rassismus"), TopicFactory(name="Antisemitismus")
    berlin, saxony = LandFactory(name="Berlin"), LandFactory(name="Sachsen")
    kiez = OrganisationFactory(name="Kiezladen Nord", land=berlin, topics=[racism])
    other = OrganisationFactory(name="Jüdisches Forum Berlin", land=berlin, topics=[antisemitism])
    dresden = OrganisationFactory(name="Netzwerk Dresden", land=saxony, topics=[racism])
    person = {"organisation": kiez}
    ContactPersonFactory(last_name="Kaya", email="kaya@kiez.example.org", **person)
    ContactPersonFactory(last_name="Weber", email="team@kiez.example.org", **person)
    ContactPersonFactory(last_name="Wolff", email="TEAM@kiez.example.org", **person)
    ContactPersonFactory(last_name="Verborgen", visibility=Visibility.STAFF, **person)
    ContactPersonFactory(last_name="Nowak", email="nowak@dresden.example.org", organisation=dresden)
    ContactPersonFactory(last_name="Schulz", email="schulz@forum.example.org", organisation=other)
    return {"racism": racism, "antisemitism": antisemitism, "berlin": berlin}


def test_a_coordinator_builds_an_invitation_list_from_a_filter_and_a_hand_picked_contact(
    page, directory
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, "koordination")

    # Racism in Berlin, chosen in the filter form.
    page.goto(reverse("contacts:list"))
    page.check(f"input[name=topic][value='{directory['racism'].pk}']")
    page.select_option("select[name=region]", str(directory["berlin"].pk))
    page.click("aside button[type=submit]")
    chosen = f"region={directory['berlin'].pk}"
    page.wait_for_function(
        "chosen => (document.querySelector('#merkliste-add-all') || {}).href?.includes(chosen)",
        arg=chosen,
    )
    page.wait_for_selector("#results h2:has-text('3 Treffer')")
    results = page.inner_text("#results")
    for found in ["Kaya", "Weber", "Wolff"]:
        assert found in results
    for other in ["Nowak", "Schulz", "Verborgen"]:
        assert other not in results

    page.click("#merkliste-add-all")
    page.click("#merkliste-add-all-confirm")
    page.wait_for_selector("text=3 Ansprechpersonen wurden auf Ihre Merkliste gesetzt.")

    # One more from another filter, by its button in the results.
    page.goto(f"{reverse('contacts:list')}?topic={directory['antisemitism'].pk}")
    page.click("li.result:has-text('Schulz') button:has-text('Merken')")
    page.wait_for_selector("li.result:has-text('Schulz') >> text=Auf der Merkliste")

    page.goto(reverse("exports:merkliste"))
    assert page.inner_text("#merkliste-count") == "4 Ansprechpersonen"
    page.click("#merkliste-export")
    assert "Ihre Merkliste" in page.inner_text("main")
    page.fill("input[name=purpose]", "Einladung zum Fachtag Rassismus und Antisemitismus")
    page.check("input[name=format][value=csv]")
    assert page.is_checked("input[name=unique_emails]")
    with page.expect_download() as download:
        page.click("main form button[type=submit]")
    text = Path(download.value.path()).read_bytes().decode("utf-8-sig")

    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert [row["Nachname"] for row in rows] == ["Kaya", "Schulz", "Weber"]
    assert [row["E-Mail"] for row in rows] == [
        "kaya@kiez.example.org",
        "schulz@forum.example.org",
        "team@kiez.example.org",
    ]
