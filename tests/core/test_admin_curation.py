"""Curation in Django admin, across every entity: pages, query counts, search, actions, history."""

import datetime

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson
from directory.core.models import LegalPage
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from tests.factories import (
    AgreementPartyFactory,
    BoroughFactory,
    ContactPersonFactory,
    LanguageFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

DIRECTORY_APPS = {"core", "organisations", "police", "contacts", "agreements"}
MODELS = [m for m in admin.site._registry if m._meta.app_label in DIRECTORY_APPS]


def make_rows(count):
    """`count` rows of every entity, with the relations the changelists display."""
    topic = TopicFactory(name="Rassismus")
    for index in range(count):
        unit = PoliceUnitFactory(parent=PoliceUnitFactory(name=f"Präsidium {index}"))
        organisation = OrganisationFactory(land=BoroughFactory().parent.parent, topics=[topic])
        ContactPersonFactory(organisation=organisation, topics=[topic, TopicFactory()])
        ContactPersonFactory(organisation=None, police_unit=unit)
        party = AgreementPartyFactory(organisation=organisation)
        party.agreement.parties.create(police_unit=unit)
        LanguageFactory()
    LegalPage.objects.get_or_create(slug="imprint", defaults={"body": "NetZPol e.V."})


def changelist_url(model):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_every_changelist_change_and_add_page_renders_for_a_curator(model, curator_client):
    make_rows(2)
    obj = model.objects.first()

    changelist = curator_client.get(changelist_url(model))
    change = curator_client.get(f"{changelist_url(model)}{obj.pk}/change/")
    add = curator_client.get(f"{changelist_url(model)}add/")

    assert changelist.status_code == 200
    assert str(obj) in changelist.content.decode()
    assert change.status_code == 200
    assert add.status_code == 200
    assert str(model._meta.verbose_name_plural) in changelist.content.decode()


# At most one row per legal page: nothing to grow.
@pytest.mark.slow  # 30 rows per model through admin, twice
@pytest.mark.parametrize(
    "model", [m for m in MODELS if m is not LegalPage], ids=lambda m: m._meta.label
)
def test_changelist_query_count_does_not_grow_with_rows(model, curator_client):
    make_rows(5)
    curator_client.get(changelist_url(model))  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as few:
        assert curator_client.get(changelist_url(model)).status_code == 200
    few_rows = model.objects.count()
    make_rows(45)

    with CaptureQueriesContext(connection) as many:
        response = curator_client.get(changelist_url(model))

    assert response.status_code == 200
    assert model.objects.count() >= 5 * few_rows
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]


def test_changelists_show_the_german_interface(curator_client):
    response = curator_client.get("/admin/contacts/contactperson/")

    page = response.content.decode()
    assert "Ansprechpersonen" in page
    assert "Prüfstatus" in page


@pytest.mark.parametrize("typed", ["Mueller", "muller", "Müller"])
def test_admin_search_ignores_umlaut_spelling(curator_client, typed):
    ContactPersonFactory(last_name="Müller", first_name="Ayşe")
    ContactPersonFactory(last_name="Meier", first_name="Jonas")

    response = curator_client.get("/admin/contacts/contactperson/", {"q": typed})

    page = response.content.decode()
    assert "Ayşe Müller" in page
    assert "Jonas Meier" not in page


def test_police_units_show_their_path(curator_client):
    parent = PoliceUnitFactory(name="Polizei Berlin")
    PoliceUnitFactory(
        name="Abschnitt 53", parent=PoliceUnitFactory(name="Direktion 5", parent=parent)
    )

    response = curator_client.get("/admin/police/policeunit/", {"q": "Abschnitt"})

    assert "Polizei Berlin &gt; Direktion 5 &gt; Abschnitt 53" in response.content.decode()


def test_organisation_page_holds_its_contacts_inline(curator_client):
    contact = ContactPersonFactory(last_name="Öztürk")

    response = curator_client.get(
        f"/admin/organisations/organisation/{contact.organisation.pk}/change/"
    )

    assert 'value="Öztürk"' in response.content.decode()


