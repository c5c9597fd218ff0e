"""The projects list exports as the coordinator filtered it (exports app)."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from directory.exports.models import ExportLog
from tests.exports.conftest import csv_rows, post_export
from tests.factories import PoliceUnitFactory, ProjectFactory, ProjectPartyFactory, TopicFactory

pytestmark = pytest.mark.django_db
EXPORT = reverse("exports:export", args=["projekte"])


def test_coordinator_exports_the_filtered_projects(client, coordinator):
    project = ProjectFactory(
        title="Aktives Begegnen", status="completed", funder="BAMF", is_public=False
    )
    project.topics.add(TopicFactory(name="Rassismus"))
    ProjectPartyFactory(project=project, organisation__name="Flüchtlingsrat")
    ProjectPartyFactory(
        project=project, organisation=None, police_unit=PoliceUnitFactory(name="Polizei Bremen")
    )
    ProjectFactory(title="Laufendes Projekt", status="running")
    client.force_login(coordinator)

    assertContains(client.get(reverse("projects:list")), EXPORT)
    rows = csv_rows(
        post_export(
            client,
            f"{EXPORT}?status=completed",
            columns=["title", "status", "parties", "funder", "topics"],
        )
    )

    assert rows[1:] == [["Aktives Begegnen", "Abgeschlossen", rows[1][2], "BAMF", "Rassismus"]]
    assert sorted(rows[1][2].split(", ")) == ["Flüchtlingsrat", "Polizei Bremen"]
    assert ExportLog.objects.get().row_count == 1


def test_members_may_not_export_projects(client, member):
    ProjectFactory()
    client.force_login(member)
    assert client.post(EXPORT, {"format": "csv"}).status_code == 403
