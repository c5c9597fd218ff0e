"""A request to the office in a real browser: sent through the public form, taken over by a
curator in the inbox and closed as "vermittelt" with the brokered contact recorded."""

import pytest
from django.urls import reverse

from directory.core.roles import Role
from directory.requests.models import BrokeredContact, OfficeRequest
from tests.browser.conftest import log_in
from tests.conftest import user_with_role
from tests.factories import ContactPersonFactory, OrganisationFactory, PoliceUnitFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_request_sent_publicly_is_brokered_in_the_inbox(page, settings):
    settings.NETZPOL_REQUEST_MIN_SECONDS = 0
    user_with_role(Role.CURATOR, "kuratorin", is_staff=True)
    mosque = OrganisationFactory(name="Moscheegemeinde Nordstadt e.V.")
    contact = ContactPersonFactory(
        organisation=None, police_unit=PoliceUnitFactory(name="Polizeiwache Nord"),
        last_name="Kowalski",
    )  # fmt: skip

    page.goto(reverse("office_requests:contact"))
    page.get_by_label("Kontakt gesucht").check()
    page.get_by_label("Ihr Name").fill("Aylin Demir")
    page.get_by_label("Organisation oder Dienststelle (optional)").fill(mosque.name)
    page.get_by_label("E-Mail").fill("aylin.demir@example.org")
    page.get_by_label("Ihre Nachricht").fill("Wir suchen eine Ansprechperson bei der Polizei.")
    page.get_by_label("Ich bin einverstanden").check()
    page.get_by_role("button", name="Anfrage senden").click()
    page.wait_for_url("**/kontakt/danke/")
    assert page.get_by_role("heading", name="Vielen Dank für Ihre Anfrage").is_visible()

    request = OfficeRequest.objects.get()
    log_in(page, "kuratorin")
    page.goto(reverse("admin:office_requests_officerequest_change", args=[request.pk]))
    page.select_option("select[name=status]", "brokered")
    page.click("#brokered_contacts-group .add-row a")
    # The autocomplete widgets are select2: choose through their search boxes.
    for field, term in (("first_organisation", "Moschee"), ("second_contact", "Kowalski")):
        page.click(f"#id_brokered_contacts-0-{field} + .select2 .select2-selection")
        page.fill(".select2-search__field", term)
        page.click(".select2-results__option--highlighted")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/office_requests/officerequest/")

    request.refresh_from_db()
    assert request.status == OfficeRequest.Status.BROKERED
    brokered = BrokeredContact.objects.get()
    assert (brokered.first, brokered.second) == (mosque, contact)
