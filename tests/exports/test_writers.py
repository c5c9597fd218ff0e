"""The export writers on their own: the vCard writer against vobject's parser, card by card
(escaping, folding at 75 octets, CRLF), and the XLSX package the database fills."""

import datetime
import io
import uuid
import zipfile

import openpyxl
import pytest
import vobject

from directory.exports import writers
from tests.exports.conftest import CONTACTS, body, post_export
from tests.factories import ContactPersonFactory

REV = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


def card(**fields):
    return {"fn": "Miriam Cohen", "uid": "urn:uuid:1", "rev": REV} | fields


def parsed(data):
    """The cards as vobject reads them."""
    return list(vobject.readComponents(data.decode("utf-8")))


CARDS = [
    card(),
    card(
        fn="Dr. Ayşe Öztürk",
        given="Ayşe",
        family="Öztürk",
        org=["Türkischer Elternverein, Dortmund; e.V."],
        title="Leitung; Beratung, Bildung",
        emails=["a@example.org", "b@example.org"],
        phones=[("0231 123", "WORK"), ("0170 1", "CELL")],
        address={
            "street": "Münsterstraße 1, Hinterhaus",
            "code": "44145",
            "city": "Dortmund",
            "region": "Nordrhein-Westfalen",
            "country": "Deutschland",
        },
        url="https://netzpol.example.org/ansprechpersonen/7/",
    ),
    card(
        fn="Ansprechstelle LSBTI*",
        org=["Polizei Berlin > LKA 5", "Ansprechstelle LSBTI*"],
        is_organisation=True,
    ),
    card(fn="Back\\slash", title="line one\nline two\r\nline three\rline four"),
]


@pytest.mark.parametrize("fields", CARDS, ids=range(len(CARDS)))
def test_vobject_reads_back_every_value_the_writer_wrote(fields):
    (read,) = parsed(writers.vcard(fields))

    assert read.version.value == "3.0"
    assert read.fn.value == fields["fn"]
    assert read.n.value.family == fields.get("family", "")
    assert read.n.value.given == fields.get("given", "")
    assert read.uid.value == fields["uid"]
    assert read.rev.value == "2026-03-02T09:30:00Z"
    if "org" in fields:
        assert read.org.value == fields["org"]
    if "title" in fields:
        expected = fields["title"].replace("\r\n", "\n").replace("\r", "\n")
        assert read.title.value == expected
    emails = [line.value for line in read.contents.get("email", [])]
    assert emails == fields.get("emails", [])
    phones = [(line.value, line.type_paramlist[0]) for line in read.contents.get("tel", [])]
    assert phones == fields.get("phones", [])
    if "address" in fields:
        address = read.adr.value
        assert {key: getattr(address, key) for key in fields["address"]} == fields["address"]
        assert read.adr.type_paramlist == ["WORK"]
    assert ("x-abshowas" in read.contents) == bool(fields.get("is_organisation"))


def test_commas_semicolons_backslashes_and_line_breaks_are_escaped():
    data = writers.vcard(card(title="a,b;c\\d\ne"))

    assert b"TITLE:a\\,b\\;c\\\\d\\ne\r\n" in data


def test_a_structured_value_escapes_inside_its_components():
    data = writers.vcard(card(org=["Verein; e.V.", "Büro, Nord"]))

    assert b"ORG:Verein\\; e.V.;B\xc3\xbcro\\, Nord\r\n" in data


def test_lines_end_with_crlf_and_a_card_is_framed():
    data = writers.vcard(card())

    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert data.endswith(b"END:VCARD\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")


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
    data = writers.vcard(card(fn=name))

    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # raises if a fold split a character
    fn = next(line for line in lines if line.startswith(b"FN:"))
    assert len(fn) >= 72  # folds only where it must (a character may not fit)
    assert parsed(data)[0].fn.value == name
    assert (len(f"FN:{name}".encode()) > 75) == (b"\r\n " in data)


def test_a_fold_continues_with_one_space():
    assert writers.fold("N:" + "a" * 80) == "N:" + "a" * 73 + "\r\n " + "a" * 7


@pytest.mark.parametrize("name", ["example.org/ansprechpersonen/7/", "ü.example/ä", ""])
def test_card_uids_are_the_uuid5_of_host_and_path(name):
    assert writers.url_uuid(name) == str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def test_rev_may_come_as_the_databases_text():
    data = writers.vcard(card(rev="2026-03-02T09:30:00Z"))

    assert b"REV:2026-03-02T09:30:00Z\r\n" in data


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
