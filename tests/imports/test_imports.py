"""Curators import spreadsheets in admin: dry run first, then all rows or none."""

import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.contacts.models import ContactPerson
from directory.organisations.models import Organisation
from tests.factories import LandFactory, OrganisationFactory, TopicFactory
from tests.imports.conftest import CSV, HEADER, XLSX, confirm, csv_file, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference():
    LandFactory(name="Nordrhein-Westfalen")
    TopicFactory(name="Rassismus")


def test_dry_run_shows_new_rows_and_writes_nothing_until_confirmed(curator_client, reference):
    file = csv_file(
        "Planerladen gGmbH;Gemeinnützige GmbH (gGmbH);counselling;Dortmund;"
        "Nordrhein-Westfalen;;Rassismus",
        "Train of Hope;ev;Beratungsstelle;Dortmund;Nordrhein-Westfalen;info@toh.example.org;",
    )

    preview = upload(curator_client, file)

    assert preview.status_code == 200
    assert preview.context["confirm_form"] is not None
    assert not preview.context["result"].has_errors()
    assert Organisation.objects.count() == 0
    done = confirm(curator_client, preview)
    assert done.status_code == 302
    planerladen = Organisation.objects.get(name="Planerladen gGmbH")
    assert planerladen.legal_form == "ggmbh"
    assert [t.name for t in planerladen.topics.all()] == ["Rassismus"]
    assert Organisation.objects.get(name="Train of Hope").kind == "counselling"


def test_row_errors_are_listed_in_german_and_nothing_is_imported(curator_client, reference):
    file = csv_file(
        "Gültiger Verein;ev;counselling;Dortmund;Nordrhein-Westfalen;;",
        "Falscher Verein;ev;Schloss;Dortmund;Atlantis;;",
    )

    preview = upload(curator_client, file)

    html = preview.content.decode()
    assert preview.context.get("confirm_form") is None
    assert preview.context["result"].has_validation_errors()
    assert "„Schloss“ ist keiner dieser Werte" in html
    assert "Atlantis" in html
    assert Organisation.objects.count() == 0


def test_likely_duplicates_are_flagged_in_the_preview(curator_client, reference):
    existing = OrganisationFactory(
        name="Planerladen gGmbH", city="Dortmund", email="info@planerladen.example.org"
    )
    file = csv_file(
        "Planerladen GmbH;ggmbh;counselling;Dortmund;Nordrhein-Westfalen;;",
        "Ganz anders;ev;counselling;Essen;Nordrhein-Westfalen;INFO@planerladen.example.org;",
    )

    preview = upload(curator_client, file)

    result = preview.context["result"]
    column = result.diff_headers.index("Möglicherweise doppelt")
    hints = [row.diff[column] for row in result.rows]
    assert all(f"#{existing.pk}" in hint for hint in hints)
    assert Organisation.objects.count() == 1


def test_xlsx_imports_too(curator_client, reference):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    sheet.append(["Jugendtreff Nord", "ev", "youth", "Dortmund", "Nordrhein-Westfalen", "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    file = SimpleUploadedFile("liste.xlsx", buffer.getvalue())

    confirm(curator_client, upload(curator_client, file, format=XLSX))

    assert Organisation.objects.get().kind == "youth"


@pytest.mark.parametrize(
    ("file", "format", "message"),
    [
        (
            # Neither UTF-8 nor Windows-1252 (0x81 is no character there).
            lambda: SimpleUploadedFile("liste.csv", HEADER.encode() + b"\r\nCaf\x81;ev;;;;;\r\n"),
            CSV,
            "ließ sich nicht als Text in UTF-8 oder Windows-1252 lesen",
        ),
        (lambda: SimpleUploadedFile("kaputt.xlsx", b"PK\x03\x04 not a workbook"), XLSX, ""),
        (
            lambda: SimpleUploadedFile("liste.csv", b"Name,Ort\r\nVerein,Dortmund\r\n"),
            CSV,
            "Rechtsform",
        ),
    ],
    ids=["wrong-encoding", "broken-xlsx", "missing-columns"],
)
def test_malformed_files_give_a_message_and_write_nothing(
    curator_client, reference, file, format, message
):
    response = upload(curator_client, file(), format=format)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert re.search(r"errornote|errorlist|Fehler|error", html)
    assert message in html
    assert Organisation.objects.count() == 0


def test_an_upload_over_the_limit_is_refused(curator_client, reference, settings):
    settings.NETZPOL_MAX_IMPORT_BYTES = 1024
    big = csv_file(*["Verein;ev;counselling;Dortmund;;;"] * 100)

    response = upload(curator_client, big)

    assert response.context["form"].errors["import_file"]
    assert Organisation.objects.count() == 0


def test_contacts_import_checks_the_database_rules_per_row(curator_client, reference):
    org = OrganisationFactory(name="Planerladen gGmbH")
    header = (
        "Organisation,Vorname,Nachname,E-Mail,Sichtbarkeit,Einwilligung am,"
        "Einwilligung / Rechtsgrundlage"
    )
    text = "\r\n".join(
        [
            header,
            f"{org.name},Aylin,Kaya,kaya@example.org,members,2025-01-15,written",
            f"{org.name},Jonas,Ohne,ohne@example.org,members,,",
        ]
    )
    url = reverse("admin:contacts_contactperson_import")

    preview = upload(curator_client, SimpleUploadedFile("k.csv", text.encode()), url=url)

    assert preview.context.get("confirm_form") is None
    assert preview.context["result"].has_validation_errors()
    assert ContactPerson.objects.count() == 0
