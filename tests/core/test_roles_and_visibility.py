"""Visibility is decided by queryset methods, per role; every later view and export uses them."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson, Visibility
from directory.core.roles import GROUP_NAMES, Role, role_of
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from tests.factories import (
    AgreementFactory,
    ContactPersonFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    public_org = OrganisationFactory(name="Öffentlicher Verein", is_public=True)
    hidden_org = OrganisationFactory(name="Interner Verein", is_public=False)
    return {
        "public_org": public_org,
        "hidden_org": hidden_org,
        "public": ContactPersonFactory(organisation=public_org, visibility=Visibility.PUBLIC),
        "members": ContactPersonFactory(organisation=public_org, visibility=Visibility.MEMBERS),
        "staff": ContactPersonFactory(organisation=public_org, visibility=Visibility.STAFF),
        "public_at_hidden": ContactPersonFactory(
            organisation=hidden_org, visibility=Visibility.PUBLIC
        ),
    }


def visible_contacts(user):
    """The contacts `user` sees: the same without the units' paths (for a page's ids)."""
    seen = set(ContactPerson.objects.visible_to(user))
    assert set(ContactPerson.objects.visible_to(user, unit_paths=False)) == seen
    return seen


def test_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(GROUP_NAMES.values())
    curators = Group.objects.get(name=GROUP_NAMES[Role.CURATOR])
    assert curators.permissions.filter(codename="change_contactperson").exists()


def test_role_of_each_kind_of_user(member, coordinator, curator):
    assert role_of(AnonymousUser()) == Role.PUBLIC
    assert role_of(UserFactory(username="ohne-gruppe")) == Role.PUBLIC
    assert role_of(member) == Role.MEMBER
    assert role_of(coordinator) == Role.COORDINATOR
    assert role_of(curator) == Role.CURATOR
    assert role_of(UserFactory(username="root", is_superuser=True)) == Role.CURATOR


def test_deactivated_member_is_public_at_once(member):
    member.is_active = False

    assert role_of(member) == Role.PUBLIC


def test_public_sees_only_public_contacts_of_public_profiles(directory):
    assert visible_contacts(AnonymousUser()) == {directory["public"]}


def test_account_without_a_role_sees_what_the_public_sees(directory):
    assert visible_contacts(UserFactory(username="ohne-gruppe")) == {directory["public"]}


def test_members_and_coordinators_see_members_contacts_but_not_staff_only(
    directory, member, coordinator
):
    expected = {directory["public"], directory["members"], directory["public_at_hidden"]}

    assert visible_contacts(member) == expected
    assert visible_contacts(coordinator) == expected


def test_curators_see_every_contact(directory, curator):
    assert visible_contacts(curator) == set(ContactPerson.objects.all())


def test_profiles_and_agreements_public_unless_hidden(directory, member):
    unit = PoliceUnitFactory(is_public=False)
    public_agreement = AgreementFactory(is_public=True)
    internal_agreement = AgreementFactory(is_public=False)
    anonymous = AnonymousUser()

    assert set(Organisation.objects.visible_to(anonymous)) == {directory["public_org"]}
    assert unit not in PoliceUnit.objects.visible_to(anonymous)
    assert set(Agreement.objects.visible_to(anonymous)) == {public_agreement}
    assert set(Organisation.objects.visible_to(member)) == {
        directory["public_org"],
        directory["hidden_org"],
    }
    assert unit in PoliceUnit.objects.visible_to(member)
    assert internal_agreement in Agreement.objects.visible_to(member)
