"""The letter's opening ("Briefanrede"): from the form of address, the academic title and the
name, in German or English; the database's version (the exports) says the same as Python's
(the detail page, vCards)."""

import pytest
from django.utils import translation

from directory.contacts import letters
from directory.contacts.models import ContactPerson
from tests.exports.conftest import CONTACTS, csv_rows, post_export
from tests.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db

CASES = [
    # form of address, title, first name, last name (empty: a team mailbox): German, English
    ("frau", "Dr.", "Aylin", "Yılmaz", "Sehr geehrte Frau Dr. Yılmaz,", "Dear Dr Yılmaz,"),
    ("herr", "Prof. Dr.", "Jonas", "Weber", "Sehr geehrter Herr Prof. Dr. Weber,",
     "Dear Prof Dr Weber,"),
    ("frau", "", "Miriam", "Schäfer", "Sehr geehrte Frau Schäfer,", "Dear Ms Schäfer,"),
    ("herr", "", "Sören", "Groß", "Sehr geehrter Herr Groß,", "Dear Mr Groß,"),
    ("", "", "Kim", "Weber", "Guten Tag Kim Weber,", "Dear Kim Weber,"),
    ("", "Dr.", "Kim", "Weber", "Guten Tag Dr. Kim Weber,", "Dear Dr Kim Weber,"),
    ("", "", "", "Weber", "Guten Tag Weber,", "Dear Weber,"),
    ("", "", "", "", "Sehr geehrte Damen und Herren,", "Dear Sir or Madam,"),
]  # fmt: skip


def make(form, title, first, last):
    return ContactPersonFactory(
        form_of_address=form,
        title=title,
        first_name=first,
        last_name=last,
        functional_title="" if last else "Ansprechstelle LSBTI*",
        email=f"{last or 'team'}{len(first)}{form}@example.org".lower(),
    )


@pytest.mark.parametrize(("form", "title", "first", "last", "german", "english"), CASES)
def test_the_opening_follows_form_of_address_title_and_name(
    form, title, first, last, german, english
):
    contact = make(form, title, first, last)

    assert letters.opening(contact, "de") == german
    assert letters.opening(contact, "en") == english
    with translation.override("en"):
        assert contact.letter_salutation == english
    assert contact.letter_salutation == german  # the tests run in German


def test_the_database_writes_the_same_opening_as_python():
    contacts = [make(*case[:4]) for case in CASES]

    for language, column in [("de", 4), ("en", 5)]:
        found = dict(
            ContactPerson.objects.annotate(
                opening=letters.opening_expression(language)
            ).values_list("pk", "opening")
        )
        assert [found[c.pk] for c in contacts] == [case[column] for case in CASES]
        assert [found[c.pk] for c in contacts] == [letters.opening(c, language) for c in contacts]


def test_blanks_around_title_and_names_leave_single_spaces():
    contact = make("frau", " Dr. ", "Aylin", "Yılmaz")

    expression = letters.opening_expression("de")
    in_database = ContactPerson.objects.annotate(o=expression).get(pk=contact.pk).o

    assert in_database == letters.opening(contact, "de") == "Sehr geehrte Frau Dr. Yılmaz,"


@pytest.mark.parametrize(
    ("language", "header", "expected"),
    [
        ("de", "Briefanrede", ["Guten Tag Kim Weber,", "Sehr geehrte Frau Dr. Yılmaz,"]),
        ("en", "Letter salutation", ["Dear Kim Weber,", "Dear Dr Yılmaz,"]),
    ],
)
def test_the_contacts_export_has_a_letter_salutation_column_in_its_language(
    client, coordinator, settings, language, header, expected
):
    make("frau", "Dr.", "Aylin", "Yılmaz")
    make("", "", "Kim", "Weber")
    client.force_login(coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    response = post_export(
        client, CONTACTS, columns=["form_of_address", "title", "last_name", "letter_salutation"]
    )
    rows = csv_rows(response)

    assert rows[0][3] == header
    assert [row[3] for row in rows[1:]] == expected
    assert [row[:2] for row in rows[1:]] == [
        ["", ""],
        ["Frau" if language == "de" else "Ms", "Dr."],
    ]


def test_the_contact_page_shows_the_title_and_the_letter_salutation(client, member):
    contact = make("herr", "Prof. Dr.", "Jonas", "Weber")
    client.force_login(member)

    page = client.get(contact.get_absolute_url()).content.decode()

    assert "Prof. Dr. Jonas Weber" in page
    assert "Sehr geehrter Herr Prof. Dr. Weber," in page


def test_the_history_keeps_form_of_address_and_title():
    contact = make("", "", "Kim", "Weber")

    contact.form_of_address, contact.title = "frau", "Dr."
    contact.save()

    events = ContactPerson.pgh_event_model.objects.filter(pgh_obj_id=contact.pk)
    assert list(events.order_by("pgh_id").values_list("form_of_address", "title")) == [
        ("", ""),
        ("frau", "Dr."),
    ]
