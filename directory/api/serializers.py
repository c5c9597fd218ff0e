"""What the API says about each entry: HSDS 3.0 names where they fit (organization, contact,
phone, address, `last_modified`, `assured_date`), Popolo's for people (`given_name`,
`family_name`); the README's "Offene API" lists where they differ. Serializers only read what
the view's queryset (`visible_to(user)`) loaded: they decide no visibility."""

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from directory.agreements.models import Agreement
from directory.contacts.models import UNIT_PATH, ContactPerson
from directory.events.models import Event
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project


class PhoneSerializer(serializers.Serializer):
    number = serializers.CharField()
    type = serializers.ChoiceField(
        choices=["voice", "cell"], help_text=_("HSDS phone type: voice or cell (mobile).")
    )


class AddressSerializer(serializers.Serializer):
    address_1 = serializers.CharField(source="street", help_text=_("Street and number."))
    city = serializers.CharField()
    postal_code = serializers.CharField(source="postcode")
    state_province = serializers.SerializerMethodField(help_text=_("Federal state (Land)."))
    country = serializers.SerializerMethodField()

    def get_state_province(self, entry) -> str:
        return entry.land.name if entry.land_id else ""

    def get_country(self, entry) -> str:
        return "DE"


def phones(*numbers):
    return [{"number": number, "type": kind} for number, kind in numbers if number]


class EntrySerializer(serializers.Serializer):
    """Fields every kind of entry has."""

    model = None

    id = serializers.IntegerField(help_text=_("Stable id; the same as in the portal's URLs."))
    uri = serializers.SerializerMethodField(help_text=_("The entry's page in the portal."))
    last_modified = serializers.DateTimeField(
        help_text=_(
            "When the entry or something it shows (a linked topic's name, its organisation's "
            "name, a superior unit) last changed."
        )
    )
    assured_date = serializers.DateField(
        source="verified_on", allow_null=True, help_text=_("When the office last verified it.")
    )

    def get_uri(self, entry) -> str:
        return self.uri_of(entry.pk)

    def uri_of(self, pk):
        return self.uri_template.format(pk)

    @cached_property
    def uri_template(self):
        # One absolute URL built per response (a list's entries share one serializer), not
        # per entry: a page of 100 entries would otherwise resolve and join 100 URLs.
        marker = 987654321
        url = self.model(pk=marker).get_absolute_url()
        return self.context["request"].build_absolute_uri(url).replace(str(marker), "{}")


class ProfileSerializer(EntrySerializer):
    """Organisations and police units: a public profile with general channels."""

    name = serializers.CharField()
    alternate_name = serializers.CharField(source="short_name")
    description = serializers.CharField()
    email = serializers.CharField()
    website = serializers.CharField()
    phones = serializers.SerializerMethodField()
    address = AddressSerializer(source="*")
    topics = serializers.ListField(child=serializers.CharField(), source="topic_names")

    @extend_schema_field(PhoneSerializer(many=True))
    def get_phones(self, entry):
        return phones((entry.phone, "voice"))


class OrganisationSerializer(ProfileSerializer):
    model = Organisation

    legal_status = serializers.CharField(
        source="legal_form", help_text=_("Legal form: ev, ggmbh, foundation, …")
    )
    kind = serializers.CharField(help_text=_("Kind of organisation (filter `kind`)."))
    target_groups = serializers.CharField()
    regions = serializers.ListField(
        child=serializers.CharField(), source="region_names", help_text=_("Regions of activity.")
    )
    languages = serializers.ListField(child=serializers.CharField(), source="language_names")


class PoliceUnitSerializer(ProfileSerializer):
    model = PoliceUnit

    parent_id = serializers.IntegerField(
        source="shown_parent_id",
        allow_null=True,
        help_text=_(
            "The nearest superior unit the caller may see (for the public: the nearest public "
            "one), or null."
        ),
    )
    path = serializers.CharField(
        source="shown_path",
        help_text=_("The unit's place in the hierarchy, naming only units the caller may see."),
    )
    level = serializers.CharField()
    kind = serializers.CharField()
    jurisdiction = serializers.SerializerMethodField()

    def get_jurisdiction(self, unit) -> str:
        return unit.jurisdiction.name if unit.jurisdiction_id else ""