def test_mark_verified_action_sets_verifier_and_records_history(curator_client, curator):
    organisations = [OrganisationFactory(), OrganisationFactory()]

    response = curator_client.post(
        "/admin/organisations/organisation/",
        {"action": "mark_verified", "_selected_action": [o.pk for o in organisations]},
    )

    assert response.status_code == 302
    for organisation in organisations:
        organisation.refresh_from_db()
        assert organisation.verified_by == curator
        assert organisation.verified_on == timezone.localdate()
        update = organisation.events.filter(pgh_label="update").get()
        assert update.verified_by_id == curator.pk
        assert update.pgh_context["user"] == curator.pk


def test_set_review_due_asks_for_a_date_then_applies_it(curator_client):
    contact = ContactPersonFactory()
    selection = {"action": "set_review_due", "_selected_action": [contact.pk]}

    form = curator_client.post("/admin/contacts/contactperson/", selection)
    due = timezone.localdate() + datetime.timedelta(days=45)
    applied = curator_client.post(
        "/admin/contacts/contactperson/", {**selection, "apply": "1", "review_due": due.isoformat()}
    )

    assert "Nächste Prüfung fällig" in form.content.decode()
    assert applied.status_code == 302
    contact.refresh_from_db()
    assert contact.review_due == due


def test_set_review_due_refuses_a_past_date(curator_client):
    contact = ContactPersonFactory()

    response = curator_client.post(
        "/admin/contacts/contactperson/",
        {
            "action": "set_review_due",
            "_selected_action": [contact.pk],
            "apply": "1",
            "review_due": "2020-01-01",
        },
    )

    assert "darf nicht in der Vergangenheit liegen" in response.content.decode()
    contact.refresh_from_db()
    assert contact.review_due is None


def test_history_records_admin_edits_with_user_and_changed_values(curator_client, curator):
    organisation = OrganisationFactory(name="Planerladen")
    data = {
        "name": "Planerladen gGmbH",
        "legal_form": "ggmbh",
        "kind": "counselling",
        "is_public": "on",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
    }

    response = curator_client.post(
        f"/admin/organisations/organisation/{organisation.pk}/change/", data
    )

    assert response.status_code == 302
    update = organisation.events.get(pgh_label="update")
    assert update.name == "Planerladen gGmbH"
    assert update.pgh_context["user"] == curator.pk
    assert update.pgh_context["url"].endswith(f"/{organisation.pk}/change/")
    assert organisation.events.get(pgh_label="insert").name == "Planerladen"


def test_history_records_queryset_update_and_delete():
    contact = ContactPersonFactory(function="Beratung")

    ContactPerson.objects.filter(pk=contact.pk).update(function="Projektleitung")
    ContactPerson.objects.filter(pk=contact.pk).delete()

    labels = list(
        ContactPerson.pgh_event_model.objects.filter(pgh_obj_id=contact.pk)
        .order_by("pgh_id")
        .values_list("pgh_label", "function")
    )
    assert labels == [
        ("insert", "Beratung"),
        ("update", "Projektleitung"),
        ("delete", "Projektleitung"),
    ]


def test_history_is_linked_from_the_entry_admin_page(curator_client):
    agreement = AgreementPartyFactory().agreement

    change = curator_client.get(f"/admin/agreements/agreement/{agreement.pk}/change/")
    events = curator_client.get(
        "/admin/pghistory/events/",
        {"obj": f"agreements.Agreement:{agreement.pk}", "method": "tracks"},
    )

    assert (
        "/admin/pghistory/events/?method=tracks&amp;obj=agreements.Agreement"
        in change.content.decode()
    )
    assert events.status_code == 200
    assert "insert" in events.content.decode()


def test_every_entity_has_an_admin():
    registered = {m._meta.label for m in MODELS}
    assert {
        "organisations.Organisation",
        "police.PoliceUnit",
        "contacts.ContactPerson",
    } <= registered
    assert Agreement in admin.site._registry
    assert PoliceUnit in admin.site._registry
    assert Organisation in admin.site._registry
