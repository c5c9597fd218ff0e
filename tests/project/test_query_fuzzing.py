"""Fuzzing the query strings of the member-facing lists and the search (Hypothesis).

The whole state of a list lives in its query string, so anything can arrive there: a stale
bookmark, a hand-edited link, a crawler, an attacker. Whatever arrives, the page answers 200
(bad filter values show a message and no results), 400 or 404, never a server error. The test
client re-raises a view's exception, so a crash fails the test with its traceback and the
shrunk query string that caused it.
"""

import datetime
import re
import tempfile
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from directory.agreements.filters import AgreementFilter
from directory.contacts.filters import ContactFilter
from directory.organisations.filters import OrganisationFilter
from directory.police.filters import PoliceUnitFilter
from directory.search.views import SearchForm
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ContactPersonFactory,
    DistrictFactory,
    LandFactory,
    LanguageFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
# Hypothesis runs 40 examples per test: the generated tests are slow, the explicit cases not.
slow = pytest.mark.slow

# Hypothesis caches (source constants, Unicode tables) go to the temporary directory, not into
# the checkout; the example database is off (see `fuzz`).
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "netzpol-hypothesis")

LISTS = {
    "/organisationen/": OrganisationFilter,
    "/polizei/": PoliceUnitFilter,
    "/ansprechpersonen/": ContactFilter,
    "/vereinbarungen/": AgreementFilter,
}
SEARCH = "/suche/"
ROLES = ["anonymous", "member", "curator"]
ANSWERS = (200, 400, 404)
INVALID_FILTERS = "Einige Filterwerte sind ungültig, daher wird nichts angezeigt."

# Function-scoped fixtures (database, client, rows) are shared by all examples of a test: the
# requests only read. No example database: nothing is written into the checkout.
fuzz = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Values that have broken query handling somewhere: SQL and tsquery syntax, huge and odd
# numbers, impossible dates, NUL bytes, 10 kB strings, Unicode digits and case mappings.
HOSTILE = [
    "",
    " ",
    "\x00",
    "Nord\x00licht",
    "' OR 1=1 --",
    "1; DROP TABLE x",
    "1) OR (1=1",
    "'; SELECT pg_sleep(5); --",
    "%",
    "_",
    "\\",
    "'",
    '"',
    ":*",
    "!&|()<->",
    "nord & !licht | x:*",
    "a:* <-> b:A",
    "\u202e\u200b\ufeff",
    "😀 İ ß ǅ ﬁ",
    "٣",
    "１２",
    "x" * 10_000,
    "9" * 10_000,
    "Nordlicht " * 1_000,
    str(10**30),
    str(-(10**30)),
    "-1",
    "0",
    "1e9",
    "1.5",
    "NaN",
    "inf",
    "0x10",
    "2024-13-45",
    "2024-02-30",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2024-01-01",
    "31.12.2024",
    "2024-05-01T10:00",
]


@pytest.fixture
def rows(db):
    """One row of everything, linked, so valid filter values find something."""
    topic = TopicFactory(name="Antisemitismus")
    language = LanguageFactory(code="tr", name="Türkisch")
    land = LandFactory(name="Nordrhein-Westfalen")
    district = DistrictFactory(name="Dortmund", parent=land)
    organisation = OrganisationFactory(name="Verein Nordlicht", land=land, topics=[topic])
    organisation.languages.set([language])
    unit = PoliceUnitFactory(
        name="Polizeiwache Nordlicht", land=land, jurisdiction=district, is_public=True
    )
    ContactPersonFactory(last_name="Nordlicht", organisation=organisation, topics=[topic])
    agreement = AgreementFactory(
        title="Vereinbarung Nordlicht",
        signed_on=datetime.date(2024, 5, 1),
        topics=[topic],
        is_public=True,
    )
    AgreementPartyFactory(agreement=agreement, organisation=organisation)
    AgreementPartyFactory(agreement=agreement, organisation=None, police_unit=unit)
    return SimpleNamespace(topic=topic, language=language, land=land, district=district)


@pytest.fixture(params=ROLES)
def as_role(request, client):
    """The client, anonymous or logged in as a member or a curator (who has staff filters)."""
    if request.param != "anonymous":
        client.force_login(request.getfixturevalue(request.param))
    return client


def valid_values(filterset_class, rows):
    """Per parameter, values the list accepts: choices, ids of the rows, real dates."""
    values = {
        "q": ["Nordlicht", "verein", "Polizeiwache Nord", "Antisemitismus", "nordlict"],
        "page": ["1", "2", "last"],
        "region": [str(rows.land.pk), str(rows.district.pk)],
        "topic": [str(rows.topic.pk)],
        "language": [str(rows.language.pk)],
        "public": ["true", "false", "unknown"],
        "signed_after": ["2024-01-01", "01.01.2024"],
        "signed_before": ["2024-12-31"],
    }
    for name, declared in filterset_class.base_filters.items():
        choices = declared.extra.get("choices")
        if isinstance(choices, list | tuple):
            values.setdefault(name, [str(value) for value, _label in choices])
    return values


