"""Members' pages in a real browser: filters that fold away on a phone so the results come
first, the login prompt behind a members-only link, and "Fehler melden" on an entry's page."""

import json
import subprocess

import pytest
from django.urls import reverse

from directory.reviews.models import CorrectionRequest
from tests.browser.conftest import axe_violations, log_in
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LIST = reverse("contacts:list")


@pytest.fixture
def contacts():
    org = OrganisationFactory(name="Stadtteilzentrum Nord")
    return [
        ContactPersonFactory(organisation=org, last_name=f"Person{index}", visibility="public")
        for index in range(30)
    ]


def test_on_a_phone_the_results_come_first_and_the_filters_fold_out(page, contacts):
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(LIST)

    first_result = page.locator(".result").first.bounding_box()
    assert first_result["y"] < 667
    assert not page.is_visible(".filter-form")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    page.click(".filter-panel summary")
    assert page.is_visible(".filter-form")
    page.select_option("select[name=per_page]", "10")
    page.wait_for_url(lambda url: "per_page=10" in url)
    assert page.locator(".result").count() == 10
    assert page.is_visible(".filter-form")  # the results change, the open filters stay


def test_on_a_wide_screen_the_filters_stand_open_beside_the_results(page, contacts):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(LIST)

    assert page.is_visible(".filter-form")
    assert not page.is_visible(".filter-panel summary")
    form, results = page.locator(".filter-form").bounding_box(), page.locator("#results")
    assert form["x"] + form["width"] <= results.bounding_box()["x"]
    assert page.input_value("select[name=per_page]") == "25"
    assert page.locator(".result").count() == 25


def test_a_members_only_link_asks_an_anonymous_visitor_to_log_in(page, member, vnu_jar, tmp_path):
    contact = ContactPersonFactory(last_name="Nurfürmitglieder")
    url = contact.get_absolute_url()

    response = page.goto(url)

    assert response.status == 404
    assert page.inner_text("h1") == "Bitte melden Sie sich an"
    assert axe_violations(page) == []
    (tmp_path / "prompt.html").write_text(response.text())
    result = subprocess.run(
        [vnu_jar[0], "-jar", str(vnu_jar[1]), "--format", "json", str(tmp_path / "prompt.html")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [m["message"] for m in messages if m["type"] == "error"] == []

    page.click("main a.btn-primary")
    page.fill("input[name=username]", "mitglied")
    page.fill("input[name=password]", "correct horse battery")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda u: u.endswith(url))
    assert page.inner_text("h1").endswith("Nurfürmitglieder")


def test_a_member_reports_an_error_from_the_entry_page(page, member):
    contact = ContactPersonFactory(last_name="Özdemir", phone="0231 123")
    log_in(page, "mitglied")
    page.goto(contact.get_absolute_url())

    assert not page.is_visible("textarea[name=message]")
    page.get_by_text("Fehler melden").click()
    page.fill("textarea[name=message]", "Die Telefonnummer hat sich geändert: 0231 999.")
    page.get_by_role("button", name="Meldung senden").click()

    page.wait_for_selector(".alert-success")
    assert "Geschäftsstelle prüft" in page.inner_text(".alert-success")
    assert axe_violations(page) == []
    request = CorrectionRequest.objects.get()
    assert request.entry_id == contact.pk
    assert "0231 999" in request.message


@pytest.mark.parametrize("width", [1200, 1280, 1366, 1400, 1600])
def test_the_navigation_fits_the_screen_and_its_search_field_can_be_typed_in(page, curator, width):
    # A curator's menu is the longest; German labels are longer than English ones.
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, curator.username)
    page.goto(LIST)

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # From 1200 px on the menu stands open in one row, the search field wide enough to type in.
    assert not page.locator(".navbar-toggler").is_visible()
    search = page.locator("#nav-search")
    assert search.bounding_box()["width"] >= 140
    search.fill("Antisemitismus Dortmund")
    search.press("Enter")
    page.wait_for_url(lambda url: "/suche/?q=Antisemitismus" in url)
