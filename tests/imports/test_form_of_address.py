"""The Anrede column holds the form of address (Frau, Herr, or empty for neutral), the Titel
column the academic title; older files, which kept titles under Anrede ("Dr.", "Frau Dr."),
import with the title where it belongs."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.contacts.models import ContactPerson
from directory.contacts.resources import split_salutation
from tests.factories import OrganisationFactory
from tests.imports.conftest import confirm, upload

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:contacts_contactperson_import")
PROCESS = reverse("admin:contacts_contactperson_process_import")


def contacts_file(header, *lines):
    text = "\r\n".join([header, *lines])
    # As German Excel saves it: semicolons, Windows-1252.
    return SimpleUploadedFile("kontakte.csv", text.encode("cp1252"), content_type="text/csv")


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Beratungsnetz Vielfalt Köln e.V.", short_name="BVK")


def imported(curator_client, file):
    preview = upload(curator_client, file, url=IMPORT)
    assert preview.context.get("confirm_form") is not None, preview.content.decode()[-3000:]
    assert confirm(curator_client, preview, url=PROCESS).status_code == 302
    return {
        c.last_name: (c.form_of_address, c.title)
        for c in ContactPerson.objects.order_by("last_name")
    }


def test_anrede_and_titel_columns_import_frau_herr_and_neutral(curator_client, organisation):
    file = contacts_file(
        "Anrede;Titel;Vorname;Nachname;Organisation;E-Mail",
        "Frau;Dr.;Aylin;Özdemir;BVK;oezdemir@example.org",
        "Herr;Prof. Dr.;Jonas;Weber;BVK;weber@example.org",
        ";;Kim;Schäfer;BVK;schaefer@example.org",
        "neutral (keine);;Alex;Groß;BVK;gross@example.org",
    )

    assert imported(curator_client, file) == {
        "Groß": ("", ""),
        "Schäfer": ("", ""),
        "Weber": ("herr", "Prof. Dr."),
        "Özdemir": ("frau", "Dr."),
    }


def test_a_title_in_an_old_anrede_column_is_read_as_the_title(curator_client, organisation):
    file = contacts_file(
        "Anrede / Titel;Vorname;Nachname;Organisation;E-Mail",
        "Dr.;Aylin;Özdemir;BVK;oezdemir@example.org",
        "Frau Dr.;Miriam;Schäfer;BVK;schaefer@example.org",
        "Herrn Prof. Dr.;Jonas;Weber;BVK;weber@example.org",
        "Herr;Sören;Groß;BVK;gross@example.org",
    )

    assert imported(curator_client, file) == {
        "Groß": ("herr", ""),
        "Schäfer": ("frau", "Dr."),
        "Weber": ("herr", "Prof. Dr."),
        "Özdemir": ("", "Dr."),
    }


def test_a_title_column_wins_over_a_title_under_anrede(curator_client, organisation):
    file = contacts_file(
        "Anrede;Titel;Vorname;Nachname;Organisation;E-Mail",
        "Frau Dr.;Prof. Dr.;Aylin;Özdemir;BVK;oezdemir@example.org",
    )

    assert imported(curator_client, file) == {"Özdemir": ("frau", "Prof. Dr.")}


def test_an_unknown_form_of_address_is_a_row_error_naming_the_choices(curator_client, organisation):
    file = contacts_file(
        "Anrede;Vorname;Nachname;Organisation;E-Mail",
        "Divers;Kim;Weber;BVK;weber@example.org",
    )

    preview = upload(curator_client, file, url=IMPORT)

    html = preview.content.decode()
    assert preview.context.get("confirm_form") is None
    assert "„Divers“ ist keiner dieser Werte" in html
    assert "„Frau“" in html
    assert "„Herr“" in html
    assert ContactPerson.objects.count() == 0


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Dr.", ("", "Dr.")),
        ("Frau Dr.", ("Frau", "Dr.")),
        ("Herrn Prof. Dr. med.", ("Herr", "Prof. Dr. med.")),
        ("Frau", ("Frau", "")),
        ("Herr", ("Herr", "")),
        ("", ("", "")),
        ("Frau Müller", ("Frau Müller", "")),  # no title: left for the choice column to refuse
        ("Divers", ("Divers", "")),
    ],
)
def test_split_salutation(cell, expected):
    assert split_salutation(cell) == expected
