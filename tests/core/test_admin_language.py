"""The German admin speaks German for the portal's own models: every list, form, filter,
action, history page and confirmation a curator opens, with data in it. A lost translation
(or a string never marked) shows as one of the English words below."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse

from directory.reviews import services
from directory.reviews.models import Anonymisation
from tests.factories import (
    AgreementPartyFactory,
    ContactPersonFactory,
    LanguageFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

PORTAL_APPS = {
    "core",
    "organisations",
    "police",
    "contacts",
    "agreements",
    "exports",
    "reviews",
    "privacy",
}
MODELS = [m for m in admin.site._registry if m._meta.app_label in PORTAL_APPS]

# Words that are English and not German (so "Name", "Status", "Filter" or "Export" do not count).
ENGLISH = {
    "the", "and", "of", "with", "by", "for", "from", "not", "none", "yes", "no", "true",
    "false", "add", "change", "changed", "delete", "deleted", "save", "history", "events",
    "event", "tracks", "back", "entry", "entries", "contact", "contacts",
    "organisations", "police", "unit", "units", "agreement", "agreements", "verified",
    "review", "stale", "insert", "update", "method", "label", "object", "model", "request",
    "requests", "email", "emails", "sent", "failed", "open", "applied", "rejected", "select",
    "search", "show", "hide", "unknown", "removal", "erasure", "anonymised", "months",
    "confirmed", "reason", "list", "rows", "purpose", "user", "today", "all", "any", "kind",
    "field", "fields", "value", "values", "current", "proposed", "subject", "report",
}  # fmt: skip


class VisibleText(HTMLParser):
    """Text a reader sees or hears: element text, titles, labels, placeholders, button
    values; not scripts, styles or the hidden SVG sprite."""

    SKIPPED = {"script", "style", "svg", "template"}
    ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}

    def __init__(self):
        super().__init__()
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        attrs = dict(attrs)
        if tag == "img" and "/admin/img/icon-" in attrs.get("src", ""):
            # Django's boolean icons say "True"/"False" in every language (Django's own text,
            # not the portal's).
            attrs.pop("alt", None)
        self.parts += [attrs[a] for a in self.ATTRIBUTES if attrs.get(a)]
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def english_words(html, allowed=()):
    parser = VisibleText()
    parser.feed(html)
    words = set(re.findall(r"[A-Za-z]+", " ".join(parser.parts)))
    return sorted(w for w in words if w.lower() in ENGLISH and w not in allowed)


@pytest.fixture
def directory(curator):
    topic = TopicFactory(name="Rassismus")
    unit = PoliceUnitFactory(name="Abschnitt 53", parent=PoliceUnitFactory(name="Polizei Berlin"))
    contact = ContactPersonFactory(
        last_name="Kaya", first_name="Aylin", email="kaya@example.org", topics=[topic]
    )
    contact.function = "Projektleitung"
    contact.save()
    ContactPersonFactory(organisation=None, police_unit=unit, last_name="Wache")
    AgreementPartyFactory(organisation=contact.organisation)
    LanguageFactory(name="Türkisch", code="tr")
    services.send_confirmation(contact)
    request_ = services.request_correction(contact, {"function": "Leitung"})
    services.reject_request(request_, curator, "")
    services.request_removal(contact)
    services.apply_request(services.request_removal(ContactPersonFactory(last_name="Weg")), curator)
    return {"contact": contact, "unit": unit, "organisation": contact.organisation}


def admin_pages(directory):
    for model in MODELS:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        yield base
        obj = model._default_manager.first()
        if obj is not None:
            yield f"{base}{obj.pk}/change/"
    contact = directory["contact"]
    yield "/admin/"
    yield reverse("admin:app_list", args=["contacts"])
    yield f"/admin/pghistory/events/?method=tracks&obj=contacts.ContactPerson:{contact.pk}"
    yield "/admin/pghistory/events/?model=contacts.ContactPerson"
    yield "/admin/pghistory/events/"
    yield reverse("privacy:subject_access", args=[contact.pk])


def test_main_admin_pages_show_no_english_words(curator_client, directory):
    found = {}
    for url in admin_pages(directory):
        response = curator_client.get(url, headers={"accept-language": "de"})
        assert response.status_code == 200, url
        words = english_words(response.content.decode())
        if words:
            found[url] = words

    assert found == {}


def test_curators_confirmation_pages_show_no_english_words(curator_client, directory):
    contacts = "/admin/contacts/contactperson/"
    selection = {"_selected_action": [directory["contact"].pk]}

    erase = curator_client.post(contacts, {"action": "erase", **selection})
    review = curator_client.post(contacts, {"action": "set_review_due", **selection})

    assert english_words(erase.content.decode()) == []
    assert english_words(review.content.decode()) == []


def test_audit_reasons_are_stored_in_german(curator):
    contact = ContactPersonFactory()

    services.apply_request(services.request_removal(contact), curator)

    assert Anonymisation.objects.get().reason.startswith("Entfernung beantragt (Anfrage #")
