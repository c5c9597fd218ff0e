"""What the API says about each entry: HSDS 3.0 names where they fit (organization, contact,
phone, address, `last_modified`, `assured_date`), Popolo's for people (`given_name`,
`family_name`); the README's "Offene API" lists where they differ. Serializers only read what
the view's queryset (`visible_to(user)`) loaded: they decide no visibility."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


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

    id = serializers.IntegerField(help_text=_("Stable id; the same as in the portal's URLs."))
    uri = serializers.SerializerMethodField(help_text=_("The entry's page in the portal."))
    last_modified = serializers.DateTimeField(source="updated_at")
    assured_date = serializers.DateField(
        source="verified_on", allow_null=True, help_text=_("When the office last verified it.")
    )

    def get_uri(self, entry) -> str:
        # One absolute URL built per response, not per entry: a page of 100 entries would
        # otherwise resolve and join 100 URLs.
        if "uri_template" not in self.context:
            marker = 987654321
            url = type(entry)(pk=marker).get_absolute_url()
            template = self.context["request"].build_absolute_uri(url)
            self.context["uri_template"] = template.replace(str(marker), "{}")
        return self.context["uri_template"].format(entry.pk)


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

    def get_affiliation(self, contact) -> str:
        return str(contact.affiliation)

    def get_additional_emails(self, contact) -> list[str]:
        return [contact.email_secondary] if contact.email_secondary else []

    @extend_schema_field(PhoneSerializer(many=True))
    def get_phones(self, contact):
        return phones((contact.phone, "voice"), (contact.mobile, "cell"))

    def to_representation(self, contact):
        """The fields above, read directly: the contacts list is the API's busiest, and DRF's
        field by field walk costs more than the query. The tests validate every response
        against the schema these fields declare."""
        dates = self.fields
        return {
            "id": contact.pk,
            "uri": self.get_uri(contact),
            "last_modified": dates["last_modified"].to_representation(contact.updated_at),
            "assured_date": contact.verified_on.isoformat() if contact.verified_on else None,
            "name": contact.display_name,
            "given_name": contact.first_name,
            "family_name": contact.last_name,
            "functional_title": contact.functional_title,
            "title": contact.function,
            "organization_id": contact.organisation_id,
            "police_unit_id": contact.police_unit_id,
            "affiliation": self.get_affiliation(contact),
            "email": contact.email,
            "additional_emails": self.get_additional_emails(contact),
            "phones": self.get_phones(contact),
            "topics": list(contact.topic_names),
            "languages": list(contact.language_names),
        }


class PartySerializer(serializers.Serializer):
    name = serializers.CharField(source="shown_name")
    organization_id = serializers.IntegerField(source="organisation_id", allow_null=True)
    police_unit_id = serializers.IntegerField(allow_null=True)
    role = serializers.CharField()


class AgreementSerializer(EntrySerializer):
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
