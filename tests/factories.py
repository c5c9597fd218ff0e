import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from directory.agreements.models import Agreement, AgreementParty
from directory.contacts.models import ConsentBasis, ContactPerson, Visibility
from directory.core.models import Language, Region, Topic
from directory.events.models import Event, Format, Invitation, Registration
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Thema {n}")


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"l{n}")
    name = factory.Sequence(lambda n: f"Sprache {n}")


class LandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["name", "kind"]

    name = factory.Sequence(lambda n: f"Land {n}")
    kind = Region.Kind.LAND


class DistrictFactory(LandFactory):
    name = factory.Sequence(lambda n: f"Kreis {n}")
    kind = Region.Kind.DISTRICT
    parent = factory.SubFactory(LandFactory)


class BoroughFactory(LandFactory):
    name = factory.Sequence(lambda n: f"Bezirk {n}")
    kind = Region.Kind.BOROUGH
    parent = factory.SubFactory(DistrictFactory)


class WithTopics(factory.django.DjangoModelFactory):
    """`topics=[...]` on create sets the M2M."""

    class Meta:
        abstract = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class OrganisationFactory(WithTopics):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Verein {n} e.V.")
    legal_form = Organisation.LegalForm.REGISTERED_ASSOCIATION
    kind = Organisation.Kind.COUNSELLING
    city = "Dortmund"
    is_public = True


class PoliceUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PoliceUnit

    name = factory.Sequence(lambda n: f"Polizeiwache {n}")
    kind = PoliceUnit.Kind.STATION


class ContactPersonFactory(WithTopics):
    class Meta:
        model = ContactPerson
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    email = factory.LazyAttribute(lambda c: f"{c.last_name.lower()}@example.org")
    visibility = Visibility.MEMBERS
    consent_given_on = factory.LazyFunction(lambda: datetime.date(2025, 1, 15))
    consent_basis = ConsentBasis.WRITTEN


class AgreementFactory(WithTopics):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kooperationsvereinbarung {n}")
    status = Agreement.Status.ACTIVE


class AgreementPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class EventFactory(WithTopics):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Arbeitskreis Dialog {n}")
    # Seeded by the events app's data migration; created again after a flush (browser tests).
    format = factory.LazyFunction(lambda: Format.objects.get_or_create(name="Arbeitskreis")[0])
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    place = "Rathaus Dortmund, Friedensplatz 1"
    visibility = "members"


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    event = factory.SubFactory(EventFactory)
    contact = factory.SubFactory(ContactPersonFactory)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration through an event's public page, not yet decided."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory, visibility="public", public_registration=True)
    first_name = "Deniz"
    last_name = factory.Sequence(lambda n: f"Aksoy{n}")
    organisation_name = "Elternnetzwerk Nordstadt e.V."
    function = "Vorstand"
    email = factory.Sequence(lambda n: f"deniz.aksoy{n}@example.org")
    consent_text = "Ich bin einverstanden."
    consent_at = factory.LazyFunction(timezone.now)


# --- Cooperation projects and requests to the office (directory.projects, directory.requests) ---


class ProjectFactory(WithTopics):
    class Meta:
        model = "projects.Project"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kooperationsprojekt {n}")
    status = "running"
    starts_on = datetime.date(2024, 1, 1)
    ends_on = datetime.date(2026, 12, 31)
    is_public = True

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)


class ProjectPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "projects.ProjectParty"

    project = factory.SubFactory(ProjectFactory)
    role = "sponsor"
    organisation = factory.SubFactory(OrganisationFactory)


class OfficeRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "office_requests.OfficeRequest"

    reason = "contact"
    name = factory.Sequence(lambda n: f"Anfragende Person {n}")
    email = factory.Sequence(lambda n: f"anfrage{n}@example.org")
    message = "Wir suchen eine Ansprechperson bei der Polizei für unseren Moscheeverein."
    consent_at = factory.LazyFunction(timezone.now)


class DirectoryDraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "office_requests.DirectoryDraft"

    organisation_name = factory.Sequence(lambda n: f"Neue Initiative {n}")
    contact_last_name = "Neumann"
    contact_email = factory.Sequence(lambda n: f"neu{n}@example.org")
