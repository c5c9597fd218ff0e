"""What every list shares: htmx partial updates, forgiving pagination, clear filter errors."""

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
LIST = reverse("organisations:list")


def test_htmx_request_for_the_results_gets_only_the_results(client):
    OrganisationFactory(name="Verein Nord")

    full = client.get(LIST, {"q": "Nord"})
    partial = client.get(
        LIST, {"q": "Nord"}, headers={"HX-Request": "true", "HX-Target": "results"}
    )

    assert "<html" in full.content.decode()
    assert 'data-hx-get="/organisationen/"' in full.content.decode()
    assert "<html" not in partial.content.decode()
    assert "Verein <mark>Nord</mark>" in partial.content.decode()
    assert "HX-Target" in partial["Vary"]


def test_a_page_number_past_the_end_or_not_a_number_shows_a_real_page(client):
    OrganisationFactory.create_batch(12)

    past_the_end = client.get(LIST, {"per_page": 10, "page": 99999999999999999999})
    not_a_number = client.get(LIST, {"per_page": 10, "page": "abc"})

    assert past_the_end.context["page_obj"].number == 2
    assert len(past_the_end.context["object_list"]) == 2
    assert not_a_number.context["page_obj"].number == 1


def test_invalid_filter_values_show_a_message_and_no_results(client):
    OrganisationFactory(name="Verein Nord")

    response = client.get(LIST, {"kind": "castle", "per_page": 7})

    html = response.content.decode()
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []
    assert 'class="alert alert-warning"' in html
    assert "castle" in html


def test_empty_list_suggests_what_to_try_and_offers_a_reset(client):
    OrganisationFactory(name="Verein Nord")

    response = client.get(LIST, {"q": "Xylophon"})

    assert response.context["paginator"].count == 0
    assert response.context["filter"].is_filtered
    assert f'href="{LIST}"' in response.content.decode()


def test_the_url_holds_the_whole_state(client):
    OrganisationFactory.create_batch(30, name="Verein Nord")

    response = client.get(LIST, {"q": "Verein", "sort": "-name", "per_page": 10, "page": 2})

    html = response.content.decode()
    assert response.context["page_obj"].number == 2
    # Pagination links keep the filters and change only the page.
    assert "?q=Verein&amp;sort=-name&amp;per_page=10&amp;page=3" in html
