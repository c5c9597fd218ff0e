"""Building an invitation list from the contacts list: contacts of an organisation, a kind of
organisation, an agreement's partners or a police unit with its subunits, with or without team
mailboxes; German alphabetical order; the export takes the same filters."""

import csv
import io

import pytest
from django.urls import reverse

from tests.conftest import count_queries
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ContactPersonFactory,
    OrganisationFactory,
    PoliceUnitFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("contacts:list")
EXPORT = reverse("exports:export", args=["ansprechpersonen"])


def names(response):
    return [c.last_name or c.functional_title for c in response.context["object_list"]]


@pytest.fixture
def invitation_data():
    """Two mosque communities (one a partner of the agreement), a counselling service, and
    PP Dortmund with a subunit and a sibling headquarters."""
    mosque = OrganisationFactory(name="Moscheegemeinde Nord", kind="mosque")
    other_mosque = OrganisationFactory(name="Moscheegemeinde Süd", kind="mosque")
    counselling = OrganisationFactory(name="Beratungsstelle Mitte", kind="counselling")
    dortmund = PoliceUnitFactory(name="PP Dortmund", kind="presidium")
    dialogue = PoliceUnitFactory(name="KK Dialog", kind="dialogue", parent=dortmund)
    bochum = PoliceUnitFactory(name="PP Bochum", kind="presidium")
    agreement = AgreementFactory(title="Kooperation Dortmund")
    AgreementPartyFactory(agreement=agreement, organisation=mosque)
    agreement.parties.create(police_unit=dortmund)
    ContactPersonFactory(organisation=mosque, last_name="Yilmaz", email="yilmaz@example.org")
    ContactPersonFactory(
        organisation=mosque, last_name="", functional_title="Vorstand Moschee Nord",
        email="vorstand@example.org",
    )  # fmt: skip
    ContactPersonFactory(organisation=other_mosque, last_name="Demir")
    ContactPersonFactory(organisation=counselling, last_name="Becker")
    ContactPersonFactory(organisation=None, police_unit=dortmund, last_name="Schulte")
    ContactPersonFactory(organisation=None, police_unit=dialogue, last_name="Kaya")
    ContactPersonFactory(organisation=None, police_unit=bochum, last_name="Wagner")
    return {
        "mosque": mosque,
        "other_mosque": other_mosque,
        "dortmund": dortmund,
        "dialogue": dialogue,
        "agreement": agreement,
    }


def test_contacts_of_one_organisation(member_client, invitation_data):
    mosque = invitation_data["mosque"]

    response = member_client.get(LIST, {"organisation": mosque.pk})

    assert set(names(response)) == {"Yilmaz", "Vorstand Moschee Nord"}
    # The chosen organisation stays in the form, ticked, to untick again.
    html = response.content.decode()
    assert "Moscheegemeinde Nord" in html
    assert f'name="organisation" value="{mosque.pk}"' in html
    assert "checked" in html.split(f'name="organisation" value="{mosque.pk}"')[1][:40]


def test_contacts_of_a_kind_of_organisation(member_client, invitation_data):
    response = member_client.get(LIST, {"organisation_kind": "mosque"})

    assert set(names(response)) == {"Yilmaz", "Vorstand Moschee Nord", "Demir"}
    assert "Art der Organisation" in response.content.decode()


def test_contacts_of_an_agreements_partners_include_the_police_partners_subunits(
    member_client, invitation_data
):
    response = member_client.get(LIST, {"agreement": invitation_data["agreement"].pk})

    assert set(names(response)) == {"Yilmaz", "Vorstand Moschee Nord", "Schulte", "Kaya"}
    assert "Kooperation Dortmund" in response.content.decode()


def test_contacts_of_a_police_unit_and_everything_below_it(member_client, invitation_data):
    whole = member_client.get(LIST, {"police_unit": invitation_data["dortmund"].pk})
    below = member_client.get(LIST, {"police_unit": invitation_data["dialogue"].pk})

    assert set(names(whole)) == {"Schulte", "Kaya"}
    assert set(names(below)) == {"Kaya"}


