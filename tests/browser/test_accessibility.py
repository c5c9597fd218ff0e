"""WCAG 2.1 A/AA (axe-core) on every main page, narrow screens without sideways scrolling, and
the print stylesheet."""

import pytest
from django.urls import reverse

from directory.core.roles import Role
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import user_with_role
from tests.factories import (
    AgreementPartyFactory,
    ContactPersonFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def pages():
    topic = TopicFactory(name="Rassismus")
    land = LandFactory(name="Berlin")
    org = OrganisationFactory(
        name="Kiezladen Nord", land=land, topics=[topic], website="https://kiezladen.example.org/"
    )
    unit = PoliceUnitFactory(name="Abschnitt 53", parent=PoliceUnitFactory(name="Polizei Berlin"))
    contact = ContactPersonFactory(organisation=org, last_name="Nowak", topics=[topic])
    agreement = AgreementPartyFactory(
        organisation=org, agreement__title="Kiezvereinbarung"
    ).agreement
    agreement.parties.create(police_unit=unit)
    user_with_role(Role.COORDINATOR, "koordination")
    return [
        "/",
        "/konto/login/",
        f"/organisationen/?topic={topic.pk}&region={land.pk}",
        "/polizei/?kind=station",
        f"/ansprechpersonen/?topic={topic.pk}&sort=name",
        "/vereinbarungen/?status=active",
        "/suche/?q=Kiez",
        org.get_absolute_url(),
        unit.get_absolute_url(),
        contact.get_absolute_url(),
        agreement.get_absolute_url(),
        f"{reverse('exports:export', args=['ansprechpersonen'])}?topic={topic.pk}",
    ]


def test_every_main_page_has_no_wcag_violations(page, pages):
    log_in(page, "koordination")
    found = {}
    for url in pages:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    assert found == {}


@pytest.mark.parametrize("width", [375])
def test_lists_and_detail_pages_fit_a_phone_without_sideways_scrolling(page, pages, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, "koordination")
    too_wide = {}
    for url in pages:
        page.goto(url)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[url] = scroll_width
    assert too_wide == {}


def test_print_hides_navigation_and_filters_and_shows_link_targets(page, pages):
    page.goto(pages[2])
    page.emulate_media(media="print")

    assert not page.is_visible("header nav")
    assert not page.is_visible("aside .filter-form")
    page.goto(pages[7])
    page.emulate_media(media="print")
    after = page.evaluate(
        """() => getComputedStyle(document.querySelector('a[href^="https://kiezladen"]'),
            '::after').content"""
    )
    assert "https://kiezladen.example.org/" in after
