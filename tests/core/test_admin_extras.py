"""What other apps bring to core's and the entities' admin, through core's registry: topic counts
per kind of entry, actions and inlines; and the one read-only admin."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils import translation

from directory.core.admin import ReadOnlyAdminMixin
from directory.core.models import Topic
from tests.factories import (
    AgreementFactory,
    ContactPersonFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def superuser_request(superuser):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    return request


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x")


def test_topics_admin_counts_the_entries_of_every_kind_that_registered(curator_client):
    topic = TopicFactory(name="Antisemitismus")
    TopicFactory(name="Ungenutzt")
    OrganisationFactory.create_batch(2, topics=[topic])
    ContactPersonFactory.create_batch(3, topics=[topic])  # with 3 more organisations, untagged
    PoliceUnitFactory().topics.add(topic)
    AgreementFactory(topics=[topic])

    with translation.override("de"):
        response = curator_client.get("/admin/core/topic/")

    counts = {
        t.name: (t.organisations_count, t.police_units_count, t.contacts_count, t.agreements_count)
        for t in response.context["cl"].result_list
    }
    assert counts == {"Antisemitismus": (2, 1, 3, 1), "Ungenutzt": (0, 0, 0, 0)}
    html = response.content.decode()
    for kind_count in ("Organisationen: 2", "Polizeidienststellen: 1", "Ansprechpersonen: 3"):
        assert kind_count in html
    assert "nicht verwendet" in html


def test_topics_admin_sorts_by_how_many_entries_use_a_topic(curator_client):
    rare, common = TopicFactory(name="Selten"), TopicFactory(name="Häufig")
    OrganisationFactory(topics=[common])
    ContactPersonFactory(topics=[common])
    OrganisationFactory(topics=[rare])
    topics_admin = admin.site._registry[Topic]
    index = 1 + list(topics_admin.get_list_display(None)).index("usage")  # after the checkbox

    response = curator_client.get("/admin/core/topic/", {"o": f"-{index}"})

    assert [t.name for t in response.context["cl"].result_list] == ["Häufig", "Selten"]


def test_entry_admins_offer_the_actions_other_apps_register(superuser):
    from directory.contacts.models import ContactPerson
    from directory.organisations.models import Organisation

    request = superuser_request(superuser)
    contact_actions = admin.site._registry[ContactPerson].get_actions(request)
    organisation_actions = admin.site._registry[Organisation].get_actions(request)

    assert {"mark_verified", "send_confirmation_emails", "subject_access_report", "erase"} <= set(
        contact_actions
    )
    assert "send_confirmation_emails" in organisation_actions
    assert "erase" not in organisation_actions


def refused_by(model_admin, permission):
    """The class whose method refuses `permission`."""
    name = f"has_{permission}_permission"
    return next(k for k in type(model_admin).__mro__ if name in k.__dict__)


def test_every_read_only_admin_of_the_project_is_the_one_mixin(superuser):
    """Read-only admins refuse through ReadOnlyAdminMixin, not each with its own methods (an
    admin that inherits a library's read-only admin, as the history does, is the library's)."""
    request = superuser_request(superuser)
    read_only = [
        model_admin
        for model_admin in admin.site._registry.values()
        if type(model_admin).__module__.startswith("directory.")
        and not model_admin.has_add_permission(request)
        and not model_admin.has_change_permission(request)
        and not model_admin.has_delete_permission(request)
    ]

    own_methods = [
        f"{type(a).__name__}: {refused_by(a, permission).__qualname__}"
        for a in read_only
        for permission in ("add", "change", "delete")
        if refused_by(a, permission).__module__.startswith("directory.")
        and refused_by(a, permission) is not ReadOnlyAdminMixin
    ]
    assert sum(isinstance(a, ReadOnlyAdminMixin) for a in read_only) >= 3
    assert own_methods == []


def test_every_model_with_registered_extras_has_an_admin_that_reads_them():
    from directory.core import registry
    from directory.core.admin import CuratedAdmin

    labels = {*registry.admin_actions, *registry.admin_inlines}
    admins = {model._meta.label_lower: a for model, a in admin.site._registry.items()}

    assert labels
    assert all(isinstance(admins[label], CuratedAdmin) for label in labels)
