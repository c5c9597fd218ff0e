"""The print view chooses its page by the columns and offers an attendance list; XLSX columns are
as wide as their content. (The printed PDF itself: tests/browser/test_print.py.)"""

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from directory.exports.writers import column_widths, print_sheet, shares
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
CONTACTS = reverse("exports:export", args=["ansprechpersonen"])
LONG_EMAIL = "beratung.antidiskriminierung@kiezladen.example.org"


@pytest.fixture
def contacts():
    org = OrganisationFactory(name="Kreuzberger Initiative gegen Antisemitismus", city="Berlin")
    ContactPersonFactory(
        organisation=org, first_name="Miriam", last_name="Häring", email=LONG_EMAIL,
        phone="030 23125 100", function="Beratung und Begleitung " * 6,
    )  # fmt: skip
    ContactPersonFactory(organisation=org, first_name="Jonas", last_name="Hethur")


def export(client, **data):
    form = {
        "format": "print", "delimiter": ";", "purpose": "Teilnahmeliste Fachtag",
        "columns": ["last_name"],
    }  # fmt: skip
    form.update(data)
    return client.post(CONTACTS, form)


def test_few_columns_print_portrait_many_landscape(client, coordinator, contacts):
    client.force_login(coordinator)

    few = export(client, columns=["first_name", "last_name", "email"]).content.decode()
    many = export(
        client,
        columns=["first_name", "last_name", "function", "affiliation", "email", "phone",
                 "mobile", "city", "topics"],
    ).content.decode()  # fmt: skip

    assert "print-list print-portrait" in few
    assert "print-list print-landscape" in many
    assert "A4 quer" in many
    # Every column has a share of the width, and the shares fill the table.
    many_shares = [int(n) for n in re.findall(r'<col class="print-w-(\d+)">', many)]
    assert len(many_shares) == 9
    assert sum(many_shares) == 100


def test_attendance_list_has_event_details_and_a_signature_column(client, coordinator, contacts):
    client.force_login(coordinator)

    filled = export(
        client, layout="attendance", columns=["first_name", "last_name", "affiliation", "email"],
        event_title="Dialogforum Antisemitismus", event_date="12.03.2026",
        event_place="Rathaus Kreuzberg",
    ).content.decode()  # fmt: skip
    blank = export(client, layout="attendance", columns=["last_name"]).content.decode()

    assert '<h1 class="h3">Teilnahmeliste</h1>' in filled
    for text in ("Dialogforum Antisemitismus", "12.03.2026", "Rathaus Kreuzberg"):
        assert text in filled
    assert '<th scope="col">Unterschrift</th>' in filled
    assert filled.count('<td class="print-signature"></td>') == 2
    # A signature column counts twice: four columns and a signature turn the page.
    assert "print-landscape" not in blank
    assert "print-landscape" in filled
    # Without details the sheet has lines to fill in by hand.
    assert blank.count('class="print-blank"') == 3
    assert "print-list print-landscape" not in export(client).content.decode()


def test_the_export_form_offers_the_attendance_list_in_german(client, coordinator, contacts):
    client.force_login(coordinator)

    html = client.get(CONTACTS).content.decode()

    assert "Teilnahmeliste (mit Unterschriftsspalte)" in html
    assert "Jede E-Mail-Adresse nur einmal" in html


def test_xlsx_columns_are_as_wide_as_header_or_longest_value_capped(client, coordinator, contacts):
    client.force_login(coordinator)

    response = client.post(
        CONTACTS,
        {"format": "xlsx", "delimiter": ";", "purpose": "Adressliste Fachtag",
         "columns": ["last_name", "email", "function", "postcode"]},
    )  # fmt: skip

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["E-Mail"] >= len(LONG_EMAIL)
    assert widths["Funktion"] == 60
    assert widths["Nachname"] < 14
    assert widths["PLZ"] <= 8  # empty values: as wide as the header


def test_column_widths_and_shares():
    widths = column_widths(["Name", "E-Mail"], [("Ott", "a@b.de"), ("Ä", None), ("x" * 99, "")])

    assert widths == [60, 8]
    assert sum(shares([10, 30, 60], 80)) == 80
    assert shares([1] * 60, 100) == [2] * 60  # more columns than steps: each one step
    sheet = print_sheet(["A", "B"], iter([("1", "2")]), attendance=True)
    assert sheet["rows"] == [("1", "2")]
    assert sheet["page"] == "portrait"
