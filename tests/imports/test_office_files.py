"""Curators import files as German office software saves them (tests/imports/files, written by
LibreOffice Calc in a German locale): Windows-1252 or UTF-8 CSV with semicolons, XLSX with real
dates, short German dates, postcodes turned into numbers, choices by their German labels,
organisations by short name; and a file with mistakes gets German row errors."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.contacts.models import ContactPerson
from directory.organisations.models import Organisation
from tests.factories import LandFactory, LanguageFactory, OrganisationFactory, TopicFactory
from tests.imports.conftest import CSV, XLSX, confirm, upload

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files"
ORGANISATIONS = reverse("admin:organisations_organisation_import")
ORGANISATIONS_CONFIRM = reverse("admin:organisations_organisation_process_import")
CONTACTS = reverse("admin:contacts_contactperson_import")
CONTACTS_CONFIRM = reverse("admin:contacts_contactperson_process_import")
TOPICS = [
    "Rassismus",
    "Antisemitismus",
    "Muslimfeindlichkeit",
    "Sicherheit von Gebetsstätten",
    "Queerfeindlichkeit",
    "Antiziganismus",
]
LANGUAGES = {"de": "Deutsch", "tr": "Türkisch", "ar": "Arabisch", "rom": "Romanes"}


@pytest.fixture
def reference():
    for land in ["Nordrhein-Westfalen", "Sachsen", "Bayern"]:
        LandFactory(name=land)
    for topic in TOPICS:
        TopicFactory(name=topic)
    for code, name in LANGUAGES.items():
        LanguageFactory(code=code, name=name)


@pytest.fixture
def organisations(reference):
    nrw = LandFactory(name="Nordrhein-Westfalen")
    OrganisationFactory(
        name="Beratungsnetz Vielfalt Köln e.V.", short_name="BVK", city="Köln", land=nrw
    )
    OrganisationFactory(name="Moscheegemeinde Ar-Rahma Dortmund", city="Dortmund", land=nrw)
    OrganisationFactory(name="Queeres Jugendnetzwerk Sachsen", short_name="QJS", city="Dresden")


def office_file(name):
    return SimpleUploadedFile(name, (FILES / name).read_bytes())


def names(entries):
    return sorted(entry.name for entry in entries.all())


def test_excel_csv_in_windows_1252_with_semicolons_imports(curator_client, reference):
    preview = upload(curator_client, office_file("organisationen-windows-1252.csv"), CSV)

    result = preview.context["result"]
    assert not result.has_errors()
    assert not result.has_validation_errors()
    assert result.totals["new"] == 4
    assert Organisation.objects.count() == 0
    confirm(curator_client, preview, ORGANISATIONS_CONFIRM)
    koeln = Organisation.objects.get(short_name="BVK")
    assert koeln.name == "Beratungsnetz Vielfalt Köln e.V."
    assert koeln.street == "Venloer Straße 12"
    assert (koeln.legal_form, koeln.kind) == ("ev", "counselling")
    assert (koeln.land.name, koeln.phone) == ("Nordrhein-Westfalen", "0221 123456")
    assert names(koeln.topics) == ["Antisemitismus", "Rassismus"]
    assert names(koeln.languages) == ["Deutsch", "Türkisch"]
    mosque = Organisation.objects.get(city="Dortmund")
    assert (mosque.legal_form, mosque.kind, mosque.phone) == ("ev", "mosque", "+49 231 987654")
    dresden = Organisation.objects.get(city="Dresden")
    # Calc read "01099" as the number 1099.
    assert (dresden.postcode, dresden.legal_form, dresden.kind) == ("01099", "ggmbh", "youth")
    initiative = Organisation.objects.get(city="München")
    assert (initiative.legal_form, initiative.kind) == ("initiative", "network")
    assert names(initiative.languages) == ["Deutsch", "Romanes"]


@pytest.mark.parametrize(
    ("name", "format"), [("ansprechpersonen-utf-8.csv", CSV), ("ansprechpersonen.xlsx", XLSX)]
)
def test_contacts_from_libreoffice_import_with_german_dates_and_labels(
    curator_client, organisations, name, format
):
    preview = upload(curator_client, office_file(name), format, url=CONTACTS)

    result = preview.context["result"]
    assert not result.has_errors()
    assert not result.has_validation_errors()
    confirm(curator_client, preview, CONTACTS_CONFIRM)
    kaya = ContactPerson.objects.get(last_name="Kaya")
    assert kaya.organisation.short_name == "BVK"  # named by its short name
    assert (kaya.visibility, kaya.consent_basis) == ("members", "written")
    assert kaya.consent_given_on == datetime.date(2025, 1, 15)  # "15.01.25" or a real date
    assert names(kaya.languages) == ["Deutsch", "Türkisch"]
    weber = ContactPerson.objects.get(last_name="Weber")
    assert weber.consent_given_on == datetime.date(2025, 12, 31)
    assert (weber.consent_basis, weber.phone) == ("email", "+49 231 987655")
    assert names(weber.topics) == ["Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"]
    gross = ContactPerson.objects.get(first_name="Sören")
    assert (gross.last_name, gross.visibility, gross.consent_given_on) == ("Groß", "staff", None)


def test_a_file_with_mistakes_gets_german_row_errors_naming_row_and_column(
    curator_client, organisations
):
    preview = upload(
        curator_client, office_file("ansprechpersonen-fehler-windows-1252.csv"), CSV, url=CONTACTS
    )

    html = preview.content.decode()
    assert preview.context.get("confirm_form") is None
    assert "Einige Zeilen enthalten Fehler" in html
    assert (
        "Zeile 2, Spalte „Organisation“: Organisation „Beratungsnetz Vielfallt Köln“ gibt es im "
        "Verzeichnis nicht. Meinten Sie „Beratungsnetz Vielfalt Köln e.V.“?" in html
    )
    assert "Zeile 2, Spalte „Sprachen“: Sprache „Hebräisch“ gibt es im Verzeichnis nicht." in html
    assert (
        "Zeile 3, Spalte „Einwilligung am“: „31.13.2025“ ist kein Datum; bitte schreiben Sie es "
        "als TT.MM.JJJJ, z. B. 31.12.2025." in html
    )
    assert (
        "Zeile 3, Spalte „Themen“: Thema „Rassimus“ gibt es im Verzeichnis nicht. "
        "Meinten Sie „Rassismus“?" in html
    )
    for internal in ["DoesNotExist", "matching query", "Value could not be parsed", "Traceback"]:
        assert internal not in html
    assert ContactPerson.objects.count() == 0
