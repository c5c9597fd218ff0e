"""OpenAPI description of the API's parameters and answers (drf-spectacular), beside the views
so a new filter is documented where it is added. The filters themselves are the list pages'
FilterSets (see views.ListFilterBackend); this only describes them."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)

from directory.agreements.models import Agreement
from directory.contacts.models import Visibility
from directory.core.models import ReviewState
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "directory.api.authentication.BearerTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token (portal: account > API tokens). Without one, "
            "the API shows what the public pages show.",
        }


def query(name, kind, description, **options):
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description, **options)


def ids(name, description):
    return query(name, OpenApiTypes.INT, description, many=True, explode=True)


def choices(name, values, description):
    return query(
        name, OpenApiTypes.STR, description, many=True, explode=True, enum=[v for v, _l in values]
    )


def curators(text):
    return f"{text} Curators only; ignored for everyone else."


COMMON = [
    query("q", {"type": "string", "maxLength": 200}, "Search text, as in the portal's search."),
    query(
        "region",
        OpenApiTypes.INT,
        "Region id (see /api/v1/regions/): entries in it, in its sub-regions, and those serving "
        "it as a whole (an entry for all of Berlin serves a Berlin district).",
    ),
    ids("topic", "Topic ids (any of; see /api/v1/topics/)."),
    query(
        "modified_after",
        OpenApiTypes.DATETIME,
        "Only entries changed after this moment (ISO 8601); the first page then also lists "
        "tombstones of entries deleted or anonymised since.",
    ),
    query(
        "per_page",
        OpenApiTypes.INT,
        "Entries per page: 10, 25 (default), 50 or 100; other numbers snap to these.",
    ),
    choices("review", ReviewState.choices, curators("Review state.")),
]
PUBLIC = query("public", OpenApiTypes.BOOL, curators("Public profile or not."))
LANGUAGE = ids("language", "Language ids (any of; see /api/v1/languages/).")

ORGANISATION_FILTERS = [
    choices("kind", Organisation.Kind.choices, "Kinds of organisation (any of)."),
    choices("legal_form", Organisation.LegalForm.choices, "Legal forms (any of)."),
    LANGUAGE,
    PUBLIC,
]
POLICE_FILTERS = [
    choices("level", PoliceUnit.Level.choices, "Federal or state (any of)."),
    choices("kind", PoliceUnit.Kind.choices, "Kinds of unit (any of)."),
    PUBLIC,
]
CONTACT_FILTERS = [
    choices(
        "affiliation",
        [("organisation", ""), ("police", "")],
        "Contacts of organisations or of the police (one value).",
    ),
    choices("organisation_kind", Organisation.Kind.choices, "Kinds of their organisation."),
    LANGUAGE,
    choices(
        "mailboxes",
        [("persons", ""), ("only", "")],
        "Persons only, or team mailboxes only (one value).",
    ),
    ids("organisation", "Contacts of these organisations."),
    ids("agreement", "Contacts of the parties of these agreements (police units with subunits)."),
    ids("police_unit", "Contacts of these police units and their subunits."),
    choices("visibility", Visibility.choices, curators("Visibility of the contact.")),
]
AGREEMENT_FILTERS = [
    choices("status", Agreement.Status.choices, "Status (any of)."),
    query("signed_after", OpenApiTypes.DATE, "Signed on or after this day."),
    query("signed_before", OpenApiTypes.DATE, "Signed on or before this day."),
    PUBLIC,
]

PROJECT_FILTERS = [
    choices("status", Project.Status.choices, "Status (any of)."),
    query("running_from", OpenApiTypes.DATE, "Running on or after this day."),
    query("running_until", OpenApiTypes.DATE, "Running on or before this day."),
    PUBLIC,
]
EVENT_FILTERS = [
    ids("format", "Format ids (any of)."),
    choices("period", [("upcoming", ""), ("past", "")], "Upcoming or past events (one value)."),
    query("starts_after", OpenApiTypes.DATE, "Starting on or after this day."),
    query("starts_before", OpenApiTypes.DATE, "Starting on or before this day."),
]

ERRORS = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT, description="Invalid filters: each named, with its messages."
    ),
    401: OpenApiResponse(
        OpenApiTypes.OBJECT, description="Malformed, unknown, revoked or expired token."
    ),
    429: OpenApiResponse(OpenApiTypes.OBJECT, description="Over the rate limit."),
}


def entry_endpoint(filters):
    """The list and detail documentation of an entry endpoint, with its filters."""

    def decorate(viewset):
        serializer = viewset.serializer_class
        return extend_schema_view(
            list=extend_schema(
                parameters=[*COMMON, *filters],
                responses={200: serializer(many=True), **ERRORS},
            ),
            retrieve=extend_schema(
                responses={
                    200: serializer,
                    404: OpenApiResponse(
                        OpenApiTypes.OBJECT, description=_("No such entry the caller may see.")
                    ),
                    **ERRORS,
                }
            ),
        )(viewset)

    return decorate


def reference_endpoint(viewset):
    """The documentation of a reference list (topics, regions, languages)."""
    responses = {200: viewset.serializer_class(many=True), **ERRORS}
    return extend_schema_view(list=extend_schema(responses=responses))(viewset)
