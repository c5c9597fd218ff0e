"""What curators see and decide on the import screens: likely duplicates skipped unless they
tick the box, linked entries named or suggested, columns of the exports recognised, and German
in the formal address without Python's error names."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from directory.contacts.models import ContactPerson
from directory.contacts.resources import ContactPersonResource
from directory.core.import_columns import header_key
from directory.exports.lists import LISTS
from directory.organisations.models import Organisation
from directory.organisations.resources import OrganisationResource
from directory.police.resources import POSITION, PoliceUnitResource
from tests.factories import (
    LandFactory,
    LanguageFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)
from tests.imports.conftest import CSV, IMPORT, PROCESS, upload

pytestmark = pytest.mark.django_db

CONTACTS = reverse("admin:contacts_contactperson_import")
# What django-import-export's own German says, and Python's words for what went wrong.
INFORMAL = re.compile(
    r"\b(du|dein\w*|dir|dich|klicke|korrigiere|wähle|stelle sicher|lade sie)\b", re.IGNORECASE
)
INTERNALS = [
    "Error",
    "Exception",
    "DoesNotExist",
    "matching query",
    "InvalidDimensions",
    "could not be parsed",
    "LEGAL_FORM",
    "Traceback",
]


@pytest.fixture
def reference():
    LandFactory(name="Nordrhein-Westfalen")
    TopicFactory(name="Rassismus")
    LanguageFactory(code="de", name="Deutsch")


def organisations_csv(*rows, header="Name;Rechtsform;Art;Ort;E-Mail"):
    text = "\r\n".join([header, *rows]) + "\r\n"
    return SimpleUploadedFile("liste.csv", text.encode("cp1252"), content_type="text/csv")


def confirm_with(client, preview, **fields):
    form = preview.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(fields)
    if not data.get("import_duplicates"):
        data.pop("import_duplicates")
    return client.post(PROCESS, data)


def visible_text(html):
    """The page's text in the content area, without markup, scripts and attributes."""
    content = html.split('id="content"', 1)[-1]
    content = re.sub(r"<(script|style)\b.*?</\1>", " ", content, flags=re.S)
    return re.sub(r"<[^>]+>", " ", content)


@pytest.fixture
def existing(reference):
    return OrganisationFactory(
        name="Planerladen gGmbH", city="Dortmund", email="info@planerladen.example.org"
    )


def test_a_likely_duplicate_is_skipped_and_the_dry_run_says_so(curator_client, existing):
    file = organisations_csv(
        "Planerladen GmbH;gGmbH;Beratungsstelle;Dortmund;",
        "Neuer Verein;e.V.;Beratungsstelle;Essen;neu@example.org",
    )

    preview = upload(curator_client, file)

    html = preview.content.decode()
    result = preview.context["result"]
    assert result.flagged_rows == [2]
    new_row = result.rows[1]
    assert new_row.import_type == "new"
    assert new_row.diff[result.diff_headers.index("ID")] == ""  # not the dry run's id
    assert "Zeile 2 gleicht einem vorhandenen Eintrag" in html
    assert "wird übersprungen" in html
    assert "Übersprungen: möglicherweise doppelt" in html
    assert f"Planerladen gGmbH (#{existing.pk})" in html
    assert re.search(r'<input type="checkbox" name="import_duplicates"', html)
    done = confirm_with(curator_client, preview)
    assert done.status_code == 302
    assert sorted(Organisation.objects.values_list("name", flat=True)) == [
        "Neuer Verein",
        "Planerladen gGmbH",
    ]
    message = str(next(iter(done.wsgi_request._messages)))
    assert message == (
        "Import abgeschlossen: 1 neu, 0 geändert, 1 übersprungen. "
        "Als möglicherweise doppelt übersprungen: Zeilen 2."
    )


