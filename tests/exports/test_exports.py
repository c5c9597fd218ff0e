"""Coordinators export the filtered list: every format parsed with a real parser, visibility,
formula injection, the log, and who may export."""

import datetime
import io

import openpyxl
import pytest
import vobject
from django.urls import reverse

from directory.exports import views
from directory.exports.models import ExportLog
from tests.exports.conftest import CONTACTS, body, csv_rows, post_export
from tests.factories import (
    ContactPersonFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory_data():
    topic = TopicFactory(name="Antisemitismus")
    org = OrganisationFactory(
        name="Kreuzberger Initiative", street="Oranienstraße 1", postcode="10999", city="Berlin"
    )
    ContactPersonFactory(
        organisation=org, first_name="Miriam", last_name="Cohen", function="Beratung",
        email="cohen@example.org", phone="030 23125 100", topics=[topic],
        verified_on=datetime.date(2026, 3, 2),
    )  # fmt: skip
    ContactPersonFactory(organisation=org, last_name="Ohne Thema", email="ohne@example.org")
    ContactPersonFactory(
        organisation=org, last_name="Intern", email="intern@example.org", visibility="staff",
        consent_basis="", topics=[topic],
    )  # fmt: skip
    ContactPersonFactory(
        organisation=None, police_unit=PoliceUnitFactory(name="Polizei Berlin"), last_name="",
        functional_title="Ansprechstelle LSBTI*", email="lsbti@polizei.example.org",
        visibility="public", topics=[topic],
    )  # fmt: skip
    return topic


def test_only_coordinators_may_export(client, member, coordinator):
    anonymous = client.get(CONTACTS)
    client.force_login(member)
    as_member = client.get(CONTACTS)
    member_list = client.get(reverse("contacts:list"))
    client.force_login(coordinator)
    as_coordinator = client.get(CONTACTS)

    assert anonymous.status_code == 302
    assert as_member.status_code == 403
    assert 'id="export-link"' not in member_list.content.decode()
    assert as_coordinator.status_code == 200
    assert post_export(client.__class__(), CONTACTS).status_code == 302
    assert not ExportLog.objects.exists()


def test_csv_holds_exactly_the_filtered_visible_rows(client, coordinator, directory_data):
    client.force_login(coordinator)
    url = f"{CONTACTS}?topic={directory_data.pk}"

    confirm = client.get(url)
    rows = csv_rows(post_export(client, url))

    assert confirm.context["count"] == 2
    assert "Antisemitismus" in confirm.content.decode()
    header, *data = rows
    assert header[:3] == ["Vorname", "Nachname", "Funktionsbezeichnung"]
    emails = {row[header.index("E-Mail")] for row in data}
    assert emails == {"cohen@example.org", "lsbti@polizei.example.org"}
    assert "intern@example.org" not in body(post_export(client, url)).decode("utf-8-sig")


def test_csv_with_comma_for_other_tools(client, coordinator, directory_data):
    client.force_login(coordinator)

    rows = csv_rows(post_export(client, CONTACTS, delimiter=","), delimiter=",")

    assert len(rows) == 1 + 3
    assert all(len(row) == len(rows[0]) for row in rows)


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://x")', "+49 cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_formula_like_cells_are_neutralised_in_csv_and_xlsx(client, coordinator, payload):
    ContactPersonFactory(last_name="Böse", function=payload)
    client.force_login(coordinator)

    csv_data = csv_rows(post_export(client, CONTACTS))
    sheet = openpyxl.load_workbook(
        io.BytesIO(body(post_export(client, CONTACTS, format="xlsx")))
    ).active

    function_column = csv_data[0].index("Funktion")
    assert csv_data[1][function_column] == "'" + payload
    cell = sheet.cell(row=2, column=function_column + 1)
    assert cell.value == "'" + payload.replace("\r", "\n")  # XML reads CR back as LF
    assert cell.data_type == "s"


def test_xlsx_has_a_bold_frozen_header_an_autofilter_and_real_dates(
    client, coordinator, directory_data
):
    client.force_login(coordinator)
    columns = ["last_name", "email", "verified_on"]

    response = post_export(client, CONTACTS, format="xlsx", columns=columns)

    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    assert response["Content-Disposition"].startswith("attachment")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C4"
    assert all(cell.font.bold for cell in sheet[1])
    values = {row[0]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Cohen"] == datetime.datetime(2026, 3, 2)
    assert sheet.column_dimensions["B"].width >= 14


def test_vcards_parse_and_functional_contacts_are_company_cards(
    client, coordinator, directory_data
):
    client.force_login(coordinator)

    response = post_export(client, CONTACTS, format="vcf")

    raw = body(response)
    assert not raw.startswith("\ufeff".encode())
    assert response["Content-Type"].startswith("text/vcard")
    cards = {card.fn.value: card for card in vobject.readComponents(raw.decode("utf-8"))}
    assert set(cards) == {"Erika Ohne Thema", "Miriam Cohen", "Ansprechstelle LSBTI*"}
    cohen = cards["Miriam Cohen"]
    assert cohen.version.value == "3.0"
    assert cohen.n.value.family == "Cohen"
    assert cohen.org.value == ["Kreuzberger Initiative"]
    assert cohen.title.value == "Beratung"
    assert cohen.email.value == "cohen@example.org"
    assert cohen.tel.value == "030 23125 100"
    assert "WORK" in cohen.tel.type_paramlist
    assert cohen.adr.value.street == "Oranienstraße 1"
    assert cohen.uid.value.startswith("urn:uuid:")
    assert cohen.rev.value
    mailbox = cards["Ansprechstelle LSBTI*"]
    assert mailbox.x_abshowas.value == "COMPANY"
    assert mailbox.org.value[-1] == "Ansprechstelle LSBTI*"
    assert all(len(line.encode()) <= 75 for line in raw.decode().splitlines())


def test_every_export_is_logged_with_its_purpose(client, coordinator, directory_data):
    client.force_login(coordinator)
    url = f"{CONTACTS}?topic={directory_data.pk}&page=2"

    post_export(client, url, columns=["last_name", "email"])
    missing_purpose = post_export(client, url, purpose="")

    log = ExportLog.objects.get()
    assert log.user == coordinator
    assert log.format == "csv"
    assert log.query == f"topic={directory_data.pk}"
    assert log.row_count == 2
    assert log.purpose == "Einladung Fachtag Antisemitismus"
    assert log.columns == ["last_name", "email"]
    assert missing_purpose.status_code == 200
    assert missing_purpose.context["form"].errors["purpose"]


def test_chosen_columns_are_remembered_per_user(client, coordinator, directory_data):
    client.force_login(coordinator)
    post_export(client, CONTACTS, columns=["last_name", "topics"])

    form = client.get(CONTACTS).context["form"]

    assert form.initial["columns"] == ["last_name", "topics"]


def test_print_view_lists_the_rows_and_refuses_huge_lists(
    client, coordinator, directory_data, monkeypatch
):
    client.force_login(coordinator)

    page = post_export(client, CONTACTS, format="print")
    monkeypatch.setattr(views, "PRINT_LIMIT", 2)
    refused = post_export(client, CONTACTS, format="print")

    html = page.content.decode()
    assert "<table" in html
    assert "cohen@example.org" in html
    assert "data-print" in html
    assert refused.context["form"].errors["format"]
    assert ExportLog.objects.count() == 1


def test_invalid_filters_send_the_user_back_to_the_list(client, coordinator):
    client.force_login(coordinator)

    response = client.get(CONTACTS, {"topic": "abc"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("contacts:list"))


def test_other_lists_export_too(client, coordinator):
    OrganisationFactory(name="Stadtteilverein", email="info@verein.example.org")
    client.force_login(coordinator)

    url = reverse("exports:export", args=["organisationen"])
    rows = csv_rows(post_export(client, url, columns=["name", "email"]))
    vcf = body(post_export(client, url, format="vcf", columns=["name"])).decode()
    cards = list(vobject.readComponents(vcf))

    assert rows[1] == ["Stadtteilverein", "info@verein.example.org"]
    assert cards[0].x_abshowas.value == "COMPANY"
    assert client.get(reverse("exports:export", args=["unbekannt"])).status_code == 404


def test_curators_read_the_log_but_nobody_edits_or_deletes_it(
    client, curator, coordinator, directory_data
):
    client.force_login(coordinator)
    post_export(client, CONTACTS)
    log = ExportLog.objects.get()
    client.force_login(curator)

    changelist = client.get(reverse("admin:exports_exportlog_changelist"))
    change = client.get(reverse("admin:exports_exportlog_change", args=[log.pk]))
    delete = client.post(reverse("admin:exports_exportlog_delete", args=[log.pk]), {"post": "yes"})

    assert "Einladung Fachtag" in changelist.content.decode()
    assert 'type="submit"' not in change.content.decode() or "_save" not in change.content.decode()
    assert delete.status_code == 403
    assert ExportLog.objects.count() == 1


@pytest.mark.slow  # 55 contacts with every column, each format twice
@pytest.mark.parametrize("format", ["csv", "xlsx", "vcf", "print"])
def test_an_export_costs_the_same_queries_for_5_and_50_contacts(
    client, coordinator, django_assert_max_num_queries, format
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    land = LandFactory(name="Berlin")
    org = OrganisationFactory(land=land, street="Oranienstraße 1", city="Berlin")
    ContactPersonFactory.create_batch(5, organisation=org, topics=[TopicFactory(name="Rassismus")])
    client.force_login(coordinator)
    all_columns = [c.key for c in views.LISTS["ansprechpersonen"].columns]

    with CaptureQueriesContext(connection) as five:
        body(post_export(client, CONTACTS, format=format, columns=all_columns))
    ContactPersonFactory.create_batch(45, organisation=org, topics=[TopicFactory(name="Rassismus")])
    with django_assert_max_num_queries(len(five)):
        body(post_export(client, CONTACTS, format=format, columns=all_columns))
    assert ExportLog.objects.latest("created_at").row_count == 50


def test_agreement_and_police_exports_show_labels_parties_and_topics(client, coordinator):
    from tests.factories import AgreementPartyFactory

    party = AgreementPartyFactory(
        organisation__name="Planerladen", agreement__title="Dortmunder Vereinbarung"
    )
    party.agreement.topics.add(TopicFactory(name="Racial Profiling"))
    party.agreement.parties.create(police_unit=PoliceUnitFactory(name="PP Dortmund"))
    client.force_login(coordinator)

    agreements = csv_rows(
        post_export(
            client,
            reverse("exports:export", args=["vereinbarungen"]),
            columns=["title", "status", "parties", "topics"],
        )
    )
    police = csv_rows(
        post_export(client, reverse("exports:export", args=["polizei"]), columns=["name", "kind"])
    )

    title, status, parties, topics = agreements[1]
    assert title == "Dortmunder Vereinbarung"
    assert status == "Unterzeichnet / aktiv"
    assert sorted(parties.split(", ")) == ["PP Dortmund", "Planerladen"]
    assert topics == "Racial Profiling"
    assert police[1][1] == "Polizeiwache"


def test_csv_rows_end_in_crlf_while_line_breaks_inside_a_cell_stay(client, coordinator):
    from tests.factories import AgreementFactory

    agreement = AgreementFactory(
        title="Kölner Vereinbarung",
        goals="Erstens: Austausch.\nZweitens: Schulungen.",
        formats=" Fachtag \n\n\tSchulung für Wachen \r\n",
        verified_on=datetime.date(2026, 3, 2),
    )
    client.force_login(coordinator)
    url = reverse("exports:export", args=["vereinbarungen"])
    columns = ["title", "goals", "formats", "verified_on", "url"]

    raw = body(post_export(client, url, columns=columns))
    rows = csv_rows(post_export(client, url, columns=columns))
    sheet = openpyxl.load_workbook(
        io.BytesIO(body(post_export(client, url, format="xlsx", columns=columns)))
    ).active

    assert raw.count(b"\r\n") == 2  # the header's end and the row's end
    assert b"Austausch.\nZweitens" in raw
    assert rows[1] == [
        "Kölner Vereinbarung",
        "Erstens: Austausch.\nZweitens: Schulungen.",
        "Fachtag, Schulung für Wachen",
        "02.03.2026",
        f"http://testserver{agreement.get_absolute_url()}",
    ]
    assert [cell.value for cell in sheet[2]][2:4] == [
        "Fachtag, Schulung für Wachen",
        datetime.datetime(2026, 3, 2),
    ]


def test_csv_labels_follow_the_language_of_the_request(client, coordinator):
    OrganisationFactory(name="Gemeinde A", kind="mosque")
    client.force_login(coordinator)
    url = reverse("exports:export", args=["organisationen"])

    german = csv_rows(post_export(client, url, columns=["name", "kind"]))
    client.cookies["django_language"] = "en"
    english = csv_rows(post_export(client, url, columns=["name", "kind"]))

    assert german[1] == ["Gemeinde A", "Moscheegemeinde"]
    assert english[1] == ["Gemeinde A", "Mosque community"]


def test_a_download_broken_off_mid_stream_leaves_the_connection_usable():
    from django.db import connection

    from directory.contacts.models import ContactPerson
    from directory.exports import writers

    ContactPersonFactory.create_batch(3)
    query, params = ContactPerson.objects.values_list("last_name").query.sql_with_params()
    lines = writers.csv_lines(["Nachname"], connection, query, params, chunk_size=1)

    header, first_row = next(lines), next(lines)
    lines.close()  # the client went away

    assert header.startswith("\ufeff".encode())
    assert first_row.endswith(b"\r\n")
    assert ContactPerson.objects.count() == 3


def test_an_export_filtered_by_status_holds_only_the_chosen_columns(client, coordinator):
    # django-filter's multiple choice filter adds DISTINCT by default, which pulled the
    # sort keys into the export as extra columns.
    from tests.factories import AgreementFactory

    AgreementFactory(title="Kiezvereinbarung", status="active")
    AgreementFactory(title="Entwurf Nord", status="preparing")
    client.force_login(coordinator)

    rows = csv_rows(
        post_export(
            client,
            reverse("exports:export", args=["vereinbarungen"]) + "?status=active",
            columns=["title", "status"],
        )
    )

    assert rows == [["Titel", "Status"], ["Kiezvereinbarung", "Unterzeichnet / aktiv"]]
