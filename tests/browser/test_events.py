"""In a real browser: a coordinator builds an invitation list from a filter, sends it, an invitee
answers by the link in the mail, and the attendance list prints."""

import re

import pytest
from django.core import mail

from tests.browser.conftest import log_in
from tests.factories import ContactPersonFactory, EventFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_invites_by_filter_an_invitee_answers_and_the_list_prints(page, coordinator):
    topic = TopicFactory(name="Racial Profiling")
    ContactPersonFactory(last_name="Kaya", email="kaya@example.org", topics=[topic])
    ContactPersonFactory(last_name="Kaya-Team", email="KAYA@example.org", topics=[topic])
    ContactPersonFactory(last_name="Geheim", visibility="staff", topics=[topic])
    ContactPersonFactory(last_name="Anderswo")
    event = EventFactory(title="Forum Vertrauen", capacity=10)
    log_in(page, "koordination")

    page.goto(event.get_absolute_url())
    page.click("text=Einladungsliste erstellen")
    page.click("summary:has-text('Filter der Ansprechpersonen')")
    page.check("text=Racial Profiling")
    page.click("button:has-text('Vorschau zeigen')")
    assert "1 Ansprechperson würde hinzugefügt." in page.inner_text("#invitee-count")
    page.click("#add-invitees")
    page.wait_for_url(f"**{event.get_absolute_url()}")
    assert "Kaya" in page.inner_text("main")
    assert "Geheim" not in page.inner_text("main")

    page.click("button:has-text('1 Einladung versenden')")
    page.wait_for_selector("text=1 Einladung versandt.")
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/veranstaltungen/antwort/[^/\s]+/", message.body).group(0)

    # The invitee: another browser, not logged in.
    answer = page.context.browser.new_context(
        base_url=page.url.split("/veranstaltungen")[0], locale="de-DE"
    )
    invitee = answer.new_page()
    invitee.goto("/veranstaltungen/" + link.split("/veranstaltungen/", 1)[1])
    invitee.click("button:has-text('Zusagen')")
    invitee.wait_for_selector("text=Vielen Dank: Sie sind angemeldet.")
    answer.close()

    page.goto(event.get_absolute_url())
    assert "Zugesagt: 1" in page.inner_text("main")
    page.click("text=Teilnahmeliste drucken")
    page.emulate_media(media="print")
    assert "Forum Vertrauen" in page.inner_text("main")
    assert "Kaya" in page.inner_text("table")
    assert page.is_visible("th:has-text('Unterschrift')")
    assert not page.is_visible("header nav")
