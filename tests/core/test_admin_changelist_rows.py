"""The curated changelists write their rows and filters themselves (core.admin_list), take the
page's rows by one array of ids, and an agreements search lists its matches once: the pages
show what Django's own tags render, the same entries in the same order, with as many queries
for a long page as for a short one."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import admin_list_filter, result_list
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson
from directory.core import admin as core_admin
from directory.core import admin_list
from directory.core.admin import rows_in_order
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ContactPersonFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

CONTACTS = "/admin/contacts/contactperson/"
ORGANISATIONS = "/admin/organisations/organisation/"
POLICE_UNITS = "/admin/police/policeunit/"
AGREEMENTS = "/admin/agreements/agreement/"


def some_entries(count=3):
    land = LandFactory(name="Nordrhein-Westfalen")
    topics = [TopicFactory(name="Antisemitismus"), TopicFactory(name="Queer <Leben> & mehr")]
    superior = PoliceUnitFactory(name="Polizeipräsidium Dortmund", is_public=False)
    for number in range(count):
        organisation = OrganisationFactory(
            name=f"Moschee Dortmund {number}", land=land, topics=topics[: number % 3]
        )
        unit = PoliceUnitFactory(name=f"Wache Dortmund {number}", parent=superior)
        ContactPersonFactory(
            last_name=f"O'Brien <{number}>",
            organisation=organisation if number % 2 else None,
            police_unit=None if number % 2 else unit,
            function="Beratung & Prävention",
        )
        agreement = AgreementFactory(
            title=f"Vereinbarung {number}",
            signed_on=datetime.date(2020 + number % 3, 1 + number % 12, 1),
            is_public=bool(number % 2),
        )
        AgreementPartyFactory(agreement=agreement, organisation=organisation)
        AgreementPartyFactory(agreement=agreement, organisation=None, police_unit=unit)


LISTS = [
    (CONTACTS, {}),
    (CONTACTS, {"q": "Moschee Dortmund"}),
    (CONTACTS, {"q": "Dortmund", "o": "-3.1", "visibility__exact": "members"}),
    (ORGANISATIONS, {"q": "Moschee Dortmund"}),
    (ORGANISATIONS, {"_facets": "True"}),
    (POLICE_UNITS, {"q": "Dortmund"}),
    (POLICE_UNITS, {"q": "Dortmund", "is_public__exact": "0", "changed": "30"}),
    (AGREEMENTS, {"q": "Dortmund"}),
    (AGREEMENTS, {"q": "Dortmund", "signed_on__year": "2021", "o": "3"}),
]


@pytest.mark.parametrize(("url", "query"), LISTS)
def test_rows_and_filters_are_what_djangos_tags_render(curator_client, url, query):
    some_entries()
    response = curator_client.get(url, query)
    cl = response.context["cl"]

    ours = admin_list.curated_result_list(cl)
    django = result_list(cl)
    ours_filters = [admin_list.curated_list_filter(cl, spec) for spec in cl.filter_specs]
    django_filters = [admin_list_filter(cl, spec) for spec in cl.filter_specs]

    assert cl.result_count > 0
    assert [list(row) for row in ours["results"]] == [list(row) for row in django["results"]]
    assert ours["result_headers"] == django["result_headers"]
    assert ours_filters == django_filters
    assert str(ours_filters[0]) in response.content.decode()


def test_a_change_link_is_the_url_django_reverses(curator_client):
    some_entries()
    cl = curator_client.get(POLICE_UNITS, {"q": "Dortmund"}).context["cl"]
    unit = cl.result_list[0]

    assert cl.url_for_result(unit) == f"/admin/police/policeunit/{unit.pk}/change/"


def test_rows_in_order_keeps_the_pages_order():
    some_entries(4)
    wanted = list(PoliceUnit.objects.order_by("-name"))[:3]
    page = PoliceUnit.objects.order_by("-name")[:3]

    assert list(rows_in_order(PoliceUnit.objects.all(), page)) == wanted
    assert list(rows_in_order(PoliceUnit.objects.all(), page.none())) == []


def queries(client, url, query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, query)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    ("url", "query"),
    [
        (CONTACTS, {}),
        (CONTACTS, {"q": "Dortmund"}),
        (ORGANISATIONS, {"q": "Moschee Dortmund"}),
        (POLICE_UNITS, {"q": "Dortmund"}),
        (AGREEMENTS, {"q": "Dortmund"}),
    ],
)
def test_a_long_page_takes_as_many_queries_as_a_short_one(curator_client, url, query):
    some_entries(2)
    queries(curator_client, url, query)  # caches warmed
    short = queries(curator_client, url, query)
    some_entries(12)

    assert queries(curator_client, url, query) == short


def old_agreement_search(term):
    """What the agreements' changelist found before it listed the matches first: the search
    OR-ed with the parties' subqueries, best match first."""
    model_admin = admin.site._registry[Agreement]
    entries = Agreement.objects.all()
    found = entries.search(term) | entries.filter(model_admin.exact_matches(term))
    return list(found.order_by("-search_rank", *Agreement._meta.ordering, "pk"))