def test_team_mailboxes_on_and_off(member_client, invitation_data):
    mosque = invitation_data["mosque"]

    persons = member_client.get(LIST, {"organisation": mosque.pk, "mailboxes": "persons"})
    mailboxes = member_client.get(LIST, {"organisation": mosque.pk, "mailboxes": "only"})

    assert names(persons) == ["Yilmaz"]
    assert names(mailboxes) == ["Vorstand Moschee Nord"]
    assert "Funktionspostfächer" in persons.content.decode()


def test_an_organisation_the_user_may_not_see_is_refused_not_revealed(client, invitation_data):
    hidden = OrganisationFactory(name="Geheimer Verein", is_public=False)
    ContactPersonFactory(organisation=hidden, last_name="Geheim", visibility="public")

    response = client.get(LIST, {"organisation": hidden.pk})
    nonsense = client.get(LIST, {"organisation": "99999999999999999999999"})

    assert names(response) == []
    assert "Geheimer Verein" not in response.content.decode()
    assert 'class="alert alert-warning"' in response.content.decode()
    assert nonsense.status_code == 200
    assert names(nonsense) == []


def test_chosen_entries_are_offered_only_when_chosen(member_client, invitation_data):
    fields = member_client.get(LIST).context["filter"].form.fields

    assert "organisation" not in fields
    assert "agreement" not in fields
    assert "police_unit" not in fields
    assert "organisation_kind" in fields
    assert "mailboxes" in fields


def test_detail_pages_link_to_their_contacts_as_a_list(member_client, invitation_data):
    mosque = member_client.get(invitation_data["mosque"].get_absolute_url())
    unit = member_client.get(invitation_data["dortmund"].get_absolute_url())
    agreement = member_client.get(invitation_data["agreement"].get_absolute_url())

    assert f"{LIST}?organisation={invitation_data['mosque'].pk}" in mosque.content.decode()
    assert f"{LIST}?police_unit={invitation_data['dortmund'].pk}" in unit.content.decode()
    assert f"{LIST}?agreement={invitation_data['agreement'].pk}" in agreement.content.decode()


