"""The Merkliste: members keep a hand-picked list of contacts (one at a time or a filtered list
at once); it shows, and coordinators export, only the contacts the user may still see."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from directory.contacts.models import ContactPerson, Visibility
from directory.exports import merkliste
from directory.exports.models import ExportLog, SavedContact
from tests.conftest import count_queries
from tests.exports.conftest import CONTACTS, csv_rows, post_export
from tests.factories import ContactPersonFactory, TopicFactory

pytestmark = pytest.mark.django_db

PAGE = reverse("exports:merkliste")
ADD_ALL = reverse("exports:merkliste_add_all")
CLEAR = reverse("exports:merkliste_clear")


def save_url(contact):
    return reverse("exports:merkliste_save", args=[contact.pk])


def remove_url(contact):
    return reverse("exports:merkliste_remove", args=[contact.pk])


def saved(user):
    return set(SavedContact.objects.filter(user=user).values_list("contact__last_name", flat=True))


def test_a_member_saves_a_contact_and_the_page_lists_it(client, member):
    contact = ContactPersonFactory(last_name="Kaya")
    other = ContactPersonFactory(last_name="Weber")
    client.force_login(member)

    response = client.post(save_url(contact), {"next": reverse("contacts:list")})
    page = client.get(PAGE).content.decode()

    assert response.status_code == 302
    assert response["Location"] == reverse("contacts:list")
    assert saved(member) == {"Kaya"}
    assert "Kaya" in page
    assert other.last_name not in page
    assert "Merkliste exportieren" not in page  # members keep the list; coordinators export


def test_saving_twice_keeps_one_entry_and_removing_takes_it_off(client, member):
    contact = ContactPersonFactory(last_name="Kaya")
    client.force_login(member)

    client.post(save_url(contact))
    client.post(save_url(contact))
    assert SavedContact.objects.filter(user=member).count() == 1

    response = client.post(remove_url(contact))

    assert response["Location"] == PAGE
    assert saved(member) == set()


def test_each_user_has_their_own_list_and_clearing_empties_only_it(client, member, coordinator):
    contact = ContactPersonFactory(last_name="Kaya")
    SavedContact.objects.create(user=coordinator, contact=contact)
    client.force_login(member)
    client.post(save_url(contact))

    client.post(CLEAR)

    assert saved(member) == set()
    assert saved(coordinator) == {"Kaya"}


def test_the_buttons_show_the_state_on_the_list_and_the_detail_page(client, member):
    on_list = ContactPersonFactory(last_name="Kaya")
    off_list = ContactPersonFactory(last_name="Weber")
    SavedContact.objects.create(user=member, contact=on_list)
    client.force_login(member)

    listing = client.get(reverse("contacts:list")).content.decode()
    detail_on = client.get(on_list.get_absolute_url()).content.decode()
    detail_off = client.get(off_list.get_absolute_url()).content.decode()

    assert listing.count("Auf der Merkliste") == 1
    assert f'action="{remove_url(on_list)}"' in listing
    assert f'action="{save_url(off_list)}"' in listing
    assert "csrfmiddlewaretoken" in listing
    assert "Auf der Merkliste" in detail_on
    assert "Auf der Merkliste" not in detail_off
    assert f'action="{save_url(off_list)}"' in detail_off
    assert "Alle auf die Merkliste" in listing


def test_the_public_sees_no_merkliste_and_is_asked_to_log_in(client):
    contact = ContactPersonFactory(
        last_name="Kaya", visibility=Visibility.PUBLIC, organisation__is_public=True
    )

    listing = client.get(reverse("contacts:list")).content.decode()
    page = client.get(PAGE)
    post = client.post(save_url(contact))

    assert "Kaya" in listing
    assert "Merkliste" not in listing
    for response in (page, post):
        assert response.status_code == 302
        assert reverse("login") in response["Location"]
    assert SavedContact.objects.count() == 0


def test_saving_needs_a_post_and_a_contact_the_user_may_see(client, member):
    hidden = ContactPersonFactory(last_name="Geheim", visibility=Visibility.STAFF)
    visible = ContactPersonFactory(last_name="Kaya")
    client.force_login(member)

    assert client.get(save_url(visible)).status_code == 405
    assert client.post(save_url(hidden)).status_code == 404
    assert client.post(reverse("exports:merkliste_save", args=[999999])).status_code == 404
    assert saved(member) == set()


def test_a_foreign_next_address_is_not_followed(client, member):
    contact = ContactPersonFactory(last_name="Kaya")
    client.force_login(member)

    response = client.post(save_url(contact), {"next": "https://evil.example.org/"})

    assert response["Location"] == contact.get_absolute_url()


def test_a_contact_whose_visibility_dropped_leaves_the_page_and_the_export(client, coordinator):
    kept = ContactPersonFactory(last_name="Kaya", email="kaya@example.org")
    dropped = ContactPersonFactory(last_name="Geheim", email="geheim@example.org")
    for contact in (kept, dropped):
        SavedContact.objects.create(user=coordinator, contact=contact)
    ContactPerson.objects.filter(pk=dropped.pk).update(visibility=Visibility.STAFF)
    client.force_login(coordinator)

    page = client.get(PAGE).content.decode()
    rows = csv_rows(post_export(client, f"{CONTACTS}?merkliste=1", columns=["last_name"]))

    assert "Kaya" in page
    assert "Geheim" not in page
    assert rows == [["Nachname"], ["Kaya"]]


def test_the_export_of_the_merkliste_holds_it_and_is_logged(client, coordinator):
    topic = TopicFactory(name="Antisemitismus")
    picked = [
        ContactPersonFactory(last_name="Kaya", email="team@example.org"),
        ContactPersonFactory(last_name="Özdemir", email="TEAM@example.org", topics=[topic]),
        ContactPersonFactory(last_name="Weber", email="weber@example.org"),
    ]
    ContactPersonFactory(last_name="Nicht", email="nicht@example.org", topics=[topic])
    for contact in picked:
        SavedContact.objects.create(user=coordinator, contact=contact)
    client.force_login(coordinator)

    confirm = client.get(PAGE).content.decode()
    form = client.get(f"{CONTACTS}?merkliste=1").content.decode()
    everyone = csv_rows(
        post_export(client, f"{CONTACTS}?merkliste=1", columns=["last_name"], unique_emails="on")
    )
    narrowed = csv_rows(
        post_export(client, f"{CONTACTS}?merkliste=1&topic={topic.pk}", columns=["last_name"])
    )

    assert f'href="{CONTACTS}?merkliste=1"' in confirm
    assert "Ihre Merkliste" in form
    assert f'href="{PAGE}"' in form  # back to the Merkliste, not to the list
    # De-duplicated by email ("team@" and "TEAM@"), in German order.
    assert everyone == [["Nachname"], ["Kaya"], ["Weber"]]
    assert narrowed == [["Nachname"], ["Özdemir"]]
    log = ExportLog.objects.order_by("created_at", "pk").first()
    assert log.query == "merkliste=1"
    assert sorted(log.contact_ids) == sorted(c.pk for c in picked if c.last_name != "Özdemir")
    assert log.row_count == 2


def test_members_may_not_export_their_merkliste(client, member):
    SavedContact.objects.create(user=member, contact=ContactPersonFactory())
    client.force_login(member)

    assert client.get(f"{CONTACTS}?merkliste=1").status_code == 403


@pytest.mark.parametrize("value", ["0", "ja", "", "1'; DROP TABLE x; --"])
def test_any_other_merkliste_value_exports_the_list_as_filtered(client, coordinator, value):
    ContactPersonFactory(last_name="Kaya")
    ContactPersonFactory(last_name="Weber")
    client.force_login(coordinator)

    response = post_export(client, f"{CONTACTS}?merkliste={value}", columns=["last_name"])

    assert csv_rows(response) == [["Nachname"], ["Kaya"], ["Weber"]]


def test_adding_a_filtered_list_asks_then_adds_what_the_filter_finds(client, member):
    topic = TopicFactory(name="Antiziganismus")
    ContactPersonFactory(last_name="Kaya", topics=[topic])
    ContactPersonFactory(last_name="Weber", topics=[topic])
    ContactPersonFactory(last_name="Nicht")
    ContactPersonFactory(last_name="Geheim", topics=[topic], visibility=Visibility.STAFF)
    client.force_login(member)
    url = f"{ADD_ALL}?topic={topic.pk}"

    question = client.get(url)
    assert saved(member) == set()
    answer = client.post(url)

    assert "2 Ansprechpersonen auf die Merkliste setzen" in question.content.decode()
    assert "Antiziganismus" in question.content.decode()
    assert answer.status_code == 302
    assert answer["Location"] == f"{reverse('contacts:list')}?topic={topic.pk}"
    assert saved(member) == {"Kaya", "Weber"}


def test_more_than_the_limit_at_once_is_refused_with_a_message(client, member, monkeypatch):
    monkeypatch.setattr(merkliste, "ADD_ALL_LIMIT", 2)
    ContactPersonFactory.create_batch(3)
    client.force_login(member)

    question = client.get(ADD_ALL).content.decode()
    client.post(ADD_ALL)

    assert "Die Liste umfasst 3 Ansprechpersonen" in question
    assert "höchstens 2" in question
    assert "auf die Merkliste setzen" not in question
    assert saved(member) == set()


def test_a_full_merkliste_takes_no_more_and_says_so(client, member, monkeypatch):
    monkeypatch.setattr(merkliste, "SIZE_LIMIT", 2)
    ContactPersonFactory.create_batch(3)
    client.force_login(member)

    response = client.post(ADD_ALL, follow=True)

    assert SavedContact.objects.filter(user=member).count() == 2
    assert "1 Ansprechperson wurde nicht hinzugefügt" in response.content.decode()


def test_bad_filters_when_adding_all_go_back_to_the_list_with_a_message(client, member):
    ContactPersonFactory()
    client.force_login(member)

    response = client.post(f"{ADD_ALL}?topic=abc&region=%00", follow=True)

    assert response.status_code == 200
    assert "Die Filter sind ungültig" in response.content.decode()
    assert saved(member) == set()


def test_the_list_with_buttons_and_the_merkliste_cost_the_same_queries_at_1_and_3(client, member):
    def costs():
        return count_queries(client, reverse("contacts:list")), count_queries(client, PAGE)

    first = ContactPersonFactory(topics=[TopicFactory()])
    SavedContact.objects.create(user=member, contact=first)
    client.force_login(member)
    costs()  # warm the caches (session, groups)
    at_one = costs()
    for contact in ContactPersonFactory.create_batch(2, topics=[TopicFactory()]):
        SavedContact.objects.create(user=member, contact=contact)
    costs()  # the new topics read once into the filter's choices (core/formcache.py)

    assert costs() == at_one


def test_every_button_of_a_list_posts_with_the_pages_token(member):
    first, second = ContactPersonFactory(last_name="Kaya"), ContactPersonFactory(last_name="Weber")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)

    listing = browser.get(reverse("contacts:list")).content.decode()
    tokens = re.findall(
        r'class="merkliste-button.*?name="csrfmiddlewaretoken" value="([^"]+)"', listing, re.S
    )
    posted = [
        browser.post(save_url(contact), {"csrfmiddlewaretoken": tokens[0], "next": "/"})
        for contact in (first, second)
    ]

    assert len(tokens) == 2
    assert len(set(tokens)) == 1  # one masked token per page, as {% csrf_token %} gives
    assert [response.status_code for response in posted] == [302, 302]
    assert saved(member) == {"Kaya", "Weber"}