def query_params(names, valid):
    """A query as (name, [values]) pairs: known and random names, repeated, in any order."""
    everything_valid = sorted({value for values in valid.values() for value in values})
    some_value = st.one_of(
        st.sampled_from(everything_valid),
        st.sampled_from(HOSTILE),
        # Any text urlencode takes (UTF-8 excludes lone surrogates), NUL and controls included.
        st.text(st.characters(codec="utf-8"), max_size=40),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
    )

    def values_for(name):
        valid_here = st.sampled_from(valid[name]) if name in valid else some_value
        return st.lists(st.one_of(valid_here, some_value), min_size=1, max_size=3)

    name = st.one_of(
        st.sampled_from(names), st.sampled_from(names), st.text(st.characters(codec="utf-8"))
    )
    pair = name.flatmap(lambda n: st.tuples(st.just(n), values_for(n)))
    return st.lists(pair, max_size=6)


def get(client, path, query, **headers):
    """GET `path?query`; a database error rolls back only this request's savepoint, so the next
    example runs on a healthy connection and the failing one is reported as it happened."""
    url = f"{path}?{query}"
    with transaction.atomic():
        response = client.get(url, headers=headers)
    assert response.status_code in ANSWERS, url
    return response


def assert_list_page_makes_sense(response, htmx):
    html = response.content.decode()
    form = response.context["filter"].form
    assert 'id="results-heading"' in html
    assert ("<html" in html) is not htmx
    # Shown with --hypothesis-show-statistics: how often the valid branches ran.
    event("filters invalid" if form.errors else "filters valid")
    event("entries listed" if response.context["paginator"].count else "nothing listed")
    if form.errors:
        # Nothing is listed, and the message names every field with a bad value.
        assert response.context["paginator"].count == 0
        assert INVALID_FILTERS in html
        for name in form.errors:
            if name in form.fields:
                assert f"<li>{form[name].label}: " in html


@slow
@pytest.mark.parametrize("path", LISTS)
@fuzz
@given(data=st.data())
def test_no_query_string_breaks_a_list(as_role, rows, path, data):
    filterset_class = LISTS[path]
    names = [*filterset_class.base_filters, "page"]
    params = data.draw(query_params(names, valid_values(filterset_class, rows)), label="params")
    htmx = data.draw(st.booleans(), label="htmx")
    headers = {"HX-Request": "true", "HX-Target": "results"} if htmx else {}

    response = get(as_role, path, urlencode(params, doseq=True), **headers)

    if response.status_code == 200:
        assert_list_page_makes_sense(response, htmx)


@slow
@fuzz
@given(data=st.data())
def test_no_query_string_breaks_the_search(as_role, rows, data):
    # The parameters the search form has (q, topic), with values that find something.
    names = list(SearchForm.base_fields)
    valid = {name: valid_values(OrganisationFilter, rows)[name] for name in names}
    params = data.draw(query_params(names, valid), label="params")

    response = get(as_role, SEARCH, urlencode(params, doseq=True))

    if response.status_code == 200:
        html = response.content.decode()
        assert "<h1>Verzeichnis durchsuchen</h1>" in html
        if response.context["form"].errors:
            assert 'class="invalid-feedback d-block"' in html
        elif response.context["query"]:
            assert 'role="status"' in html


# Raw query strings, not made by urlencode: stray and broken percent escapes, bytes that are
# not UTF-8, separators without names or values.
RAW_PIECES = [
    "%",
    "%%",
    "%zz",
    "%ff",
    "%c3%28",
    "%ed%a0%80",
    "%00",
    "%2",
    "&",
    "&&",
    "=",
    "==",
    ";",
    "+",
    "q=",
    "q",
    "page=",
    "topic=",
    "region=",
    "per_page=",
    "sort=",
    "[]",
    "q[]=",
]


@slow
@pytest.mark.parametrize("path", [*LISTS, SEARCH])
@fuzz
@given(
    raw=st.lists(
        st.one_of(
            st.sampled_from(RAW_PIECES),
            st.text(st.characters(codec="ascii", exclude_characters="#"), max_size=10),
        ),
        max_size=12,
    ).map("".join)
)
def test_no_malformed_raw_query_string_breaks_a_page(curator_client, rows, path, raw):
    get(curator_client, path, raw)


