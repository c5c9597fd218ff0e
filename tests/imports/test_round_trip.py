"""The portal's own exports import back unchanged: a coordinator exports a list (CSV with `;`
or `,`, or XLSX; every column), the entries are removed, a curator imports the file as it is,
and the same export of the new entries gives the same cells. Imported into the directory they
came from, the rows are all flagged as duplicates and nothing changes."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.contacts.models import ContactPerson
from directory.exports.lists import LISTS
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from tests.factories import (
    ContactPersonFactory,
    DistrictFactory,
    LandFactory,
    LanguageFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)
from tests.imports.conftest import CSV, XLSX, confirm, upload

pytestmark = pytest.mark.django_db

# Computed from the entry's id: differs for a new entry by design.
NOT_COMPARED = {"url"}
FORMATS = [("csv", ";"), ("csv", ","), ("xlsx", ";")]
FORMAT_IDS = ["csv-semicolon", "csv-comma", "xlsx"]


@pytest.fixture
def reference():
    berlin = LandFactory(name="Berlin")
    DistrictFactory(name="Berlin", parent=berlin)  # the same name one level down
    topics = {name: TopicFactory(name=name) for name in ["Rassismus", "Antisemitismus"]}
    languages = {
        name: LanguageFactory(code=code, name=name)
        for code, name in [("de", "Deutsch"), ("tr", "Türkisch"), ("ar", "Arabisch")]
    }
    return {
        "berlin": berlin,
        "sachsen": LandFactory(name="Sachsen"),
        "topics": topics,
        "languages": languages,
    }


@pytest.fixture
def organisations(reference):
    topics, languages = reference["topics"], reference["languages"]
    koeln = OrganisationFactory(
        name="Beratungsnetz Vielfalt Köln e.V.", short_name="BVK", street="Venloer Straße 12",
        postcode="50672", city="Köln", land=reference["berlin"],
        website="https://vielfalt-koeln.example.org", email="info@vielfalt-koeln.example.org",
        phone="+49 221 123456", topics=list(topics.values()),
    )  # fmt: skip
    koeln.languages.set([languages["Deutsch"], languages["Türkisch"]])
    OrganisationFactory(
        name="Jugend; Kultur, Vielfalt – Dresden", legal_form="ggmbh", kind="youth",
        postcode="01099", city="Dresden", land=reference["sachsen"], phone="0351 445566",
    )  # fmt: skip
    # Formula-like text: the export guards it with an apostrophe, the import takes it off.
    OrganisationFactory(
        name="=Initiative gegen Antiziganismus", short_name="-AZ-", legal_form="initiative",
        kind="network", city="Berlin", email="az@example.org",
    )  # fmt: skip
    OrganisationFactory(
        name="Moscheegemeinde Ar-Rahma", legal_form="religious_body", kind="mosque",
        city="Berlin", land=reference["berlin"],
    )  # fmt: skip
    return Organisation.objects.all()


@pytest.fixture
def police_units(reference):
    berlin = reference["berlin"]
    top = PoliceUnitFactory(name="Polizei Berlin", kind="state_police", jurisdiction=berlin)
    lka = PoliceUnitFactory(name="LKA 5", kind="lka", parent=top, jurisdiction=berlin)
    PoliceUnitFactory(name="Prävention", kind="prevention", parent=lka, jurisdiction=berlin)
    federal = PoliceUnitFactory(name="Bundespolizei", kind="federal_agency", level="federal")
    # The same name below another unit is another unit, not a duplicate.
    PoliceUnitFactory(name="Prävention", kind="prevention", parent=federal, phone="-110-")
    return PoliceUnit.objects.all()


@pytest.fixture
def contacts(organisations, police_units, reference):
    topics, languages = reference["topics"], reference["languages"]
    ContactPersonFactory(
        organisation=organisations.get(short_name="BVK"), form_of_address="frau", title="Dr.",
        first_name="Aylin", last_name="Kaya",
        function="Beraterin", email="kaya@example.org", email_secondary="beratung@example.org",
        phone="+49 221 123457", mobile="0170 1234567", topics=[topics["Rassismus"]],
    )  # fmt: skip
    ContactPersonFactory(
        organisation=organisations.get(city="Dresden"), form_of_address="herr",
        first_name="Jonas", last_name="Weber",
        function="Vorstand, Finanzen", email="weber@example.org",
    )  # fmt: skip
    functional = ContactPersonFactory(
        organisation=None, police_unit=police_units.get(name="LKA 5"), first_name="",
        last_name="", functional_title="Ansprechstelle LSBTI*", email="lsbti@example.org",
        visibility="public",
    )  # fmt: skip
    functional.languages.set([languages["Deutsch"], languages["Arabisch"]])
    return ContactPerson.objects.all()


def export(client, list_key, format, delimiter):
    columns = [c.key for c in LISTS[list_key].columns]
    response = client.post(
        reverse("exports:export", args=[list_key]),
        {
            "format": format,
            "delimiter": delimiter,
            "columns": columns,
            "purpose": "Übertragung in ein neues Verzeichnis",
        },
    )
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return b"".join(response)


def cells(data, format, delimiter):
    """The export's rows as text, the computed columns left out."""
    if format == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        rows = [["" if v is None else str(v) for v in row] for row in sheet.values]
    else:
        text = data.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    keep = [i for i, label in enumerate(rows[0]) if label not in not_compared_labels()]
    return [[row[i] for i in keep] for row in rows]