def test_a_likely_duplicate_is_imported_when_the_curator_ticks_the_box(curator_client, existing):
    file = organisations_csv("Planerladen GmbH;gGmbH;Beratungsstelle;Dortmund;")

    preview = upload(curator_client, file)
    confirm_with(curator_client, preview, import_duplicates="on")

    assert Organisation.objects.filter(name="Planerladen GmbH").exists()


def test_ticked_before_the_check_flagged_rows_show_as_new(curator_client, existing):
    file = organisations_csv("Planerladen GmbH;gGmbH;Beratungsstelle;Dortmund;")

    preview = curator_client.post(
        IMPORT, {"import_file": file, "format": CSV, "resource": "0", "import_duplicates": "on"}
    )

    result = preview.context["result"]
    assert result.totals["new"] == 1
    assert result.flagged_rows == []
    assert f"#{existing.pk}" in preview.content.decode()  # still named in the preview
    confirm_with(curator_client, preview)
    assert Organisation.objects.count() == 2


def test_a_flagged_row_with_an_error_shows_the_error(curator_client, existing):
    file = organisations_csv("Planerladen GmbH;gGmbH;Schloss;Dortmund;")

    preview = upload(curator_client, file)

    assert preview.context.get("confirm_form") is None
    assert "Zeile 2, Spalte „Art“: „Schloss“ ist keiner dieser Werte" in preview.content.decode()


def test_empty_rows_a_spreadsheet_keeps_are_passed_over(curator_client, reference):
    file = organisations_csv(";;;;", "Neuer Verein;e.V.;Beratungsstelle;Essen;", ";;;;", ";;;;")

    preview = upload(curator_client, file)

    result = preview.context["result"]
    assert not result.has_validation_errors()
    assert result.totals["new"] == 1
    assert "Neuer Verein" in preview.content.decode()


def test_a_row_failing_at_the_confirmation_saves_nothing(curator_client, reference):
    """All rows or none, also when the directory changed between the check and the
    confirmation."""
    planerladen = OrganisationFactory(name="Planerladen gGmbH")
    text = "\r\n".join(
        [
            "Organisation;Nachname;E-Mail",
            "Train of Hope;Kaya;kaya@example.org",
            "Planerladen gGmbH;Weber;weber@example.org",
        ]
    )
    OrganisationFactory(name="Train of Hope")
    preview = upload(curator_client, SimpleUploadedFile("k.csv", text.encode()), url=CONTACTS)
    assert preview.context["confirm_form"] is not None
    planerladen.delete()

    form = preview.context["confirm_form"]
    done = curator_client.post(
        reverse("admin:contacts_contactperson_process_import"),
        {name: form[name].value() for name in form.fields if name != "import_duplicates"},
        follow=True,
    )

    assert ContactPerson.objects.count() == 0
    assert "Es wurde nichts importiert" in done.content.decode()


def test_an_organisation_several_entries_share_is_a_row_error(curator_client, reference):
    OrganisationFactory(name="Train of Hope", city="Dortmund")
    OrganisationFactory(name="Train of Hope", city="Essen")
    text = "Organisation;Nachname;E-Mail\r\nTrain of Hope;Kaya;kaya@example.org\r\n"

    preview = upload(curator_client, SimpleUploadedFile("k.csv", text.encode()), url=CONTACTS)

    html = preview.content.decode()
    assert "Mehrere Einträge heißen „Train of Hope“" in html
    assert ContactPerson.objects.count() == 0


