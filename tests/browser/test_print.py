"""The print view printed by Chromium: A4 landscape when the columns need it, every chosen
column on the page (no cell reaches past the page's content width, no text past its cell), the
attendance list with its signature column; and both pages accessible and valid HTML."""

import json
import re
import subprocess

import pytest
from django.urls import reverse

from tests.browser.conftest import axe_violations, log_in
from tests.factories import ContactPersonFactory, OrganisationFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MM = 96 / 25.4  # CSS pixels per millimetre
# A4 less the print stylesheet's page margins (15 mm top and bottom, 12 mm left and right).
CONTENT_WIDTH = {"portrait": (210 - 24) * MM, "landscape": (297 - 24) * MM}
EXPORT = reverse("exports:export", args=["ansprechpersonen"])

# Every cell's box and whether its text runs past it, in the layout of the current media.
MEASURE = """() => [...document.querySelectorAll('.print-table th, .print-table td')].map(cell => {
    const box = cell.getBoundingClientRect();
    return {text: cell.innerText.slice(0, 40), right: box.right,
            overflows: cell.scrollWidth > cell.clientWidth + 1};
})"""


@pytest.fixture
def invitation_list(coordinator):
    topics = [TopicFactory(name=name) for name in (
        "Antisemitismus", "Rassismus", "Queerfeindlichkeit", "Muslimfeindlichkeit",
        "Hasskriminalität", "Beschwerdemanagement",
    )]  # fmt: skip
    org = OrganisationFactory(
        name="Kreuzberger Initiative gegen Antisemitismus und Rassismus e.V.", city="Berlin"
    )
    for index in range(12):
        ContactPersonFactory(
            organisation=org,
            first_name="Maximiliane-Charlotte",
            last_name=f"Schmidt-Häring-Oberhausen{index}",
            functional_title="",
            function="Fachstelle für Beratung, Bildung und Beschwerdemanagement",
            email=f"maximiliane.schmidt-haering-{index}@kreuzberger-initiative.example.org",
            phone="+49 30 123456-789",
            mobile="+49 171 98765432",
            topics=topics,
        )


def print_view(page, columns=None, attendance=False):
    """Log in, ask for the print view of the contacts with `columns` (the defaults and the
    topics, as in issue 18, if None) and wait for it; the HTML the server sent."""
    log_in(page, "koordination")
    page.goto(EXPORT)
    page.check("input[name=format][value=print]")
    if columns is not None:
        for box in page.query_selector_all("input[name=columns]"):
            box.set_checked(box.get_attribute("value") in columns)
    else:
        page.check("input[name=columns][value=topics]")
    if attendance:
        page.check("input[name=layout][value=attendance]")
        page.fill("input[name=event_title]", "Fachtag Antisemitismus")
        page.fill("input[name=event_date]", "12.03.2026")
    page.fill("input[name=purpose]", "Teilnahmeliste Fachtag")
    with page.expect_response(lambda response: response.request.method == "POST") as sent:
        page.click("main button[type=submit]")
    page.wait_for_selector(".print-table")
    return sent.value.text()


def cut_cells(page, orientation):
    """The cells a printed page of `orientation` would cut off or overflow."""
    width = CONTENT_WIDTH[orientation]
    page.set_viewport_size({"width": round(width), "height": 1000})
    page.emulate_media(media="print")
    cells = page.evaluate(MEASURE)
    assert cells
    return [c for c in cells if c["right"] > width + 1 or c["overflows"]]


def pdf_pages(page):
    """(width, height) in points of each page of the print view printed to PDF as Chromium
    prints it (the page size from the stylesheet)."""
    pdf = page.pdf(prefer_css_page_size=True, print_background=False)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes, "no page in the PDF"
    return [(float(w), float(h)) for w, h in boxes]


def test_a_wide_list_prints_landscape_with_every_column_on_the_page(page, invitation_list):
    print_view(page)

    assert page.locator(".print-list.print-landscape").count() == 1
    assert page.locator(".print-table thead th").count() == 10
    assert cut_cells(page, "landscape") == []
    for width, height in pdf_pages(page):
        assert width > height  # A4 landscape: 842 x 595 pt
        assert round(width) in range(840, 844)


def test_a_narrow_list_prints_portrait(page, invitation_list):
    print_view(page, columns=["last_name", "email", "phone"])

    assert page.locator(".print-list.print-portrait").count() == 1
    assert cut_cells(page, "portrait") == []
    for width, height in pdf_pages(page):
        assert height > width


def test_attendance_list_prints_with_event_and_a_signature_column(page, invitation_list):
    print_view(page, columns=["first_name", "last_name", "affiliation"], attendance=True)

    assert "Teilnahmeliste" in page.inner_text("h1")
    assert "Fachtag Antisemitismus" in page.inner_text(".print-event")
    assert page.locator(".print-table thead th").last.inner_text() == "Unterschrift"
    assert page.locator("td.print-signature").count() == 12
    # Three columns and a signature column (counted twice) still fit portrait.
    assert cut_cells(page, "portrait") == []
    signature = page.locator("td.print-signature").first.bounding_box()
    assert signature["width"] > 100
    assert signature["height"] > 35
    assert all(height > width for width, height in pdf_pages(page))


def test_print_views_have_no_wcag_violations_and_valid_html(
    page, invitation_list, vnu_jar, tmp_path
):
    files = []
    for attendance in (False, True):
        html = print_view(page, columns=["last_name", "email"], attendance=attendance)
        assert axe_violations(page) == []
        file = tmp_path / f"print{int(attendance)}.html"
        file.write_text(html)
        files.append(str(file))

    result = subprocess.run(
        [vnu_jar[0], "-jar", str(vnu_jar[1]), "--format", "json", *files],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [m["message"] for m in messages if m["type"] == "error"] == []
