import re

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.django_db
def test_home_page_is_german_by_default(client):
    response = client.get("/")

    assert response.status_code == 200
    assert '<html lang="de">' in response.text
    assert "Kontaktverzeichnis für Zivilgesellschaft und Polizei" in response.text
    assert "Zum Inhalt springen" in response.text
    assert 'href="/impressum/"' in response.text
    assert 'href="/datenschutz/"' in response.text


@pytest.mark.django_db
def test_home_page_in_english_when_browser_asks(client):
    response = client.get("/", headers={"accept-language": "en"})

    assert '<html lang="en">' in response.text
    assert "Contact directory for civil society and police" in response.text
    assert "Kontaktverzeichnis" not in response.text


@pytest.mark.django_db
def test_language_switch_is_remembered(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302

    page = client.get("/")

    assert '<html lang="en">' in page.text
    assert "Skip to content" in page.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "heading"), [("/impressum/", "Impressum"), ("/datenschutz/", "Datenschutz")]
)
def test_legal_pages_render(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.text


@pytest.mark.django_db
def test_unknown_page_is_a_german_404(client):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text


@pytest.mark.django_db
def test_pages_load_nothing_from_third_parties(client):
    html = client.get("/").text
    referenced = re.findall(r'(?:src|href)="([^"]+)"', html)

    assert referenced
    assert not [url for url in referenced if url.startswith(("http:", "https:", "//"))]
    for url in referenced:
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url


@pytest.mark.django_db
def test_pages_and_admin_name_their_own_icon(client, curator_client):
    # Without one, every browser asks for /favicon.ico and gets a 404.
    for page in (client.get("/").text, curator_client.get("/admin/").text):
        icon = re.search(r'<link rel="icon" href="/static/([^"]+)"', page)
        assert icon
        assert finders.find(icon.group(1))


# --- the start page and the login prompt (issue 18: members' pages) --------------------------


@pytest.fixture
def directory_entries():
    from tests.factories import (
        ContactPersonFactory,
        LandFactory,
        OrganisationFactory,
        TopicFactory,
    )

    topic = TopicFactory(name="Antiziganismus")
    land = LandFactory(name="Thüringen")
    public = OrganisationFactory(name="Offener Treff", topics=[topic], land=land)
    OrganisationFactory(name="Stiller Kreis", is_public=False)
    ContactPersonFactory(organisation=public, last_name="Öffentlich", visibility="public")
    ContactPersonFactory(organisation=public, last_name="Mitgliedersache")
    return {"topic": topic, "land": land}


@pytest.mark.django_db
def test_home_page_has_a_search_entry_points_and_figures_the_visitor_may_see(
    client, directory_entries
):
    response = client.get("/")

    html = response.text
    figures = {str(f.label): f.count for f in response.context["figures"]}
    assert figures["Organisationen"] == 1
    assert figures["Ansprechpersonen"] == 1
    assert 'action="/suche/"' in html
    assert 'id="home-search"' in html
    assert f'href="/organisationen/?topic={directory_entries["topic"].pk}"' in html
    assert f'href="/organisationen/?region={directory_entries["land"].pk}"' in html
    assert "Zuletzt aktualisiert" in html
    assert "Offener Treff" in html
    assert "Stiller Kreis" not in html
    assert "Mitgliedersache" not in html
    assert "mailto:kontakt@netzpol.example.org" in html


@pytest.mark.django_db
def test_home_page_counts_what_a_member_may_see_and_leads_to_contacts(
    member_client, directory_entries
):
    response = member_client.get("/")

    figures = {str(f.label): f.count for f in response.context["figures"]}
    assert figures["Organisationen"] == 2
    assert figures["Ansprechpersonen"] == 2
    assert f'href="/ansprechpersonen/?topic={directory_entries["topic"].pk}"' in response.text
    assert "Mitgliedersache" in response.text


@pytest.mark.django_db
def test_home_page_costs_the_same_queries_for_few_and_many_entries(client, directory_entries):
    from tests.conftest import count_queries
    from tests.factories import ContactPersonFactory, OrganisationFactory

    few = count_queries(client, "/")
    OrganisationFactory.create_batch(10)
    ContactPersonFactory.create_batch(10, visibility="public")

    assert count_queries(client, "/") == few


def same_page(html, entry_id):
    """The page without what differs between any two responses: the id and CSRF tokens."""
    html = html.replace(entry_id, "ID")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.mark.django_db
def test_anonymous_visitor_of_a_members_only_entry_is_asked_to_log_in(client):
    from tests.factories import ContactPersonFactory

    contact = ContactPersonFactory(last_name="Nurfürmitglieder")
    missing = contact.pk + 1000

    hidden = client.get(f"/ansprechpersonen/{contact.pk}/")
    absent = client.get(f"/ansprechpersonen/{missing}/")

    assert hidden.status_code == absent.status_code == 404
    assert "Bitte melden Sie sich an" in hidden.text
    assert f'href="/konto/login/?next=/ansprechpersonen/{contact.pk}/"' in hidden.text
    assert "Nurfürmitglieder" not in hidden.text
    # The same page for an id that does not exist: a link reveals nothing.
    assert same_page(hidden.text, str(contact.pk)) == same_page(absent.text, str(missing))


@pytest.mark.django_db
def test_logging_in_from_the_prompt_leads_back_to_the_entry(client, member):
    from tests.factories import ContactPersonFactory

    contact = ContactPersonFactory(last_name="Nurfürmitglieder")
    url = f"/ansprechpersonen/{contact.pk}/"

    response = client.post(
        "/konto/login/",
        {"username": "mitglied", "password": "correct horse battery", "next": url},
    )

    assert response.status_code == 302
    assert response["Location"] == url
    assert "Nurfürmitglieder" in client.get(url).text


@pytest.mark.django_db
def test_logged_in_user_without_access_gets_a_plain_404(member_client):
    from tests.factories import ContactPersonFactory

    contact = ContactPersonFactory(
        last_name="Vertraulichkeit", visibility="staff", consent_basis=""
    )

    response = member_client.get(f"/ansprechpersonen/{contact.pk}/")

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text
    assert "Bitte melden Sie sich an" not in response.text
    assert "Vertraulichkeit" not in response.text


@pytest.mark.django_db
def test_a_page_above_the_users_role_is_a_german_403_with_the_portals_navigation(member_client):
    # Django's own is "<h1>403 Forbidden</h1>" in English, without the site around it.
    response = member_client.get("/redaktion/")

    assert response.status_code == 403
    assert "<h1>Kein Zugriff</h1>" in response.text
    assert "Sie sind als mitglied angemeldet" in response.text
    assert 'href="/suche/"' in response.text or 'action="/suche/"' in response.text
    assert "Forbidden" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("referer", "back"),
    [
        ("http://testserver/ansprechpersonen/?q=Dortmund", True),
        ("https://elsewhere.example/form/", False),
        ("javascript:alert(1)", False),
        (None, False),
    ],
)
def test_a_form_sent_without_its_csrf_token_gets_a_german_page_back_to_it(member, referer, back):
    from django.test import Client

    from tests.factories import ContactPersonFactory

    contact = ContactPersonFactory(last_name="Seidel")
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    headers = {"Referer": referer} if referer else {}

    response = client.post(f"/merkliste/{contact.pk}/merken/", headers=headers)

    assert response.status_code == 403
    assert "<h1>Formular abgelaufen</h1>" in response.text
    assert "CSRF verification failed" not in response.text
    assert ("Zurück zum Formular" in response.text) is back
    if back:
        assert 'href="/ansprechpersonen/?q=Dortmund"' in response.text
    assert "elsewhere.example" not in response.text
    assert "javascript:" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("form", "referer", "after_login"),
    [
        ({"next": "/ansprechpersonen/?q=Dortmund"}, None, "/ansprechpersonen/?q=Dortmund"),
        ({}, "http://testserver/organisationen/?page=2", "/organisationen/?page=2"),
        ({"next": "https://elsewhere.example/"}, "https://elsewhere.example/x", "/"),
    ],
)
def test_a_button_pressed_after_the_session_ended_leads_back_to_its_page_after_login(
    client, member, form, referer, after_login
):
    # The button's own address only takes POST: a login leading there would end in a 405.
    from urllib.parse import parse_qs, urlsplit

    from tests.factories import ContactPersonFactory

    contact = ContactPersonFactory(last_name="Seidel")
    headers = {"Referer": referer} if referer else {}

    response = client.post(f"/merkliste/{contact.pk}/merken/", form, headers=headers)

    assert response.status_code == 302
    login = urlsplit(response.url)
    assert login.path == "/konto/login/"
    assert parse_qs(login.query)["next"] == [after_login]
    client.force_login(member)
    assert client.get(after_login).status_code == 200