class ContactSerializer(EntrySerializer):
    """A contact from a row of `COLUMNS` (`.values()`), not a model instance: the contacts list
    is the API's busiest, and building three model instances per row (contact, organisation,
    police unit) and walking DRF's fields cost more than the query. The fields below are
    what the schema declares; the tests validate every response against it."""

    model = ContactPerson
    # What a row holds: the shown fields, what the affiliation's name comes from, and the ids
    # of its topics and languages, which the view turns into `topic_names` and
    # `language_names` (see views.ContactViewSet.complete).
    COLUMNS = [
        "id", "last_modified", "verified_on", "title", "first_name", "last_name",
        "functional_title", "function", "organisation_id", "police_unit_id",
        "organisation__name", UNIT_PATH, "police_unit__name", "email", "email_secondary",
        "phone", "mobile", "topics_linked_ids", "languages_linked_ids",
    ]  # fmt: skip

    name = serializers.CharField(source="display_name")
    given_name = serializers.CharField(source="first_name")
    family_name = serializers.CharField(
        source="last_name", help_text=_("Empty for a team or function mailbox.")
    )
    functional_title = serializers.CharField(help_text=_("Title of a team or function mailbox."))
    title = serializers.CharField(source="function", help_text=_("Function (HSDS: title)."))
    organization_id = serializers.IntegerField(source="organisation_id", allow_null=True)
    police_unit_id = serializers.IntegerField(allow_null=True)
    affiliation = serializers.SerializerMethodField(
        help_text=_("The organisation's name or the police unit's path, as the caller may read.")
    )
    email = serializers.CharField()
    additional_emails = serializers.SerializerMethodField()
    phones = serializers.SerializerMethodField()
    topics = serializers.ListField(child=serializers.CharField(), source="topic_names")
    languages = serializers.ListField(child=serializers.CharField(), source="language_names")

    def get_affiliation(self, row) -> str:
        # As str(contact.affiliation): the organisation's name, or the unit's path the
        # queryset chose for the caller (see ContactPersonQuerySet.visible_to).
        return row["organisation__name"] or row[UNIT_PATH] or row["police_unit__name"]

    def get_additional_emails(self, row) -> list[str]:
        return [row["email_secondary"]] if row["email_secondary"] else []

    @extend_schema_field(PhoneSerializer(many=True))
    def get_phones(self, row):
        return phones((row["phone"], "voice"), (row["mobile"], "cell"))

    @cached_property
    def moment_field(self):
        """`last_modified`'s field, with the time zone looked up once per response (DRF asks
        for it anew for every value)."""
        return serializers.DateTimeField(default_timezone=timezone.get_current_timezone())

    def to_representation(self, row):
        as_contact = ContactRow(row)
        return {
            "id": row["id"],
            "uri": self.uri_of(row["id"]),
            "last_modified": self.moment_field.to_representation(row["last_modified"]),
            "assured_date": row["verified_on"].isoformat() if row["verified_on"] else None,
            "name": as_contact.display_name,
            "given_name": row["first_name"],
            "family_name": row["last_name"],
            "functional_title": row["functional_title"],
            "title": row["function"],
            "organization_id": row["organisation_id"],
            "police_unit_id": row["police_unit_id"],
            "affiliation": self.get_affiliation(row),
            "email": row["email"],
            "additional_emails": self.get_additional_emails(row),
            "phones": self.get_phones(row),
            "topics": row["topic_names"],
            "languages": row["language_names"],
        }


class ContactRow:
    """A contact row named by the model's own rule (`ContactPerson.display_name`), without a
    model instance."""

    is_functional = ContactPerson.is_functional
    display_name = ContactPerson.display_name

    def __init__(self, row):
        self.title = row["title"]
        self.first_name = row["first_name"]
        self.last_name = row["last_name"]
        self.functional_title = row["functional_title"]