def test_the_exports_affiliation_column_finds_an_organisation_or_a_police_unit(
    curator_client, reference
):
    OrganisationFactory(name="Planerladen gGmbH", short_name="Planerladen")
    top = PoliceUnitFactory(name="Polizei Dortmund", kind="presidium")
    PoliceUnitFactory(name="Kriminalprävention", kind="prevention", parent=top)
    text = "\r\n".join(
        [
            "Nachname;Funktionsbezeichnung;E-Mail;Organisation / Polizeidienststelle",
            "Kaya;;kaya@example.org;Planerladen",
            ";Opferschutz;opferschutz@example.org;Polizei Dortmund > Kriminalprävention",
            "Weber;;weber@example.org;Polizei Dortmnd",
        ]
    )

    preview = upload(curator_client, SimpleUploadedFile("k.csv", text.encode()), url=CONTACTS)

    html = preview.content.decode()
    assert (
        "Zeile 4, Spalte „Organisation / Polizeidienststelle“: „Polizei Dortmnd“ ist weder eine "
        "Organisation noch eine Polizeidienststelle im Verzeichnis. Meinten Sie „Polizei "
        "Dortmund“" in html
    )
    errors = [row.number for row in preview.context["result"].invalid_rows]
    assert errors == [3]  # rows 2 and 3 of the sheet were found


def test_english_export_headers_are_recognised_and_other_columns_named(curator_client, reference):
    file = organisations_csv(
        "Neuer Verein;Registered association (e.V.);Counselling service;Essen;;x",
        header="Name;Legal form;Kind;City;Email;Bemerkung",
    )

    with translation.override("de"):
        preview = upload(curator_client, file)

    html = preview.content.decode()
    assert not preview.context["result"].has_validation_errors()
    assert "Diese Spalten werden nicht importiert: Bemerkung." in html
    assert preview.context["result"].totals["new"] == 1


def test_a_column_given_twice_is_named_and_no_row_is_read(curator_client, reference):
    file = organisations_csv(
        "Neuer Verein;e.V.;Beratungsstelle;Essen;;gGmbH",
        header="Name;Rechtsform;Art;Ort;E-Mail;Legal form",
    )

    preview = upload(curator_client, file)

    html = preview.content.decode()
    assert "Die Spalten Rechtsform und Legal form enthalten beide „Rechtsform“." in html
    assert preview.context["result"].rows == []
    assert preview.context.get("confirm_form") is None


@pytest.mark.parametrize(
    ("list_key", "resource"),
    [
        ("organisationen", OrganisationResource),
        ("ansprechpersonen", ContactPersonResource),
        ("polizei", PoliceUnitResource),
    ],
)
def test_every_export_column_is_known_to_the_import(list_key, resource):
    """A new export column needs a decision here: imported (a column or an alias of one),
    derived, or listed in `not_imported`."""
    others = [*resource.not_imported, POSITION.aliases[0]]
    known = set(resource.known_columns()) | {key for label in others for key in spelled(label)}
    for language in ["de", "en"]:
        with translation.override(language):
            labels = {str(c.label) for c in LISTS[list_key].columns}
        assert {label for label in labels if header_key(label) not in known} == set(), language


def spelled(label):
    return {header_key(spelling) for spelling in spellings_of(label)}


def spellings_of(label):
    spelled = set()
    for language in ["de", "en"]:
        with translation.override(language):
            spelled.add(str(label))
    return spelled


def screens(client):
    """The import screens a curator meets: the form, a file refused, a dry run with errors,
    and a preview with a flagged row."""
    yield client.get(IMPORT)
    yield upload(client, SimpleUploadedFile("kaputt.csv", b"Name;Ort\r\nA;B;C;D\r\n"))
    yield upload(client, SimpleUploadedFile("kaputt.xlsx", b"PK\x03\x04 kein Arbeitsblatt"), "1")
    yield upload(client, organisations_csv("Falsch;GmbH & Co. KG;Schloss;Dortmund;"))
    yield upload(client, organisations_csv("Planerladen GmbH;gGmbH;Beratungsstelle;Dortmund;"))
    yield upload(client, SimpleUploadedFile("leer.csv", b"Name;Rechtsform;Art\r\n"))


def test_import_screens_address_curators_formally_and_show_no_internals(curator_client, existing):
    for response in screens(curator_client):
        text = visible_text(response.content.decode())
        assert response.status_code == 200
        assert "Sie" in text
        assert not INFORMAL.search(text), INFORMAL.search(text)
        for internal in INTERNALS:
            assert internal not in text, internal
