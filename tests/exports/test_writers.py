"""The export writers on their own: the vCards the database writes against vobject's parser
and, byte for byte, against the Python writer they replaced (escaping, folding at 75 octets,
CRLF), and the XLSX package the database fills."""

import io
import itertools
import uuid
import zipfile

import openpyxl
import pytest
import vobject
from django.test import RequestFactory
from django.urls import reverse

from directory.contacts.models import ContactPerson
from directory.exports import views, writers
from directory.exports.lists import LISTS
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from tests.exports import vcard_reference
from tests.exports.conftest import CONTACTS, body, post_export
from tests.factories import (
    ContactPersonFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
)

LONG_UMLAUTS = "Größenwahn-Überlänge-Ärger-Öztürk-Müßiggang-Schäfer-Jürgensen-Weiß"
# Every character the escaping touches, and line breaks of every kind.
AWKWARD = "Leitung; Beratung, Bildung \\ Back\nzweite\r\ndritte\rvierte"


def parsed(data):
    """The cards as vobject reads them."""
    return list(vobject.readComponents(data.decode("utf-8")))


def export(client, user, list_key="ansprechpersonen"):
    client.force_login(user)
    url = reverse("exports:export", args=[list_key])
    columns = LISTS[list_key].default_columns
    return body(post_export(client, url, format="vcf", columns=columns))


def reference(list_key, queryset, user):
    """What the Python writer wrote for the same entries, in the list's order."""
    request = RequestFactory().get("/")
    request.user = user
    entries = views.filtered(LISTS[list_key], request).qs
    if list_key == "ansprechpersonen":
        values, card = vcard_reference.contact_card_values(), vcard_reference.contact_card
    else:
        detail = {"organisationen": "organisations:detail", "polizei": "police:detail"}[list_key]
        values, card = vcard_reference.general_card_values(detail), vcard_reference.general_card
    return vcard_reference.cards(entries, values, card, request)


@pytest.fixture
def awkward_contacts():
    """Contacts that take every path of the writer: long lines with multi-byte characters,
    values to escape, empty fields, team mailboxes, police units, addresses or none."""
    land = LandFactory(name="Baden-Württemberg")
    org = OrganisationFactory(
        name="Türkischer Elternverein, Dortmund; e.V.",
        street="Münsterstraße 1, Hinterhaus",
        postcode="44145",
        city="Dortmund",
        land=land,
    )
    bare = OrganisationFactory(name="Ohne Adresse", street="", city="")
    city_only = OrganisationFactory(name="Nur Stadt", street="", city="Köln")
    unit = PoliceUnitFactory(name="Polizeipräsidium Karlsruhe > Direktion Kriminalität Süd")
    ContactPersonFactory(
        organisation=org, title="Dr.", first_name="Ayşe", last_name=LONG_UMLAUTS,
        function=AWKWARD, email="a@example.org", email_secondary="b@example.org",
        phone="0231 123", mobile="0170 1",
    )  # fmt: skip
    ContactPersonFactory(organisation=bare, first_name="", last_name="Leer", email="", phone="")
    ContactPersonFactory(organisation=city_only, last_name="Back\\slash", first_name="Ä,;")
    ContactPersonFactory(
        organisation=org, last_name="", functional_title="Ansprechstelle LSBTI*, Team; Nord"
    )
    ContactPersonFactory(organisation=None, police_unit=unit, last_name="Polizist", email="")
    ContactPersonFactory(organisation=org, first_name="Ğ" * 40, last_name="€" * 30)
    # One character to escape and nothing else: each alone takes the careful path.
    for only in ["\\", ";", ",", "\n", "\r"]:
        ContactPersonFactory(organisation=bare, last_name=f"Nur{only}Eins", email="")
    return ContactPerson.objects.all()


@pytest.mark.django_db
def test_the_database_writes_the_cards_the_python_writer_wrote(
    client, coordinator, awkward_contacts
):
    data = export(client, coordinator)

    assert data == reference("ansprechpersonen", awkward_contacts, coordinator)
    assert b"\r\n " in data  # some lines were folded
    for escaped in [b"\\;", b"\\,", b"\\\\", b"\\n"]:
        assert escaped in data


@pytest.mark.django_db
@pytest.mark.parametrize("list_key", ["organisationen", "polizei"])
def test_company_cards_are_the_ones_the_python_writer_wrote(client, coordinator, list_key):
    OrganisationFactory(name="Verein; Nord, e.V.", website="", email="", phone="", street="")
    OrganisationFactory(
        name=LONG_UMLAUTS, website="https://verein.example.org/", email="info@example.org",
        phone="0221 1", street="Lange Straße 1", city="Köln", land=LandFactory(name="NRW"),
    )  # fmt: skip
    PoliceUnitFactory(name="Wache\\Süd", email="wache@polizei.example.org", city="Ulm")
    PoliceUnitFactory(name="Wache Nord", street="Hauptstraße 1")
    entries = Organisation.objects.all() if list_key == "organisationen" else PoliceUnit.objects

    data = export(client, coordinator, list_key)

    assert data == reference(list_key, entries, coordinator)
    assert len(parsed(data)) == 2