def test_the_export_link_and_the_export_take_the_same_filters(client, coordinator, invitation_data):
    client.force_login(coordinator)
    query = f"agreement={invitation_data['agreement'].pk}&mailboxes=persons"

    listed = client.get(f"{LIST}?{query}")
    confirm = client.get(f"{EXPORT}?{query}")
    exported = client.post(
        f"{EXPORT}?{query}",
        {"format": "csv", "delimiter": ";", "purpose": "Einladung Kooperationstreffen",
         "columns": ["last_name", "email"]},
    )  # fmt: skip

    assert f"{EXPORT}?{query.replace('&', '&amp;')}" in listed.content.decode()
    assert confirm.context["count"] == 3
    assert "Kooperation Dortmund" in confirm.content.decode()
    text = b"".join(exported.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["Kaya", "Schulte", "Yilmaz"]


def test_exports_of_contacts_can_hold_each_email_address_once(client, coordinator):
    org = OrganisationFactory(name="Netzwerk")
    ContactPersonFactory(organisation=org, last_name="Arslan", email="team@example.org")
    ContactPersonFactory(organisation=org, last_name="Bauer", email="Team@Example.org")
    ContactPersonFactory(organisation=org, last_name="Celik", email="celik@example.org")
    ContactPersonFactory(organisation=org, last_name="Dietz", email="")
    ContactPersonFactory(organisation=org, last_name="Engel", email="")
    client.force_login(coordinator)
    form = {
        "format": "csv", "delimiter": ";", "purpose": "Einladung Fachtag",
        "columns": ["last_name", "email"],
    }  # fmt: skip

    every = client.post(EXPORT, form)
    once = client.post(EXPORT, {**form, "unique_emails": "on"})

    def last_names(response):
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        return [row[0] for row in csv.reader(io.StringIO(text), delimiter=";")][1:]

    assert last_names(every) == ["Arslan", "Bauer", "Celik", "Dietz", "Engel"]
    # The first of each address in the list's order; contacts without an address all stay.
    assert last_names(once) == ["Arslan", "Celik", "Dietz", "Engel"]
    assert "unique_emails" in client.get(EXPORT).context["form"].fields
    assert (
        "unique_emails"
        not in client.get(reverse("exports:export", args=["organisationen"])).context["form"].fields
    )


# --- German order ---------------------------------------------------------------------------

GERMAN = ["Abel", "Ärger", "Häring", "Hethur", "Muller", "Müller", "Mulzer", "Ott", "Özdemir",
          "Strasse", "Straße", "Strauss", "zur Linde"]  # fmt: skip


@pytest.fixture
def german_names():
    org = OrganisationFactory(name="Verein")
    for name in reversed(GERMAN):
        ContactPersonFactory(organisation=org, last_name=name, email="")


def test_lists_sort_names_in_german_order(member_client, german_names):
    default = names(member_client.get(LIST, {"per_page": 50}))
    by_name = names(member_client.get(LIST, {"per_page": 50, "sort": "name"}))
    descending = names(member_client.get(LIST, {"per_page": 50, "sort": "-name"}))

    assert default == GERMAN
    assert by_name == GERMAN
    assert descending.index("Häring") < descending.index("Abel")
    assert descending.index("Hethur") < descending.index("Häring")


def test_team_mailboxes_sort_among_the_names_not_before_them(member_client, german_names):
    ContactPersonFactory(last_name="", functional_title="Integrationsrat Geschäftsstelle")

    listed = names(member_client.get(LIST, {"per_page": 50}))

    assert listed.index("Häring") < listed.index("Integrationsrat Geschäftsstelle")
    assert listed.index("Integrationsrat Geschäftsstelle") < listed.index("Muller")


def test_organisations_sort_in_german_order(client):
    for name in ["Zukunftswerk", "Ökumenisches Netz", "Omas gegen Rechts", "Arbeitskreis"]:
        OrganisationFactory(name=name)

    listed = [o.name for o in client.get(reverse("organisations:list")).context["object_list"]]

    assert listed == ["Arbeitskreis", "Ökumenisches Netz", "Omas gegen Rechts", "Zukunftswerk"]


def test_csv_export_rows_are_in_german_order(client, coordinator, german_names):
    client.force_login(coordinator)

    response = client.post(
        EXPORT,
        {"format": "csv", "delimiter": ";", "purpose": "Adressliste Fachtag",
         "columns": ["last_name"]},
    )  # fmt: skip

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert [row[0] for row in csv.reader(io.StringIO(text), delimiter=";")][1:] == GERMAN


def test_filtered_list_costs_the_same_queries_for_5_and_50_rows(member_client, invitation_data):
    mosque, agreement = invitation_data["mosque"], invitation_data["agreement"]
    query = (
        f"{LIST}?per_page=50&organisation={mosque.pk}&agreement={agreement.pk}"
        "&organisation_kind=mosque&mailboxes=persons"
    )
    units = f"{LIST}?per_page=50&police_unit={invitation_data['dortmund'].pk}"
    member_client.get(query)  # the filter form's choices read and kept (core/formcache.py)
    at_few = count_queries(member_client, query), count_queries(member_client, units)
    ContactPersonFactory.create_batch(49, organisation=mosque)
    ContactPersonFactory.create_batch(
        49, organisation=None, police_unit=invitation_data["dialogue"]
    )

    assert (count_queries(member_client, query), count_queries(member_client, units)) == at_few
    assert len(member_client.get(query).context["object_list"]) == 50
    assert len(member_client.get(units).context["object_list"]) == 50


def test_entry_pages_list_their_contacts_in_german_order(member_client):
    org = OrganisationFactory(name="Verein")
    unit = PoliceUnitFactory(name="PP Hagen")
    for name in ["Hethur", "Zander", "Häring"]:
        ContactPersonFactory(organisation=org, last_name=name)
        ContactPersonFactory(organisation=None, police_unit=unit, last_name=name)
    ContactPersonFactory(organisation=org, last_name="", functional_title="Infostelle")

    def shown(entry):
        contacts = member_client.get(entry.get_absolute_url()).context["contacts"]
        return [c.last_name or c.functional_title for c in contacts]

    assert shown(org) == ["Häring", "Hethur", "Infostelle", "Zander"]
    assert shown(unit) == ["Häring", "Hethur", "Zander"]
