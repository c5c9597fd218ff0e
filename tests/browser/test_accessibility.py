"""WCAG 2.1 A/AA (axe-core) on every main page, narrow screens without sideways scrolling, and
the print stylesheet."""

import pytest

from tests.browser.conftest import axe_violations, log_in
from tests.events.pages import event_pages
from tests.network.pages import network_pages
from tests.projects.pages import project_pages

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_main_page_has_no_wcag_violations(page, pages):
    log_in(page, "koordination")
    found = {}
    for url in pages:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    assert found == {}


@pytest.mark.parametrize(
    ("app_pages", "also_public"),
    [
        # The registration form of a public event is for the public, without logging in.
        (event_pages, [-3]),
        # The contact form is for the public, without logging in.
        (project_pages, [-2]),
        # The statistics and the network in their public versions.
        (network_pages, [0, 1]),
    ],
)
def test_the_pages_of_events_projects_and_statistics_have_no_wcag_violations(
    page, coordinator, app_pages, also_public
):
    urls = app_pages()
    log_in(page, "koordination")
    found = {}
    for url in urls:
        page.goto(url)
        if violations := axe_violations(page):
            found[url] = violations
    page.context.clear_cookies()
    for index in also_public:
        page.goto(urls[index])
        if violations := axe_violations(page):
            found[f"public {urls[index]}"] = violations
    assert found == {}


@pytest.mark.parametrize("width", [375])
def test_lists_and_detail_pages_fit_a_phone_without_sideways_scrolling(page, pages, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, "koordination")
    too_wide = {}
    for url in pages:
        page.goto(url)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[url] = scroll_width
    assert too_wide == {}


def test_print_hides_navigation_and_filters_and_shows_link_targets(page, pages):
    page.goto(pages[2])
    page.emulate_media(media="print")

    assert not page.is_visible("header nav")
    assert not page.is_visible("aside .filter-form")
    page.goto(pages[7])
    page.emulate_media(media="print")
    after = page.evaluate(
        """() => getComputedStyle(document.querySelector('a[href^="https://kiezladen"]'),
            '::after').content"""
    )
    assert "https://kiezladen.example.org/" in after


# The error pages a logged-in coordinator can meet: 403 (above the role), 404, 405 (a button's
# address opened on its own).
ERROR_PAGES = {
    "/redaktion/": 403,
    "/gibt-es-nicht/": 404,
    "/merkliste/1/merken/": 405,
}


def test_the_error_pages_have_no_wcag_violations(page, coordinator):
    log_in(page, "koordination")
    found = {}
    for url, status in ERROR_PAGES.items():
        assert page.goto(url).status == status, url
        if violations := axe_violations(page):
            found[url] = violations
    assert found == {}