def not_compared_labels():
    return {str(c.label) for lst in LISTS.values() for c in lst.columns if c.key in NOT_COMPARED}


def import_file(client, data, format, model):
    name = f"export.{format}"
    url = reverse(f"admin:{model}_import")
    file_format = XLSX if format == "xlsx" else CSV
    preview = upload(client, SimpleUploadedFile(name, data), file_format, url=url)
    result = preview.context["result"]
    assert not result.base_errors, [str(e.error) for e in result.base_errors]
    assert not result.has_validation_errors(), [r.error_dict for r in result.invalid_rows]
    assert not result.has_errors()
    return preview


def round_trip(client, coordinator, curator, list_key, model, format, delimiter, remove):
    client.force_login(coordinator)
    before = export(client, list_key, format, delimiter)
    remove()
    client.force_login(curator)

    preview = import_file(client, before, format, model)

    assert preview.context["result"].totals["new"] == len(cells(before, format, delimiter)) - 1
    done = confirm(client, preview, reverse(f"admin:{model}_process_import"))
    assert done.status_code == 302
    # Imported contacts are for the office only until their consent is recorded: the curator
    # sees them all.
    after = export(client, list_key, format, delimiter)
    assert cells(after, format, delimiter) == cells(before, format, delimiter)


@pytest.mark.parametrize(("format", "delimiter"), FORMATS, ids=FORMAT_IDS)
def test_organisations_export_imports_back_unchanged(
    client, coordinator, curator, organisations, format, delimiter
):
    round_trip(
        client, coordinator, curator, "organisationen", "organisations_organisation",
        format, delimiter, remove=lambda: Organisation.objects.all().delete(),
    )  # fmt: skip

    assert Organisation.objects.get(short_name="-AZ-").name == "=Initiative gegen Antiziganismus"
    assert Organisation.objects.get(city="Dresden").postcode == "01099"


@pytest.mark.parametrize(("format", "delimiter"), FORMATS, ids=FORMAT_IDS)
def test_contacts_export_imports_back_unchanged(
    client, coordinator, curator, contacts, format, delimiter
):
    round_trip(
        client, coordinator, curator, "ansprechpersonen", "contacts_contactperson",
        format, delimiter, remove=lambda: ContactPerson.objects.all().delete(),
    )  # fmt: skip

    functional = ContactPerson.objects.get(functional_title="Ansprechstelle LSBTI*")
    assert (functional.police_unit.name, functional.organisation) == ("LKA 5", None)
    assert ContactPerson.objects.get(last_name="Kaya").organisation.short_name == "BVK"


def remove_police_units():
    for unit in PoliceUnit.objects.order_by("-path"):
        unit.delete()


@pytest.mark.parametrize(("format", "delimiter"), FORMATS, ids=FORMAT_IDS)
def test_police_units_export_imports_back_unchanged(
    client, coordinator, curator, police_units, format, delimiter
):
    round_trip(
        client, coordinator, curator, "polizei", "police_policeunit",
        format, delimiter, remove=remove_police_units,
    )  # fmt: skip

    prevention = PoliceUnit.objects.filter(name="Prävention").order_by("path")
    assert [unit.path for unit in prevention] == [
        "Bundespolizei > Prävention",
        "Polizei Berlin > LKA 5 > Prävention",
    ]
    assert PoliceUnit.objects.get(name="LKA 5").jurisdiction.kind == "land"


def test_an_export_imported_into_its_own_directory_changes_nothing(
    client, coordinator, curator, organisations
):
    client.force_login(coordinator)
    data = export(client, "organisationen", "csv", ";")
    client.force_login(curator)

    preview = import_file(client, data, "csv", "organisations_organisation")

    result = preview.context["result"]
    assert result.totals["new"] == result.totals["update"] == 0
    assert all(row.likely_duplicate for row in result.valid_rows())
    assert Organisation.objects.count() == 4
