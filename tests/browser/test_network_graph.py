"""/netzwerk/ in Chromium under the portal's real CSP: the vendored cytoscape.js draws the
nodes of the table, a click on a node opens its page, the browser reports no error and no
blocked script or style, and nothing is loaded from another host."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import log_in

# The hand-built network of the network app's tests (tests/network/conftest.py).
from tests.network.conftest import network  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GRAPH = "#network-graph[data-rendered=true]"


@pytest.fixture
def strict_page(browser, live_server):
    """A page with the CSP in force (the shared `page` fixture bypasses it for axe), recording
    console errors, CSP violations and every requested URL."""
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.problems, page.requests = [], []

    def console(message):
        # Chromium may still ask for /favicon.ico on its own (not this page's doing).
        if message.location.get("url", "").endswith("/favicon.ico"):
            return
        if message.type == "error" or "Content Security Policy" in message.text:
            page.problems.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) =>
            console.error("CSP violation: " + event.violatedDirective))"""
    )
    yield page
    context.close()


def node_position(page, key):
    """Where node `key` is drawn, in page coordinates."""
    return page.evaluate(
        """(key) => {
            const container = document.querySelector("#network-graph");
            const point = container.cytoscape.getElementById(key).renderedPosition();
            const box = container.getBoundingClientRect();
            return {x: box.left + point.x, y: box.top + point.y};
        }""",
        key,
    )


@pytest.mark.usefixtures("network", "member")
def test_member_sees_the_tables_nodes_drawn_and_a_click_opens_a_node(
    strict_page, live_server, request
):
    page = strict_page
    log_in(page, "mitglied")
    page.goto("/netzwerk/")
    page.wait_for_selector(GRAPH)
    graph = page.locator("#network-graph")
    # The member's table: 7 connections between 4 organisations and police units.
    assert page.locator("section table tbody tr").count() == 7
    assert graph.get_attribute("data-nodes") == "4"
    assert graph.get_attribute("data-edges") == "7"
    assert graph.locator("canvas").count() >= 1
    assert page.locator("#network-figure").is_visible()
    assert "Tabelle" in graph.get_attribute("aria-label")

    unit = request.getfixturevalue("network")["berlin_unit"]
    page.evaluate(
        """document.querySelector("#network-graph").scrollIntoView(
            {behavior: "instant", block: "center"})"""
    )
    target = re.compile(re.escape(unit.get_absolute_url()) + "$")
    for _attempt in range(3):
        # cytoscape learns where its canvas is from the scroll event: let it arrive first.
        page.evaluate(
            "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        point = node_position(page, f"p{unit.pk}")
        page.mouse.click(point["x"], point["y"])
        try:
            page.wait_for_url(target, timeout=3_000)
            break
        except PlaywrightTimeout:
            continue
    assert target.search(page.url), page.url

    assert page.problems == []
    assert all(url.startswith(live_server.url) for url in page.requests), page.requests


@pytest.mark.usefixtures("network")
def test_public_graph_draws_only_public_entries(strict_page):
    page = strict_page
    page.goto("/netzwerk/")
    page.wait_for_selector(GRAPH)
    labels = page.evaluate(
        """() => document.querySelector("#network-graph").cytoscape.nodes()
            .map((node) => node.data("label")).sort()"""
    )
    assert labels == ["Offener Verein", "PP Dortmund"]
    assert "Geheimverein" not in page.content()
    assert page.problems == []


@pytest.mark.usefixtures("network")
def test_without_javascript_the_table_alone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/netzwerk/")
    assert page.locator("section table tbody tr").count() == 2
    assert not page.locator("#network-figure").is_visible()
    context.close()


@pytest.mark.usefixtures("network", "member")
def test_print_shows_the_table_without_the_picture(strict_page):
    page = strict_page
    log_in(page, "mitglied")
    page.goto("/netzwerk/")
    page.wait_for_selector(GRAPH)
    page.emulate_media(media="print")
    assert not page.locator("#network-figure").is_visible()
    assert page.locator("section table").is_visible()
