"""Valid HTML: the Nu Html Checker (vnu-jar from the npm registry, run with Java) over the same
pages the accessibility test checks."""

import json
import subprocess

import pytest

from tests.browser.conftest import log_in
from tests.events.pages import event_pages
from tests.projects.pages import project_pages

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_main_page_is_valid_html(page, pages, vnu_jar, tmp_path):
    log_in(page, "koordination")
    files = []
    for index, url in enumerate(pages):
        response = page.request.get(url)
        assert response.ok, url
        file = tmp_path / f"page{index}.html"
        file.write_text(response.text())
        files.append(file)

    result = subprocess.run(
        [vnu_jar[0], "-jar", str(vnu_jar[1]), "--format", "json", *map(str, files)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        (pages[int(m["url"].rsplit("page", 1)[1].split(".")[0])], m["message"], m.get("extract"))
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []


def test_event_pages_are_valid_html(page, coordinator, vnu_jar, tmp_path):
    urls = event_pages()
    log_in(page, "koordination")
    files = []
    for index, url in enumerate(urls):
        response = page.request.get(url)
        assert response.status in (200, 400), url  # 400: the page of a broken RSVP link
        file = tmp_path / f"event{index}.html"
        file.write_text(response.text())
        files.append(file)

    result = subprocess.run(
        [vnu_jar[0], "-jar", str(vnu_jar[1]), "--format", "json", *map(str, files)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        (m["url"].rsplit("/", 1)[1], m["message"], m.get("extract"))
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []


def test_project_and_contact_form_pages_are_valid_html(page, coordinator, vnu_jar, tmp_path):
    urls = project_pages()
    log_in(page, "koordination")
    files = []
    for index, url in enumerate(urls):
        response = page.request.get(url)
        assert response.ok, url
        file = tmp_path / f"project{index}.html"
        file.write_text(response.text())
        files.append(file)

    result = subprocess.run(
        [vnu_jar[0], "-jar", str(vnu_jar[1]), "--format", "json", *map(str, files)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        (m["url"].rsplit("/", 1)[1], m["message"], m.get("extract"))
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
