"""The demo projects: created once, with the sponsors and partners the demo directory has."""

import pytest

from directory.demo.projects import PROJECTS, create_demo_projects
from directory.projects.models import Project
from tests.factories import LandFactory, OrganisationFactory, PoliceUnitFactory

pytestmark = pytest.mark.django_db


def test_demo_projects_are_created_once_with_their_sponsors():
    bremen = LandFactory(name="Bremen")
    unit = PoliceUnitFactory(name="Polizei Bremen", is_public=True)
    partner = OrganisationFactory(name="Flüchtlingsrat Bremen e.V.")
    partner.regions.set([bremen])

    assert create_demo_projects() == len(PROJECTS)
    assert create_demo_projects() == 0

    project = Project.objects.get(title__startswith="Aktives Begegnen")
    assert (project.starts_on.year, project.ends_on.year) == (2020, 2022)
    assert "BAMF" in project.funder
    assert list(project.regions.all()) == [bremen]
    assert set(Project.objects.of_entry(unit)) == {project}
    assert set(Project.objects.of_entry(partner)) == {project}
    assert Project.objects.count() == len(PROJECTS)
    assert list(Project.objects.search("Begegnen")) == [project]
