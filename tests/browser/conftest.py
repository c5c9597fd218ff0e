"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

In CI (CI set) a missing browser fails the run; on a developer machine the tests are skipped
with one line saying how to install it."""

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.urls import reverse

from directory.exports.models import SavedContact
from tests.conftest import ROOT
from tests.factories import (
    AgreementPartyFactory,
    ContactPersonFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

CHROMIUM = os.environ.get("NETZPOL_CHROMIUM", "/usr/bin/chromium")
# What Chromium needs here: no sandbox as root, and no background calls to Google's services.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
INSTALL_HINT = "install it with: sudo apt-get install chromium (and make install for playwright)"


def missing():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser tests need the playwright package: run make install"
    if not Path(CHROMIUM).exists():
        return f"browser tests need Chromium at {CHROMIUM}; {INSTALL_HINT}"
    return None


@pytest.fixture(scope="session")
def browser():
    problem = missing()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' own database calls
    # (factories) are plain synchronous code all the same.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    # axe-core is injected as a script: the page's CSP would refuse it, so only here it is off.
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", bypass_csp=True, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def pages(coordinator):
    """The main pages, one of each kind, as the coordinator `koordination` sees them."""
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
    ContactPersonFactory(organisation=None, police_unit=unit, last_name="Yilmaz")
    SavedContact.objects.create(user=coordinator, contact=contact)
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
        # Invitation lists: contacts by organisation, kind, agreement partners, police sub-tree.
        f"/ansprechpersonen/?organisation={org.pk}&organisation_kind=counselling&mailboxes=persons",
        f"/ansprechpersonen/?agreement={agreement.pk}&police_unit={unit.pk}",
        reverse("reviews:report", args=["contact", contact.pk]),
        # The Merkliste, and adding a filtered list to it.
        reverse("exports:merkliste"),
        f"{reverse('exports:merkliste_add_all')}?topic={topic.pk}",
        # The police units as a tree, filtered (superior units as context), and a unit's page
        # with the contacts of its subunits.
        "/polizei/?view=tree",
        "/polizei/?view=tree&kind=station",
        unit.parent.get_absolute_url(),
    ]


VNU_VERSION = "26.9.27"
VNU_DIR = ROOT / "var" / "vnu"


@pytest.fixture(scope="session")
def vnu_jar():
    """(java, the checker's jar), the jar fetched once from the npm registry into var/vnu/."""
    jar = VNU_DIR / "package" / "build" / "dist" / "vnu.jar"
    java, npm = shutil.which("java"), shutil.which("npm")
    problem = None
    if not java:
        problem = "the HTML check needs Java: sudo apt-get install default-jre-headless"
    elif not jar.exists():
        if not npm:
            problem = "the HTML check fetches vnu-jar with npm: install Node.js and npm"
        else:
            VNU_DIR.mkdir(parents=True, exist_ok=True)
            pack = [npm, "pack", f"vnu-jar@{VNU_VERSION}", "--silent"]
            subprocess.run(pack, cwd=VNU_DIR, check=True, capture_output=True)
            with tarfile.open(VNU_DIR / f"vnu-jar-{VNU_VERSION}.tgz") as archive:
                archive.extractall(VNU_DIR, filter="data")
    if problem:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    return java, jar


PASSWORD = "correct horse battery"  # the factories' password


def log_in(page, username, password=PASSWORD):
    page.goto("/konto/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/konto/login/" not in url)


def axe_violations(page):
    """WCAG 2.1 A/AA violations axe-core finds on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})).violations.map(
            v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" "))}))"""
    )
    return result
