"""The portal as people use it, in a real browser: each role's main path, live filtering,
exports, admin, and the keyboard."""

import csv
import io
import re
from pathlib import Path

import pytest
import vobject
from django.urls import reverse

from tests.browser.conftest import log_in
from tests.factories import (
    ContactPersonFactory,
    DistrictFactory,
    LandFactory,
    OrganisationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory():
    nrw = LandFactory(name="Nordrhein-Westfalen")
    dortmund = DistrictFactory(name="Dortmund", parent=nrw)
    racism = TopicFactory(name="Rassismus")
    TopicFactory(name="Antisemitismus")
    org = OrganisationFactory(name="Planerladen gGmbH", land=nrw, topics=[racism], is_public=True)
    org.regions.add(dortmund)
    OrganisationFactory(name="Verein in Bayern", land=LandFactory(name="Bayern"), is_public=True)
    ContactPersonFactory(
        organisation=org, first_name="Jana", last_name="Müller", email="mueller@example.org",
        topics=[racism],
    )  # fmt: skip
    ContactPersonFactory(
        organisation=org, last_name="", functional_title="Beratungstelefon",
        email="beratung@example.org", visibility="public",
    )  # fmt: skip
    return {"org": org, "racism": racism, "nrw": nrw}


def test_anonymous_filters_organisations_and_sees_no_members_only_data(page, directory):
    page.goto("/")
    page.get_by_role("link", name="Organisationen").first.click()
    page.get_by_label("Rassismus").check()
    page.select_option("select[name=region]", str(directory["nrw"].pk))
    page.wait_for_url(re.compile(r"region="))
    page.get_by_role("link", name="Planerladen gGmbH").click()

    page.wait_for_url(re.compile(r"/organisationen/\d+/"))
    html = page.content()
    assert "Verein in Bayern" not in html
    assert "beratung@example.org" in html
    assert "mueller@example.org" not in html


def test_member_searches_mueller_and_live_filtering_keeps_the_url(page, directory, member):
    log_in(page, "mitglied")

    page.fill("#nav-search", "Mueller")
    page.press("#nav-search", "Enter")
    page.wait_for_url(re.compile(r"/suche/\?q=Mueller"))
    assert page.locator("mark", has_text="Müller").count() >= 1
    page.get_by_role("link", name="Jana Müller").click()
    # The click returns once the new page is committed, before it is loaded.
    page.wait_for_url(re.compile(r"/ansprechpersonen/\d+/"))
    assert page.locator('a[href="mailto:mueller@example.org"]').count() == 1

    page.goto(reverse("contacts:list"))
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Rassismus").check()
    page.wait_for_url(re.compile(r"topic="))
    # Müller has the topic; the Beratungstelefon inherits it from its organisation.
    page.wait_for_selector("#results-heading:has-text('2 Treffer')")
    assert page.evaluate("window.notReloaded") is True
    filtered_url = page.url
    page.goto(filtered_url)
    assert page.get_by_label("Rassismus").is_checked()
    assert "2 Treffer" in page.inner_text("#results-heading")


def test_coordinator_exports_the_filtered_contacts_as_csv_and_vcard(page, directory, coordinator):
    log_in(page, "koordination")
    page.goto(f"{reverse('contacts:list')}?topic={directory['racism'].pk}")

    page.click("#export-link")
    page.fill("input[name=purpose]", "Einladung Fachtag Rassismus")
    page.check("input[name=format][value=csv]")
    with page.expect_download() as csv_download:
        page.click("main button[type=submit]")
    page.check("input[name=format][value=vcf]")
    page.fill("input[name=purpose]", "Einladung Fachtag Rassismus")
    with page.expect_download() as vcf_download:
        page.click("main button[type=submit]")

    text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    # The Beratungstelefon (a team mailbox: no last name) inherits its organisation's topic.
    assert sorted(row[1] for row in rows[1:]) == ["", "Müller"]
    cards = list(vobject.readComponents(Path(vcf_download.value.path()).read_text()))
    assert sorted(card.fn.value for card in cards) == ["Beratungstelefon", "Jana Müller"]


def test_curator_edits_in_admin_sees_history_and_marks_verified(page, directory, curator):
    log_in(page, "kuratorin")
    org = directory["org"]

    page.goto(reverse("admin:organisations_organisation_change", args=[org.pk]))
    page.fill("input[name=name]", "Planerladen gGmbH Dortmund")
    page.click("input[name=_save]")
    page.goto(reverse("admin:organisations_organisation_change", args=[org.pk]))
    page.get_by_role("link", name=re.compile("Änderungsverlauf|History")).first.click()
    page.wait_for_url(re.compile(r"method=tracks"))
    assert "Planerladen gGmbH Dortmund" in page.content()

    page.goto(reverse("admin:organisations_organisation_changelist"))
    page.check("#action-toggle")
    page.select_option("select[name=action]", "mark_verified")
    page.click("button[name=index]")
    assert "2" in page.wait_for_selector(".messagelist .success").inner_text()


@pytest.mark.parametrize("url", ["/ansprechpersonen/", "/suche/?q=Planerladen"])
def test_keyboard_skip_link_and_visible_focus(page, directory, url):
    page.goto(url)

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    checked = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                return [document.activeElement.tagName, s.outlineStyle, s.boxShadow]; }"""
        )
        tag, outline, shadow = style
        if tag == "BODY":  # past the last element of the page
            break
        assert outline != "none" or shadow != "none", style
        checked += 1
    assert checked >= 10
