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