def test_an_agreements_search_finds_the_same_agreements_in_the_same_order(curator_client):
    hidden = PoliceUnitFactory(name="Staatsschutz Essen", is_public=False)
    by_title = AgreementFactory(title="Essener Erklärung gegen Hass")
    by_unit = AgreementPartyFactory(organisation=None, police_unit=hidden).agreement
    by_organisation = AgreementPartyFactory(
        organisation=OrganisationFactory(name="Verborgener Verein Essen", is_public=False)
    ).agreement
    both = AgreementFactory(title="Essen gemeinsam")
    AgreementPartyFactory(agreement=both, organisation=None, police_unit=hidden)
    AgreementPartyFactory(organisation=OrganisationFactory(name="Verein Bochum"))
    AgreementFactory(title="Bochumer Runde")

    for term in ["Essen", "Staatsschutz", "Verborgener Verein", "Bochum", "Hass Essen"]:
        shown = list(curator_client.get(AGREEMENTS, {"q": term}).context["cl"].result_list)
        assert shown == old_agreement_search(term), term
    everything = list(curator_client.get(AGREEMENTS, {"q": "Essen"}).context["cl"].result_list)
    assert set(everything) == {by_title, by_unit, by_organisation, both}


def test_an_agreements_search_counts_and_dates_only_its_matches(curator_client):
    for year in (2019, 2021):
        AgreementPartyFactory(
            agreement=AgreementFactory(signed_on=datetime.date(year, 5, 1)),
            organisation=OrganisationFactory(name=f"Verein Essen {year}"),
        )
    AgreementFactory(title="Bochumer Runde", signed_on=datetime.date(2023, 5, 1))

    response = curator_client.get(AGREEMENTS, {"q": "Essen"})
    by_year = curator_client.get(AGREEMENTS, {"q": "Essen", "signed_on__year": "2021"})

    assert response.context["cl"].result_count == 2
    html = response.content.decode()
    assert "signed_on__year=2019" in html
    assert "signed_on__year=2021" in html
    assert "signed_on__year=2023" not in html
    assert [a.signed_on.year for a in by_year.context["cl"].result_list] == [2021]


def test_the_admin_index_still_lists_the_apps(curator_client):
    html = curator_client.get("/admin/").content.decode()

    for model in (ContactPerson, Organisation, PoliceUnit, Agreement):
        assert f'href="/admin/{model._meta.app_label}/{model._meta.model_name}/"' in html


def test_an_agreements_search_without_matches_shows_none(curator_client):
    some_entries(1)

    response = curator_client.get(AGREEMENTS, {"q": "Nirgendwo Xyzzy"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
    assert list(response.context["cl"].result_list) == []


def test_an_organisations_topics_are_listed_by_name_as_before(curator_client):
    topics = [TopicFactory(name="Queer <Leben> & mehr"), TopicFactory(name="Antisemitismus")]
    organisation = OrganisationFactory(name="Moschee Dortmund", topics=topics)
    OrganisationFactory(name="Verein ohne Themen Dortmund")
    model_admin = admin.site._registry[Organisation]

    rows = curator_client.get(ORGANISATIONS, {"q": "Dortmund"}).context["cl"].result_list
    shown = {row.name: model_admin.topic_list(row) for row in rows}

    assert shown == {
        "Moschee Dortmund": "Antisemitismus, Queer <Leben> & mehr",
        "Verein ohne Themen Dortmund": "",
    }
    assert model_admin.topic_list(Organisation.objects.get(pk=organisation.pk)) == (
        "Antisemitismus, Queer <Leben> & mehr"
    )


@pytest.mark.parametrize(
    ("url", "query"),
    [
        (CONTACTS, {"q": "Dortmund"}),
        (CONTACTS, {"q": "obrien0@example.org"}),
        (AGREEMENTS, {"q": "Dortmund"}),
        (AGREEMENTS, {"q": "Dortmund", "o": "-3"}),
    ],
)
def test_a_search_with_more_matches_than_it_lists_shows_the_same(
    curator_client, monkeypatch, url, query
):
    some_entries(5)
    ContactPersonFactory(last_name="Dortmund-Weber", email="obrien0@example.org")

    def shown():
        response = curator_client.get(url, query)
        cl = response.context["cl"]
        return cl.result_count, [entry.pk for entry in cl.result_list]

    listed = shown()
    monkeypatch.setattr(core_admin, "LISTED_MATCHES", 0)
    searched_again = shown()

    assert listed[0] >= 1
    assert listed == searched_again
