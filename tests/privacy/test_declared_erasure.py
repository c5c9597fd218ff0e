"""Erasure and retention erase exactly what the models declare (`personal_data`): every declared
field of every record about the contact, in the records and in their history. The test names no
field and no model: it reads the declarations, as erasure does."""

import datetime

import pytest
from django.contrib.postgres.fields import ArrayField
from django.db import models

from directory.core.personal_data import declaring_models, history_models
from directory.reviews import services
from tests.factories import (
    ContactPersonFactory,
    DirectoryDraftFactory,
    InvitationFactory,
    OfficeRequestFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def sample(field):
    """A value of the field's kind that is not empty."""
    if field.choices:
        return next(value for value, _label in field.flatchoices if value)
    if isinstance(field, models.JSONField):
        return {"function": "Vertraulich"}
    if isinstance(field, models.EmailField):
        return "vertraulich@example.org"
    if isinstance(field, models.DateTimeField):
        return datetime.datetime(2024, 5, 1, 9, 30, tzinfo=datetime.UTC)
    if isinstance(field, models.DateField):
        return datetime.date(2024, 5, 1)
    if isinstance(field, ArrayField):
        return [1]
    if isinstance(field, models.CharField | models.TextField):
        return "Vertraulich"
    raise AssertionError(f"no sample value for {field!r}")


def is_empty(value):
    return value in ("", None, {}, [])


def erased_models():
    return [m for m in declaring_models() if m.personal_data["of_contact"] is not None]


def records_about(contact):
    """(model, queryset) of every declared record about the contact."""
    return [(m, m.objects.filter(m.personal_data["of_contact"](contact))) for m in erased_models()]


def personal_values(model, rows, with_history=True):
    """Every declared field's value in the rows and (unless told not to) in their history."""
    fields = model.personal_data["fields"]
    values = [value for row in rows.values(*fields) for value in row.values()]
    for events_model in history_models(model) if with_history else []:
        kept = [name for name in fields if name in {f.name for f in events_model._meta.fields}]
        events = events_model.objects.filter(pgh_obj__in=rows.values("pk"))
        values += [value for row in events.values(*kept) for value in row.values()]
    return values


def with_every_record(contact):
    """The contact with a record in every model that declares some about contacts, and every
    declared field of them holding something (so the history holds it too)."""
    services.send_confirmation(contact)
    services.request_correction(contact, {"function": "Neue Funktion"}, message="Bitte ändern")
    InvitationFactory(contact=contact)
    OfficeRequestFactory(requester=contact)
    DirectoryDraftFactory(created_contact=contact)
    RegistrationFactory(contact=contact)
    for model, rows in records_about(contact):
        fields = {name: model._meta.get_field(name) for name in model.personal_data["fields"]}
        rows.update(**{name: sample(field) for name, field in fields.items()})
    return contact


def erase(contact, curator):
    services.anonymise(contact, curator, reason="Test")


def retention(contact, curator, settings):
    settings.NETZPOL_RETENTION_MONTHS = 24
    type(contact).objects.filter(pk=contact.pk).update(verified_on=datetime.date(2020, 1, 1))
    assert services.apply_retention(curator) == 1


def test_every_model_with_personal_data_says_whether_it_is_erased_with_a_contact():
    declared = declaring_models()

    assert all("of_contact" in model.personal_data for model in declared)
    assert {m._meta.label for m in erased_models()} >= {"contacts.ContactPerson"}


@pytest.mark.parametrize("way", ["erasure", "retention"])
def test_erasure_empties_every_declared_field_about_the_contact(curator, settings, way, mailoutbox):
    contact = with_every_record(ContactPersonFactory())
    other = with_every_record(
        ContactPersonFactory(verified_on=datetime.date.today(), last_name="Andere")
    )
    before = [
        value
        for model, rows in records_about(contact)
        for value in personal_values(model, rows, with_history=False)
    ]

    if way == "erasure":
        erase(contact, curator)
    else:
        retention(contact, curator, settings)

    assert before
    assert not any(is_empty(value) for value in before)
    for model, rows in records_about(contact):
        assert rows.exists(), model
        assert all(is_empty(value) for value in personal_values(model, rows)), model
    for model, rows in records_about(other):
        values = personal_values(model, rows, with_history=False)
        assert values, model
        assert not any(is_empty(value) for value in values), model
