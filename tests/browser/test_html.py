"""Valid HTML: the Nu Html Checker (vnu-jar from the npm registry, run with Java) over the same
pages the accessibility test checks."""

import json
import subprocess

import pytest

from tests.browser.conftest import log_in
from tests.browser.test_accessibility import ERROR_PAGES
from tests.events.pages import event_pages
from tests.network.pages import network_pages
from tests.projects.pages import project_pages

pytestmark = pytest.mark.django_db(transaction=True)


def nu_errors(page, urls, vnu_jar, tmp_path, statuses=(200, 400)):
    """The Nu checker's errors for the pages at `urls`, as the logged-in browser gets them."""
    files = []
    for index, url in enumerate(urls):
        response = page.request.get(url)
        # 400: the page of a broken RSVP link (among the event pages), meant to be read too.
        assert response.status in statuses, url
        file = tmp_path / f"page{index}.html"
        file.write_text(response.text())
        files.append(file)

    result = subprocess.run(
        [vnu_jar[0], "-jar", str(vnu_jar[1]), "--format", "json", *map(str, files)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        (urls[int(m["url"].rsplit("page", 1)[1].split(".")[0])], m["message"], m.get("extract"))
        for m in messages
        if m["type"] == "error"
    ]


def test_every_main_page_is_valid_html(page, pages, vnu_jar, tmp_path):
    log_in(page, "koordination")
    assert nu_errors(page, pages, vnu_jar, tmp_path) == []


@pytest.mark.parametrize("app_pages", [event_pages, project_pages, network_pages])
def test_the_pages_of_events_projects_and_statistics_are_valid_html(
    page, coordinator, vnu_jar, tmp_path, app_pages
):
    urls = app_pages()
    log_in(page, "koordination")
    assert nu_errors(page, urls, vnu_jar, tmp_path) == []


def test_the_error_pages_are_valid_html(page, coordinator, vnu_jar, tmp_path):
    log_in(page, "koordination")
    urls = [*ERROR_PAGES]
    assert nu_errors(page, urls, vnu_jar, tmp_path, statuses=set(ERROR_PAGES.values())) == []
