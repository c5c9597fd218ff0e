"""The page size a list shows is the one it uses, and odd sizes in a URL never hide results."""

import re

import pytest
from django.urls import reverse

from tests.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db
LIST = reverse("contacts:list")


def select(response):
    return re.search(r'<select name="per_page".*?</select>', response.content.decode(), re.S)[0]


def selected_size(response):
    return re.findall(r'<option value="(\d+)" selected>', select(response))


def submitted_size(response):
    """What a browser sends for the select as rendered: the selected option, else the first."""
    return (selected_size(response) or re.findall(r'<option value="(\d+)"', select(response)))[0]


@pytest.fixture
def contacts():
    ContactPersonFactory.create_batch(120, visibility="public")


def test_without_a_choice_the_form_shows_the_page_size_the_list_uses(client, contacts):
    response = client.get(LIST)

    assert len(response.context["object_list"]) == 25
    assert selected_size(response) == ["25"]


def test_submitting_the_form_as_shown_keeps_the_page_size(client, contacts):
    # What "Ergebnisse anzeigen" sends for the form as it was rendered.
    response = client.get(
        LIST, {"q": "", "region": "", "per_page": submitted_size(client.get(LIST))}
    )

    assert len(response.context["object_list"]) == 25


@pytest.mark.parametrize(
    ("value", "listed", "shown"),
    [
        ("1000", 100, "100"),
        ("99999999999999999999999", 100, "100"),
        ("30", 25, "25"),
        ("5", 10, "10"),
        (" 50 ", 50, "50"),
        ("0", 25, "25"),
        ("-10", 25, "25"),
        ("abc", 25, "25"),
        ("25.5", 25, "25"),
    ],
)
def test_odd_page_sizes_are_snapped_to_an_offered_size_without_an_error(
    client, contacts, value, listed, shown
):
    response = client.get(LIST, {"per_page": value})

    assert len(response.context["object_list"]) == listed
    assert selected_size(response) == [shown]
    assert 'class="alert alert-warning"' not in response.content.decode()
