"""The pages of cooperation projects and the contact form, one of each kind, for the browser
checks (axe, Nu Html Checker) in tests/browser."""

import datetime

from django.urls import reverse

from tests.factories import (
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    ProjectFactory,
    ProjectPartyFactory,
    TopicFactory,
)


def project_pages():
    topic = TopicFactory(name="Dialog und Vertrauensbildung")
    land = LandFactory(name="Bremen")
    organisation = OrganisationFactory(name="Flüchtlingsinitiative Bremen e.V.")
    unit = PoliceUnitFactory(name="Polizei Bremen", is_public=True)
    project = ProjectFactory(
        title="Aktives Begegnen",
        status="completed",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2022, 12, 31),
        funder="Bundesamt für Migration und Flüchtlinge",
        funding_programme="Kooperationsprojekte Polizei und Zivilgesellschaft",
        amount=48000,
        activities="Begegnungstage\nVideodokumentation",
        links="https://example.org/aktives-begegnen",
        topics=[topic],
        regions=[land],
    )
    ProjectPartyFactory(project=project, organisation=None, police_unit=unit)
    ProjectPartyFactory(project=project, organisation=organisation, role="partner")
    ProjectFactory(title="Internes Projekt", is_public=False)
    return [
        reverse("projects:list"),
        f"{reverse('projects:list')}?topic={topic.pk}&region={land.pk}&status=completed",
        f"{reverse('projects:list')}?q=Begegnen&running_from=2021-01-01",
        project.get_absolute_url(),
        organisation.get_absolute_url(),
        unit.get_absolute_url(),
        reverse("office_requests:contact"),
        reverse("office_requests:thanks"),
    ]