# Explicit cases, as a user would see them (logged in as a member).
ENTRIES = {
    "/organisationen/": "Verein Nordlicht",
    "/polizei/": "Polizeiwache Nordlicht",
    "/ansprechpersonen/": "Erika Nordlicht",
    "/vereinbarungen/": "Vereinbarung Nordlicht",
}
CHOOSE = "Bitte eine gültige Auswahl treffen."
TOO_LONG = "Bitte sicherstellen, dass der Wert aus höchstens 200 Zeichen besteht."
NUL = "Nullzeichen sind nicht erlaubt."
LISTED = "the entry is listed"
NOTHING = "nothing found, no message"
NASTY = [
    ({"page": "abc"}, LISTED),
    # Search text without a word to search for finds nothing (it once crashed every list).
    ({"q": "a"}, NOTHING),
    ({"q": "%"}, NOTHING),
    ({"q": "' OR 1=1 --"}, NOTHING),
    ({"page": "99999999999999999999"}, LISTED),
    # An odd page size is snapped to an offered one (tests/contacts/test_page_size.py).
    ({"per_page": "7"}, LISTED),
    ({"sort": "zzz"}, f"Sortieren nach: {CHOOSE} zzz ist keine gültige Auswahl."),
    ({"region": "abc"}, f"Region: {CHOOSE} abc ist keine gültige Auswahl."),
    (
        {"topic": "999999999"},
        f"Themen (mindestens eines): {CHOOSE} 999999999 ist keine gültige Auswahl.",
    ),
    ({"q": "x" * 10_000}, f"Suche: {TOO_LONG} (Er besteht aus 10000 Zeichen.)"),
    ({"q": "Nordlicht\x00"}, f"Suche: {NUL}"),
    ({"signed_after": "2024-13-45"}, "Unterzeichnet ab: Bitte ein gültiges Datum eingeben."),
]


def results_heading(html):
    """The result count as the page shows it ("1 Treffer", "0 Treffer · Seite 1 von 2")."""
    heading = re.search(r'<h2 id="results-heading"[^>]*>(.*?)</h2>', html, re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", "", heading.group(1)).split())


@pytest.mark.parametrize(("params", "expected"), NASTY, ids=lambda v: str(v)[:30])
@pytest.mark.parametrize("path", LISTS)
def test_nasty_list_queries_show_the_list_or_say_what_is_wrong(
    member_client, rows, path, params, expected
):
    if not set(params) & {*LISTS[path].base_filters, "page"}:
        # A parameter the list does not have is ignored (no topics for the police, ...).
        expected = LISTED

    response = get(member_client, path, urlencode(params))

    html = response.content.decode()
    assert response.status_code == 200
    if expected == LISTED:
        assert INVALID_FILTERS not in html
        assert results_heading(html) == "1 Treffer"
        assert response.context["page_obj"].number == 1
        assert ENTRIES[path] in html
    elif expected == NOTHING:
        assert INVALID_FILTERS not in html
        assert results_heading(html) == "0 Treffer"
        assert ENTRIES[path] not in html
    else:
        assert INVALID_FILTERS in html
        assert f"<li>{expected}</li>" in html
        assert results_heading(html) == "0 Treffer"
        assert ENTRIES[path] not in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "x" * 10_000}, f"{TOO_LONG} (Er besteht aus 10000 Zeichen.)"),
        ({"q": "Nordlicht\x00"}, NUL),
        ({"q": "' OR 1=1 --"}, "0 Treffer für „&#x27; OR 1=1 --“"),
        ({"q": "a"}, "0 Treffer für „a“"),
        ({"q": "%"}, "0 Treffer für „%“"),
        ({"q": "Nordlicht"}, "4 Treffer für „Nordlicht“"),
        ({"q": "Nordlicht", "topic": "abc"}, f"{CHOOSE} abc ist keine gültige Auswahl."),
        (
            {"q": "Nordlicht", "topic": "999999999"},
            f"{CHOOSE} 999999999 ist keine gültige Auswahl.",
        ),
        # Parameters the search does not have (it shows no pages) are ignored.
        ({"page": "99999999999999999999", "sort": "zzz"}, None),
    ],
    ids=lambda v: str(v)[:30],
)
def test_nasty_search_queries_say_what_is_wrong_or_search(member_client, rows, params, expected):
    response = get(member_client, SEARCH, urlencode(params))

    html = response.content.decode()
    assert response.status_code == 200
    if expected is None:
        # Without a search text the page offers only the search box.
        assert 'role="status"' not in html
        assert 'name="q"' in html
    elif response.context["form"].errors:
        assert f'class="invalid-feedback d-block">{expected}</div>' in html
    else:
        assert re.sub(r"\s+", " ", expected) in re.sub(r"\s+", " ", html)
