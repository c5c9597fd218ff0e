"""Who may open what: every named URL of the portal × every role, generated from the URLconf,
so a new view without a rule here fails the suite; and a crawl that looks for contact data
above the visitor's role on every page it can reach."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from directory.reviews.services import token_for
from tests.conftest import user_with_role
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ContactPersonFactory,
    EventFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "member", "coordinator", "curator"]
ALL = dict.fromkeys(ROLES, 200)
LOGIN_FIRST = {"anonymous": 302, "member": 200, "coordinator": 200, "curator": 200}
MEMBERS_ONLY = {"anonymous": 404, "member": 200, "coordinator": 200, "curator": 200}

API_LISTS = [
    "organisation",
    "police-unit",
    "contact",
    "agreement",
    "project",
    "event",
    "topic",
    "region",
    "language",
]

# name -> (sample kwargs from the fixture data, expected status per role)
EXPECTED = {
    "set_language": (None, dict.fromkeys(ROLES, 302)),
    "login": (None, ALL),
    "logout": (None, dict.fromkeys(ROLES, 405)),  # POST only
    "password_change": (None, LOGIN_FIRST),
    "password_change_done": (None, LOGIN_FIRST),
    "password_reset": (None, ALL),
    "password_reset_done": (None, ALL),
    "password_reset_confirm": (lambda d: {"uidb64": "MQ", "token": "x-y"}, ALL),
    "password_reset_complete": (None, ALL),
    "core:home": (None, ALL),
    "core:healthz": (None, ALL),
    "core:imprint": (None, ALL),
    "core:privacy": (None, ALL),
    "search:search": (None, ALL),
    "organisations:list": (None, ALL),
    "organisations:detail": (lambda d: {"pk": d["internal_org"].pk}, MEMBERS_ONLY),
    "police:list": (None, ALL),
    "police:detail": (lambda d: {"pk": d["unit"].pk}, ALL),
    "contacts:list": (None, ALL),
    "contacts:detail": (
        lambda d: {"pk": d["members_contact"].pk},
        MEMBERS_ONLY,
    ),
    "agreements:list": (None, ALL),
    "agreements:detail": (lambda d: {"pk": d["internal_agreement"].pk}, MEMBERS_ONLY),
    "agreements:document": (
        lambda d: {"name": "2024/fehlt.pdf"},
        {"anonymous": 302, "member": 404, "coordinator": 404, "curator": 404},
    ),
    "exports:export": (
        lambda d: {"list_key": "ansprechpersonen"},
        {"anonymous": 302, "member": 403, "coordinator": 200, "curator": 200},
    ),
    "exports:merkliste": (None, LOGIN_FIRST),
    "exports:merkliste_add_all": (None, LOGIN_FIRST),
    # POST only: a member's GET gets 405, the public is asked to log in.
    **{
        f"exports:merkliste_{action}": (
            lambda d: {"pk": d["members_contact"].pk},
            {"anonymous": 302, "member": 405, "coordinator": 405, "curator": 405},
        )
        for action in ["save", "remove"]
    },
    "exports:merkliste_clear": (
        None,
        {"anonymous": 302, "member": 405, "coordinator": 405, "curator": 405},
    ),
    "reviews:confirm": (lambda d: {"token": token_for(d["members_contact"])}, ALL),
    "reviews:correct": (lambda d: {"token": token_for(d["members_contact"])}, ALL),
    "reviews:remove": (lambda d: {"token": token_for(d["members_contact"])}, ALL),
    "reviews:thanks": (None, ALL),
    "reviews:report": (
        lambda d: {"kind": "contact", "pk": d["members_contact"].pk},
        LOGIN_FIRST,
    ),
    "reviews:dashboard": (
        None,
        {"anonymous": 302, "member": 403, "coordinator": 403, "curator": 200},
    ),
    "accounts:invite": (
        None,
        {"anonymous": 302, "member": 403, "coordinator": 403, "curator": 200},
    ),
    "accounts:accounts": (
        None,
        {"anonymous": 302, "member": 403, "coordinator": 403, "curator": 200},
    ),
    # POST only: a curator's GET gets 405, everyone else is stopped before.
    "accounts:account_active": (
        lambda d: {"pk": d["account"].pk},
        {"anonymous": 302, "member": 403, "coordinator": 403, "curator": 405},
    ),
    "accounts:account_role": (
        lambda d: {"pk": d["account"].pk},
        {"anonymous": 302, "member": 403, "coordinator": 403, "curator": 405},
    ),
    "accounts:account_invitation": (
        lambda d: {"pk": d["account"].pk},
        {"anonymous": 302, "member": 403, "coordinator": 403, "curator": 405},
    ),
    "accounts:accept": (lambda d: {"token": "forged"}, dict.fromkeys(ROLES, 400)),
    "accounts:two_factor": (None, LOGIN_FIRST),
    "privacy:subject_access": (
        lambda d: {"pk": d["members_contact"].pk},
        {"anonymous": 302, "member": 403, "coordinator": 403, "curator": 200},
    ),
    "privacy:processing_record": (
        None,
        {"anonymous": 302, "member": 403, "coordinator": 403, "curator": 200},
    ),
    "events:list": (None, ALL),
    **{
        f"events:{name}": (lambda d: {"pk": d["members_event"].pk}, MEMBERS_ONLY)
        for name in ["detail", "ics"]
    },
    "events:document": (
        lambda d: {"name": "2024/fehlt.pdf"},
        dict.fromkeys(ROLES, 404),
    ),
    "events:rsvp": (lambda d: {"token": "forged"}, dict.fromkeys(ROLES, 400)),
    **{
        f"events:{name}": (
            lambda d: {"pk": d["members_event"].pk},
            {"anonymous": 302, "member": 403, "coordinator": 200, "curator": 200},
        )
        for name in ["build_list", "attendance", "attendance_sheet", "csv"]
    },
    "events:attendance_export": (
        lambda d: {"pk": d["members_event"].pk, "kind": "csv"},
        {"anonymous": 302, "member": 403, "coordinator": 200, "curator": 200},
    ),
    # POST only.
    "events:send": (lambda d: {"pk": d["members_event"].pk}, dict.fromkeys(ROLES, 405)),
    "events:record_answer": (
        lambda d: {"pk": d["members_event"].pk, "invitation_pk": 1},
        dict.fromkeys(ROLES, 405),
    ),
    # The registration form is only for public announcements with public registration.
    **{
        f"events:{name}": (lambda d: {"pk": d["members_event"].pk}, dict.fromkeys(ROLES, 404))
        for name in ["register", "registered"]
    },
    "events:feed": (lambda d: {"token": "unbekannt"}, dict.fromkeys(ROLES, 404)),
    "events:feed_manage": (None, LOGIN_FIRST),
    "events:feed_revoke": (
        None,
        {"anonymous": 302, "member": 405, "coordinator": 405, "curator": 405},
    ),
    "projects:list": (None, ALL),
    "projects:detail": (lambda d: {"pk": d["members_project"].pk}, MEMBERS_ONLY),
    "office_requests:contact": (None, ALL),
    "office_requests:thanks": (None, ALL),
    # Public versions count and connect only public entries (tests/network).
    "network:statistics": (None, ALL),
    "network:network": (None, ALL),
    "network:trends_csv": (
        None,
        {"anonymous": 302, "member": 403, "coordinator": 403, "curator": 200},
    ),
    "admin:index": (None, {"anonymous": 302, "member": 302, "coordinator": 302, "curator": 200}),
    # The API authenticates by token only (tests/api): a session is anonymous there.
    **{f"api:{kind}-list": (None, ALL) for kind in API_LISTS},
    "api:organisation-detail": (lambda d: {"pk": d["internal_org"].pk}, dict.fromkeys(ROLES, 404)),
    "api:police-unit-detail": (lambda d: {"pk": d["unit"].pk}, ALL),
    "api:contact-detail": (lambda d: {"pk": d["members_contact"].pk}, dict.fromkeys(ROLES, 404)),
    "api:agreement-detail": (
        lambda d: {"pk": d["internal_agreement"].pk},
        dict.fromkeys(ROLES, 404),
    ),
    # A session is anonymous in the API: members-only entries are not found there.
    "api:project-detail": (lambda d: {"pk": d["members_project"].pk}, dict.fromkeys(ROLES, 404)),
    "api:event-detail": (lambda d: {"pk": d["members_event"].pk}, dict.fromkeys(ROLES, 404)),
    "api:schema": (None, ALL),
    "api:docs": (None, ALL),
    "api:tokens": (None, LOGIN_FIRST),
    "api:token_revoke": (
        lambda d: {"pk": 1},
        {"anonymous": 302, "member": 405, "coordinator": 405, "curator": 405},
    ),
}


def named_urls(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                yield "admin:index"
                continue
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from named_urls(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


@pytest.fixture
def data():
    org = OrganisationFactory(name="Öffentlicher Verein", is_public=True)
    return {
        "internal_org": OrganisationFactory(name="Interner Verein", is_public=False),
        "unit": PoliceUnitFactory(name="Polizei Dortmund"),
        "members_contact": ContactPersonFactory(
            organisation=org, email="nur-mitglieder@example.org"
        ),
        "internal_agreement": AgreementFactory(is_public=False),
        "members_project": ProjectFactory(is_public=False),
        # Started yesterday: its attendance can be recorded.
        "members_event": EventFactory(
            visibility="members", starts_at=timezone.now() - datetime.timedelta(days=1)
        ),
        "account": user_with_role(1, "verwaltetes-mitglied"),
    }


@pytest.fixture
def users(member, coordinator, curator):
    return {"anonymous": None, "member": member, "coordinator": coordinator, "curator": curator}


def test_every_url_has_a_rule():
    assert set(named_urls()) == set(EXPECTED)


@pytest.mark.slow  # every URL of the portal, per role
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_status_everywhere(client, data, users, role):
    if users[role]:
        client.force_login(users[role])
    got, wanted = {}, {}
    for name, (sample, expected) in EXPECTED.items():
        url = reverse(name, kwargs=sample(data) if sample else None)
        got[name] = client.get(url).status_code
        wanted[name] = expected[role]
    assert got == wanted


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if (
            href
            and href.startswith("/")
            and not href.startswith(("/admin", "/static", "/konto/logout"))
        ):
            self.links.append(href.split("#")[0])


def crawl(client, start, limit=400):
    seen, queue, pages = set(), list(start), {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not ("html" in content_type or "json" in content_type):
            pages[url] = ""
            continue
        html = response.content.decode()
        pages[url] = html
        parser = Links()
        parser.feed(html)
        queue.extend(link for link in parser.links if link not in seen)
    return pages


@pytest.mark.slow  # a crawl of every reachable page, per role
@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_no_reachable_page_shows_contact_data_above_the_role(client, users, role):
    public_org = OrganisationFactory(name="Beratungsstelle Nord", is_public=True)
    hidden_org = OrganisationFactory(name="Geschützte Initiative", is_public=False)
    unit = PoliceUnitFactory(name="Polizeiwache Nord")
    visible = {
        "public": ContactPersonFactory(
            organisation=public_org,
            last_name="",
            functional_title="Beratungstelefon",
            email="offen@example.org",
            phone="030 23125 001",
            visibility="public",
        ),
        "members": ContactPersonFactory(
            organisation=public_org,
            last_name="Mitglied",
            email="mitglied@example.org",
            phone="030 23125 002",
        ),
        "staff": ContactPersonFactory(
            organisation=public_org,
            last_name="Intern",
            email="intern@example.org",
            phone="030 23125 003",
            visibility="staff",
            consent_basis="",
        ),
        "hidden-org": ContactPersonFactory(
            organisation=hidden_org,
            last_name="Versteckt",
            email="versteckt@example.org",
            phone="030 23125 004",
            visibility="public",
        ),
        "police-members": ContactPersonFactory(
            organisation=None,
            police_unit=unit,
            last_name="Wachdienst",
            email="wache@example.org",
            phone="030 23125 005",
        ),
    }
    AgreementPartyFactory(organisation=public_org, agreement__is_public=True)
    if users[role]:
        client.force_login(users[role])
    forbidden = {
        "anonymous": ["members", "staff", "hidden-org", "police-members"],
        "member": ["staff"],
    }
    start = ["/", "/suche/?q=Nord", "/suche/?q=Mitglied", "/suche/?q=Intern", "/suche/?q=Versteckt",
             "/ansprechpersonen/?per_page=100", "/organisationen/", "/polizei/", "/vereinbarungen/",
             *(c.get_absolute_url() for c in visible.values()),
             "/api/v1/contacts/?per_page=100", "/api/v1/organisations/?per_page=100",
             "/api/v1/police-units/?per_page=100", "/api/v1/agreements/?per_page=100",
             "/api/v1/projects/?per_page=100", "/api/v1/events/?per_page=100",
             *(f"/api/v1/contacts/{c.pk}/" for c in visible.values())]  # fmt: skip

    pages = crawl(client, start)

    everything = "\n".join(pages.values())
    assert len([p for p in pages.values() if p]) >= 10
    for key in forbidden[role]:
        contact = visible[key]
        assert contact.email not in everything, key
        assert contact.phone not in everything, key
    assert "offen@example.org" in everything
    if role == "member":
        assert "mitglied@example.org" in everything
    export = client.get("/export/ansprechpersonen/")
    assert export.status_code in (302, 403)
    assert not re.search(r"@example\.org", export.content.decode())