@pytest.mark.django_db
def test_opening_a_buttons_address_gets_a_german_page_not_an_empty_405(member_client):
    from tests.factories import ContactPersonFactory

    contact = ContactPersonFactory(last_name="Seidel")

    response = member_client.get(f"/merkliste/{contact.pk}/merken/")

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "<h1>Keine Seite</h1>" in response.text
    assert "Schaltfläche" in response.text


@pytest.mark.django_db
def test_a_bad_request_gets_a_german_page_that_reveals_nothing(client):
    # Django renders 400.html without a request (nothing of the request may show): a page of
    # its own, as 500.html, not the base template.
    response = client.get("/suche/?q=Dortmund", headers={"Host": "elsewhere.example"})

    assert response.status_code == 400
    assert "<h1>Anfrage nicht verstanden</h1>" in response.text
    assert "elsewhere.example" not in response.text


@pytest.mark.django_db
def test_opening_the_logout_address_gets_the_page_and_keeps_the_session(member_client):
    response = member_client.get("/konto/logout/")

    assert response.status_code == 405
    assert "<h1>Keine Seite</h1>" in response.text
    assert "POST" in response["Allow"]
    assert member_client.get("/merkliste/").status_code == 200
    assert member_client.post("/konto/logout/").status_code == 302
    assert member_client.get("/merkliste/").status_code == 302
