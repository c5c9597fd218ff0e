"""The export link above a list comes from this app (core's list knows no exports), and the log
is written by the service, not the view."""

import pytest
from django.urls import reverse
from django.utils import translation

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson
from directory.exports import services
from directory.exports.lists import LISTS
from directory.exports.models import ExportLog
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project
from tests.factories import ContactPersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_coordinators_see_the_export_link_with_the_lists_filters(client, coordinator, member):
    topic = TopicFactory(name="Antiziganismus")
    ContactPersonFactory(topics=[topic])
    query = {"topic": topic.pk, "per_page": "10"}

    client.force_login(coordinator)
    with translation.override("de"):
        as_coordinator = client.get(reverse("contacts:list"), query).content.decode()
        empty = client.get(reverse("contacts:list"), {"q": "Niemand"}).content.decode()
    client.force_login(member)
    as_member = client.get(reverse("contacts:list"), query).content.decode()

    export = reverse("exports:export", args=["ansprechpersonen"])
    assert f'href="{export}?topic={topic.pk}&amp;per_page=10"' in as_coordinator
    assert "Diese Liste exportieren" in as_coordinator
    assert 'id="export-link"' not in empty
    assert 'id="export-link"' not in as_member


def test_every_export_list_finds_its_page_through_the_url_configuration():
    pages = {key: export_list.view for key, export_list in LISTS.items()}

    assert {key: view.model for key, view in pages.items()} == {
        "ansprechpersonen": ContactPerson,
        "organisationen": Organisation,
        "polizei": PoliceUnit,
        "vereinbarungen": Agreement,
        "projekte": Project,
    }
    assert all(view.__name__.endswith("ListView") for view in pages.values())


def test_the_log_holds_the_contacts_of_lists_of_people_only(coordinator):
    ContactPersonFactory.create_batch(2)
    contacts, organisations = LISTS["ansprechpersonen"], LISTS["organisationen"]
    columns = contacts.columns[:2]

    for export_list, entries in [
        (contacts, ContactPerson.objects.all()),
        (organisations, Organisation.objects.all()),
    ]:
        services.log_export(
            coordinator,
            export_list,
            entries,
            format=ExportLog.Format.CSV,
            query="",
            columns=columns,
            row_count=entries.count(),
            purpose="Einladung Fachtag",
        )

    logs = {log.list_name: log for log in ExportLog.objects.all()}
    assert sorted(logs["ansprechpersonen"].contact_ids) == sorted(
        ContactPerson.objects.values_list("pk", flat=True)
    )
    assert logs["organisationen"].contact_ids == []
    assert services.last_columns(coordinator, contacts) == [c.key for c in columns]
