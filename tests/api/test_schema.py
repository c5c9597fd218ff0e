"""The served OpenAPI 3.1 schema is valid, and the docs page runs from vendored files under the
strict CSP."""

import re

import pytest
from django.contrib.staticfiles import finders
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_schema_is_valid_openapi_3_1_and_documents_every_endpoint(client):
    response = client.get("/api/v1/schema/")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"] == "3.1.0"
    validate(schema)
    assert {
        "/api/v1/organisations/", "/api/v1/organisations/{id}/", "/api/v1/police-units/",
        "/api/v1/police-units/{id}/", "/api/v1/contacts/", "/api/v1/contacts/{id}/",
        "/api/v1/agreements/", "/api/v1/agreements/{id}/", "/api/v1/projects/",
        "/api/v1/projects/{id}/", "/api/v1/events/", "/api/v1/events/{id}/", "/api/v1/topics/",
        "/api/v1/regions/", "/api/v1/languages/",
    } <= set(schema["paths"])  # fmt: skip
    contacts = schema["paths"]["/api/v1/contacts/"]["get"]
    names = {p["name"] for p in contacts["parameters"]}
    assert {"q", "topic", "region", "language", "organisation_kind", "modified_after",
            "cursor", "per_page"} <= names  # fmt: skip
    assert schema["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"


def test_docs_page_loads_only_local_files_under_a_csp_without_unsafe_inline(client):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "script-src 'self'" in csp
    assert "<script>" not in html
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith("/"), url
        assert not url.startswith("//"), url  # no other host
    for asset in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
        assert finders.find(asset), asset
    assert 'data-schema-url="/api/v1/schema/"' in html
    # Its own icon, as every page: else the browser asks for /favicon.ico (a 404).
    assert re.search(r'<link rel="icon" href="/static/img/favicon[^"]*\.svg"', html)
