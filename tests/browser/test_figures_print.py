"""/statistik/ and the curators' trend lines in print: the charts and tables print, the
navigation and download buttons do not."""

import pytest

from tests.browser.conftest import log_in
from tests.network.pages import network_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_statistics_print_with_tile_map_charts_and_tables(page, coordinator):
    network_pages()
    log_in(page, "koordination")
    page.goto("/statistik/")
    page.emulate_media(media="print")
    assert page.is_visible("#networked_land svg.tile-map")
    assert page.is_visible("#networked_land table")
    assert page.is_visible("#organisations_land svg.chart")
    assert not page.is_visible("header nav")
    assert not page.is_visible("#networked_land a[download]")
    assert page.locator("#networked_land svg.tile-map rect").count() == 16


def test_trend_lines_print(page, curator):
    log_in(page, "kuratorin")
    page.goto("/redaktion/")
    page.emulate_media(media="print")
    assert page.locator("#trends-heading").is_visible()
    assert page.locator("section svg.chart polyline").count() == 3
    assert page.is_visible("section table caption")
    assert not page.is_visible("a[href='?csv=trends']")