@pytest.mark.django_db
def test_vobject_reads_back_every_value_the_database_wrote(client, coordinator, awkward_contacts):
    cards = {
        card.n.value.family or card.fn.value: card for card in parsed(export(client, coordinator))
    }

    first = cards[LONG_UMLAUTS]
    assert first.version.value == "3.0"
    assert first.fn.value == f"Dr. Ayşe {LONG_UMLAUTS}"
    assert first.n.value.given == "Ayşe"
    assert first.org.value == ["Türkischer Elternverein, Dortmund; e.V."]
    assert first.title.value == AWKWARD.replace("\r\n", "\n").replace("\r", "\n")
    assert [line.value for line in first.contents["email"]] == ["a@example.org", "b@example.org"]
    tels = [(line.value, line.type_paramlist[0]) for line in first.contents["tel"]]
    assert tels == [("0231 123", "WORK"), ("0170 1", "CELL")]
    assert first.adr.value.street == "Münsterstraße 1, Hinterhaus"
    assert first.adr.value.region == "Baden-Württemberg"
    assert first.adr.value.code == "44145"
    assert first.adr.type_paramlist == ["WORK"]
    assert first.uid.value.startswith("urn:uuid:")
    assert "x-abshowas" not in first.contents
    empty = cards["Leer"]
    assert empty.fn.value == "Leer"
    assert not {"email", "tel", "title", "adr"} & set(empty.contents)
    assert cards["Back\\slash"].n.value.given == "Ä,;"
    assert cards["Back\\slash"].adr.value.city == "Köln"
    mailbox = cards["Ansprechstelle LSBTI*, Team; Nord"]
    assert mailbox.x_abshowas.value == "COMPANY"
    assert mailbox.org.value == [
        "Türkischer Elternverein, Dortmund; e.V.",
        "Ansprechstelle LSBTI*, Team; Nord",
    ]
    assert cards["Polizist"].org.value == [str(PoliceUnit.objects.get().path)]
    assert cards["€" * 30].fn.value == f"{'Ğ' * 40} {'€' * 30}"


@pytest.mark.django_db
def test_lines_end_with_crlf_fold_at_75_octets_and_never_inside_a_character(
    client, coordinator, awkward_contacts
):
    data = export(client, coordinator)

    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert data.endswith(b"END:VCARD\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # raises if a fold split a character
    # Folded only where it must: a line and its continuation would not have fit.
    for line, following in itertools.pairwise(lines):
        if following.startswith(b" "):
            assert len(line) >= 72  # the next character (at most 4 octets) did not fit


@pytest.mark.parametrize(
    "name",
    [
        "Ğ" * 80,  # two octets each: a fold would fall inside one
        "a" + "€" * 60,  # three octets, shifted by one
        "Grüße 👋🏽 " * 12,  # four octets and a modifier
        "x" * 73,  # FN:x... exactly 76 octets: one fold
        "x" * 71,  # exactly 75 octets: none
    ],
)
def test_long_lines_fold_at_75_octets_without_splitting_a_character(name):
    line = f"FN:{name}"

    folded = writers.fold(line)

    assert folded == vcard_reference.fold(line)
    parts = folded.encode().split(b"\r\n")
    assert all(len(part) <= 75 for part in parts)
    assert all(part.startswith(b" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(folded.split("\r\n"))) == line
    assert (len(line.encode()) > 75) == (len(parts) > 1)


def test_a_fold_continues_with_one_space():
    assert writers.fold("N:" + "a" * 80) == "N:" + "a" * 73 + "\r\n " + "a" * 7


@pytest.mark.parametrize("name", ["example.org/ansprechpersonen/7/", "ü.example/ä", ""])
def test_card_uids_are_the_uuid5_of_host_and_path(name):
    assert writers.url_uuid(name) == str(uuid.uuid5(uuid.NAMESPACE_URL, name))


@pytest.mark.django_db
def test_xlsx_keeps_markup_characters_line_breaks_and_drops_what_xml_forbids(client, coordinator):
    ContactPersonFactory(
        last_name="Weber",
        function='A & B <i>"x"</i>\\ Tab\there\nzweite Zeile\x07',
        phone="",
    )
    client.force_login(coordinator)

    response = post_export(client, CONTACTS, format="xlsx", columns=["last_name", "function"])

    data = body(response)
    assert response["Content-Type"] == writers.XLSX_TYPE
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [cell.value for cell in sheet[2]] == [
        "Weber",
        'A & B <i>"x"</i>\\ Tab\there\nzweite Zeile',
    ]


@pytest.mark.django_db
def test_xlsx_writes_empty_cells_so_every_row_spans_the_columns(client, coordinator):
    ContactPersonFactory(last_name="Weber", function="", phone="", verified_on=None)
    client.force_login(coordinator)

    response = post_export(
        client, CONTACTS, format="xlsx", columns=["function", "phone", "verified_on"]
    )

    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    assert sheet.max_row == 2
    assert sheet.max_column == 3
    assert [cell.value for cell in sheet[2]] == [None, None, None]