class PartySerializer(serializers.Serializer):
    name = serializers.CharField(source="shown_name")
    organization_id = serializers.IntegerField(source="organisation_id", allow_null=True)
    police_unit_id = serializers.IntegerField(allow_null=True)
    role = serializers.CharField()


class AgreementSerializer(EntrySerializer):
    model = Agreement

    name = serializers.CharField(source="title")
    status = serializers.CharField()
    signed_on = serializers.DateField(allow_null=True)
    valid_from = serializers.DateField(allow_null=True)
    valid_until = serializers.DateField(allow_null=True)
    description = serializers.CharField(source="goals")
    formats = serializers.ListField(child=serializers.CharField(), source="format_list")
    topics = serializers.ListField(child=serializers.CharField(), source="topic_names")
    parties = PartySerializer(many=True, help_text=_("The parties the caller may see."))
    hidden_parties = serializers.IntegerField(
        help_text=_("How many parties the caller may not see (never named).")
    )


class ProjectSerializer(EntrySerializer):
    """A cooperation project, with the sponsors and partners the caller may see."""

    model = Project

    name = serializers.CharField(source="title")
    status = serializers.CharField()
    starts_on = serializers.DateField(allow_null=True)
    ends_on = serializers.DateField(allow_null=True)
    description = serializers.CharField(source="goals")
    activities = serializers.ListField(child=serializers.CharField(), source="activity_list")
    target_groups = serializers.CharField()
    results = serializers.CharField()
    links = serializers.ListField(child=serializers.CharField(), source="link_list")
    funder = serializers.CharField()
    funding_programme = serializers.CharField()
    amount = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        coerce_to_string=False,
        allow_null=True,
        help_text=_("Funding amount in euros."),
    )
    topics = serializers.ListField(child=serializers.CharField(), source="topic_names")
    regions = serializers.ListField(child=serializers.CharField(), source="region_names")
    sponsors = serializers.ListField(
        child=serializers.CharField(),
        source="sponsor_names",
        help_text=_("The sponsors the caller may see: organisations and police units."),
    )
    partners = serializers.ListField(
        child=serializers.CharField(),
        source="partner_names",
        help_text=_("The partners the caller may see: organisations and police units."),
    )


class EventSerializer(EntrySerializer):
    """An event of the office or the network (an exchange format), without anything about who
    was invited, registered or came."""

    model = Event
    assured_date = None  # events are not verified like directory entries

    name = serializers.CharField(source="title")
    format = serializers.CharField(source="format.name")
    series = serializers.SerializerMethodField()
    status = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(allow_null=True)
    place = serializers.CharField()
    online_url = serializers.CharField()
    region = serializers.SerializerMethodField(help_text=_("Where it is held, or for whom."))
    topics = serializers.ListField(child=serializers.CharField(), source="topic_names")
    description = serializers.CharField()
    organised_by_office = serializers.BooleanField()
    organisers = serializers.ListField(
        child=serializers.CharField(),
        source="organiser_names",
        help_text=_("The organising organisations and police units the caller may see."),
    )
    capacity = serializers.IntegerField(allow_null=True)
    registration_deadline = serializers.DateField(allow_null=True)
    public_registration = serializers.BooleanField(
        source="takes_public_registrations",
        help_text=_("Whether its public page takes registrations now."),
    )

    def get_series(self, event) -> str:
        return event.series.name if event.series_id else ""

    def get_region(self, event) -> str:
        return event.region.name if event.region_id else ""


class ReferenceSerializer(serializers.Serializer):
    """A topic, region or language: the ids the filters take."""

    id = serializers.IntegerField()
    name = serializers.CharField()


class RegionSerializer(ReferenceSerializer):
    kind = serializers.CharField()
    parent_id = serializers.IntegerField(allow_null=True)


class LanguageSerializer(ReferenceSerializer):
    code = serializers.CharField()


class TombstoneSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    removed_at = serializers.DateTimeField()
    reason = serializers.ChoiceField(choices=["deleted", "anonymised"])
