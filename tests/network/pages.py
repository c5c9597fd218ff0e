"""The statistics and network pages with a little data, for the browser checks (axe, Nu Html
Checker) in tests/browser."""

import datetime

from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)


def network_pages():
    land = LandFactory(name="Hamburg")
    topic = TopicFactory(name="Antisemitismus")
    organisation = OrganisationFactory(name="Dialoghaus Hamburg e.V.", land=land, topics=[topic])
    unit = PoliceUnitFactory(name="Polizei Hamburg", jurisdiction=land)
    agreement = AgreementFactory(is_public=True, signed_on=datetime.date(2023, 3, 1))
    AgreementPartyFactory(agreement=agreement, organisation=organisation)
    AgreementPartyFactory(agreement=agreement, organisation=None, police_unit=unit)
    return [
        reverse("network:statistics"),
        reverse("network:network"),
        f"{reverse('network:network')}?region={land.pk}&kind=agreement&topic={topic.pk}",
        f"{reverse('network:network')}?region=x",
        f"{reverse('network:statistics')}?scale=per100k",
    ]
