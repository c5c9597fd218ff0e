"""The results of every list are swapped in by htmx (pagination is boosted into #results):
a link from a result to another page must leave htmx out, or that page opens inside the list."""

import re

import pytest

from tests.factories import (
    AgreementPartyFactory,
    ContactPersonFactory,
    EventFactory,
    PoliceUnitFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db
LISTS = [
    "/organisationen/",
    "/polizei/",
    "/polizei/?view=tree",
    "/ansprechpersonen/",
    "/vereinbarungen/",
    "/projekte/",
    "/veranstaltungen/",
]
INTERNAL_LINK = re.compile(r"<a\b[^>]*\bhref=\"/[^\"]*\"[^>]*>")


@pytest.mark.parametrize("url", LISTS)
def test_links_from_results_to_other_pages_are_not_swapped_into_the_list(client, member, url):
    unit = PoliceUnitFactory(parent=PoliceUnitFactory(name="Polizeipräsidium"))
    ContactPersonFactory(organisation=None, police_unit=unit)
    party = AgreementPartyFactory()
    ContactPersonFactory(organisation=party.organisation)
    ProjectFactory()
    EventFactory()
    client.force_login(member)

    response = client.get(url, headers={"HX-Request": "true", "HX-Target": "results"})

    html = response.content.decode()
    assert "<html" not in html  # the partial, as htmx gets it
    links = INTERNAL_LINK.findall(html)
    assert links
    assert [link for link in links if 'data-hx-boost="false"' not in link] == []
