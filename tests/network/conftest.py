import datetime

import pytest
from django.utils import timezone

from directory.core.models import Region
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.requests.models import BrokeredContact
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    DistrictFactory,
    EventFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    ProjectFactory,
    ProjectPartyFactory,
    TopicFactory,
)


@pytest.fixture
def network(db):
    """A small network, by hand:

    - "Offener Verein" (public, NRW, counselling, current) and "Geheimverein" (members only,
      NRW, mosque, never verified), both on topic "Rassismus";
    - "PP Dortmund" (jurisdiction: Dortmund, in NRW) and "LKA Berlin" (no jurisdiction, seated
      in Berlin);
    - a public agreement (signed 10.02.2024): Offener Verein + PP Dortmund;
    - a members-only agreement (signed 01.05.2025): Offener Verein + LKA Berlin + Geheimverein;
    - a public project (from 01.01.2024): Offener Verein (sponsor) + PP Dortmund (partner);
    - a members' event (March 2026) organised by Offener Verein and PP Dortmund, a public one
      (April 2026) by Offener Verein and Geheimverein;
    - a brokered contact (01.08.2025): Offener Verein with LKA Berlin.
    """
    nrw = LandFactory(name="Nordrhein-Westfalen")
    berlin = LandFactory(name="Berlin")
    dortmund = DistrictFactory(name="Dortmund", parent=nrw)
    racism = TopicFactory(name="Rassismus")
    today = timezone.localdate()
    open_org = OrganisationFactory(
        name="Offener Verein",
        land=nrw,
        kind=Organisation.Kind.COUNSELLING,
        topics=[racism],
        review_due=today + datetime.timedelta(days=100),
    )
    hidden_org = OrganisationFactory(
        name="Geheimverein", land=nrw, kind=Organisation.Kind.MOSQUE, is_public=False,
        topics=[racism],
    )  # fmt: skip
    dortmund_unit = PoliceUnitFactory(
        name="PP Dortmund", jurisdiction=dortmund, kind=PoliceUnit.Kind.PRESIDIUM
    )
    berlin_unit = PoliceUnitFactory(name="LKA Berlin", land=berlin, kind=PoliceUnit.Kind.LKA)
    public_agreement = AgreementFactory(
        title="Offene Vereinbarung", is_public=True, signed_on=datetime.date(2024, 2, 10)
    )
    AgreementPartyFactory(agreement=public_agreement, organisation=open_org)
    AgreementPartyFactory(agreement=public_agreement, organisation=None, police_unit=dortmund_unit)
    internal = AgreementFactory(
        title="Interne Vereinbarung", is_public=False, signed_on=datetime.date(2025, 5, 1)
    )
    AgreementPartyFactory(agreement=internal, organisation=open_org)
    AgreementPartyFactory(agreement=internal, organisation=None, police_unit=berlin_unit)
    AgreementPartyFactory(agreement=internal, organisation=hidden_org)
    project = ProjectFactory(title="Gemeinsames Projekt", starts_on=datetime.date(2024, 1, 1))
    ProjectPartyFactory(project=project, organisation=open_org)
    ProjectPartyFactory(
        project=project, role="partner", organisation=None, police_unit=dortmund_unit
    )
    members_event = EventFactory(
        title="Internes Treffen", visibility="members",
        starts_at=timezone.make_aware(datetime.datetime(2026, 3, 1, 10)),
    )  # fmt: skip
    members_event.organisations.add(open_org)
    members_event.police_units.add(dortmund_unit)
    public_event = EventFactory(
        title="Offenes Forum", visibility="public",
        starts_at=timezone.make_aware(datetime.datetime(2026, 4, 1, 10)),
    )  # fmt: skip
    public_event.organisations.add(open_org, hidden_org)
    BrokeredContact.objects.create(
        first_organisation=open_org,
        second_police_unit=berlin_unit,
        brokered_on=datetime.date(2025, 8, 1),
    )
    return {
        "nrw": nrw,
        "berlin": berlin,
        "open_org": open_org,
        "hidden_org": hidden_org,
        "dortmund_unit": dortmund_unit,
        "berlin_unit": berlin_unit,
        "regions": Region.objects.count(),
    }
