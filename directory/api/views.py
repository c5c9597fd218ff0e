"""The open read API, /api/v1/: the lists' querysets (`visible_to(user)`) and FilterSets, as
JSON, with cursor pages, deltas (`modified_after`) and conditional GET."""

import datetime
import threading
import time

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import transaction
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from rest_framework import exceptions, filters, generics, mixins, viewsets
from rest_framework.response import Response

from directory.agreements.filters import AgreementFilter
from directory.agreements.models import Agreement, AgreementParty
from directory.contacts.filters import ContactFilter
from directory.contacts.models import ContactPerson
from directory.core import formcache
from directory.core.listing import AnyOfFilter
from directory.core.models import Language, Region, Topic
from directory.core.roles import Role, role_of, setting_rate
from directory.events.filters import EventFilter
from directory.events.models import Event, Format, Series
from directory.organisations.filters import OrganisationFilter
from directory.organisations.models import Organisation
from directory.police.filters import PoliceUnitFilter
from directory.police.models import PoliceUnit
from directory.projects.filters import ProjectFilter
from directory.projects.models import Project, ProjectParty

from . import changes, schema, serializers
from .models import ApiLog, ApiToken
from .pagination import EntryCursorPagination
from .rows import LinkedItems, RowsById

RATE_SETTING = "NETZPOL_RATE_API"
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


def modified_after(request):
    """The `modified_after` moment of the request (ISO 8601; without an offset, in the portal's
    time zone), or None; a bad value is a 400."""
    value = request.query_params.get("modified_after", "").strip()
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is not None:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            # In UTC: PostgreSQL takes no offset beyond 15:59, ISO 8601 any up to 23:59.
            moment = moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise exceptions.ValidationError(
            {"modified_after": [_("Enter a date and time in ISO 8601, e.g. 2026-01-31T12:00Z.")]}
        )
    return moment


class ListFilterBackend(filters.BaseFilterBackend):
    """The list page's FilterSet (search, topics, region with what serves it, kind, language,
    ...) on the API's list; invalid filters are a 400 naming them. `sort` is the pages' own:
    the API's order is the cursor's."""

    # Filtered lists kept per process (see `kept_key`): at most so many, the oldest go first,
    # and none longer than the filter forms (a change that commits after a later one may
    # leave the version unchanged, see core.versions).
    KEEP = 256
    kept = {}
    keeping = threading.Lock()  # for threaded servers: one change of `kept` at a time

    def filter_queryset(self, request, queryset, view):
        if view.action != "list":
            return queryset
        key = self.kept_key(request, view)
        now = time.monotonic()
        kept_at, kept = self.kept.get(key, (None, None))
        if kept is not None and now - kept_at < formcache.TIMEOUT:
            queryset = kept.all()
        else:
            queryset = self.filtered(request, queryset, view)
            if key is not None:
                with self.keeping:
                    self.kept.pop(key, None)
                    while len(self.kept) >= self.KEEP:
                        del self.kept[next(iter(self.kept))]
                    self.kept[key] = (now, queryset)
        since = modified_after(request)
        # `last_modified` as the entry shows it (see changes.last_modified), not only its row's.
        return queryset.filter(changes.changed_after(since, view.shows())) if since else queryset

    def kept_key(self, request, view):
        """What a filtered list depends on, when the query names only filters whose SQL depends
        on nothing but the reference data they validate against (regions, topics, ...) and the
        values given (`view.filters_by_reference`), and the list's entries on nothing but the
        caller's role: the role, the reference data's version (one query) and those values.
        Then the FilterSet (its form, choices and SQL), which costs more than the database
        takes for a page, is built once per key. None: no such list or query."""
        names = sorted(
            name
            for name in view.filterset_class.base_filters
            if name in request.query_params and name != "sort"
        )
        if not view.filters_by_reference or not set(names) <= view.filters_by_reference:
            return None
        version = formcache.reference_version(reference_models(view.filterset_class))
        values = tuple((name, tuple(request.query_params.getlist(name))) for name in names)
        return view.filterset_class, role_of(request.user), version, values

    def filtered(self, request, queryset, view):
        filterset = view.filterset_class(
            data=request.query_params, queryset=queryset, request=request
        )
        # Only the filters the query names: one not named filters nothing, and its form field
        # need not be built and cleaned for every request.
        filterset.filters = {
            name: item
            for name, item in filterset.filters.items()
            if name in request.query_params and name != "sort"
        }
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        return filterset.qs


def reference_models(filterset_class):
    """The reference tables a FilterSet's choices come from (DirectoryFilterSet's
    `reference_version`: the regions and what its AnyOfFilters offer)."""
    items = [
        item.items
        for item in filterset_class.base_filters.values()
        if isinstance(item, AnyOfFilter)
    ]
    return [Region, *items]


class ApiRateThrottle:
    """NETZPOL_RATE_API requests per token, or per client address without one (django-ratelimit,
    in the shared cache, as the pages' limits)."""

    def allow_request(self, request, view):
        token = request.auth
        key = (lambda group, req: f"token:{token.pk}") if token is not None else "ip"
        return not is_ratelimited(
            request,
            group=RATE_SETTING,
            key=key,
            rate=setting_rate(RATE_SETTING),
            increment=True,
        )

    def wait(self):
        return None


class ApiView:
    """What every endpoint shares: the rate limit (429 with a message that says what to do),
    ETag and Last-Modified with 304s, CORS for anonymous callers, and a log row for each
    request made with a token."""

    throttle_classes = [ApiRateThrottle]
    model = None
    # The ids of the entries the response delivers (for the log).
    delivered = ()
    last_modified = None

    def throttled(self, request, wait):
        raise exceptions.Throttled(detail=_("Too many requests; please try again later."))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self.conditional(request, response)
        patch_vary_headers(response, ["Authorization", "Origin"])
        self.allow_origin(request, response)
        if isinstance(getattr(request, "auth", None), ApiToken):
            self.log(request, response, request.auth)
        elif hasattr(request._request, "refused_token"):
            self.log(request, response, request._request.refused_token)
        return response

    def conditional(self, request, response):
        """ETag from the body; 304 when the client has it (If-None-Match). Last-Modified is the
        newest entry shown; If-Modified-Since alone answers a 304 only for one entry: a list
        also changes when an entry leaves it, which no date in it shows."""
        response.render()
        set_response_etag(response)
        last_modified = self.last_modified
        if last_modified is not None:
            response.headers["Last-Modified"] = http_date(last_modified.timestamp())
        if self.action != "retrieve":
            last_modified = None
        return get_conditional_response(
            request,
            etag=response.headers["ETag"],
            last_modified=int(last_modified.timestamp()) if last_modified else None,
            response=response,
        )

    def allow_origin(self, request, response):
        """CORS for the public part only: anonymous requests from NETZPOL_API_CORS_ORIGINS."""
        origin = request.headers.get("Origin")
        if (
            origin
            and origin in settings.NETZPOL_API_CORS_ORIGINS
            and "Authorization" not in request.headers
        ):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = "ETag"

    def log(self, request, response, token):
        """A row for a request made with a token; a refused token (unknown, malformed,
        revoked, expired) is logged with the token and its owner if known, else with neither."""
        delivered = self.delivered or []
        entry = ApiLog(
            token=token,
            user=token.user if token else None,
            endpoint=request.path[:200],
            query=request.META.get("QUERY_STRING", ""),
            status=response.status_code,
            row_count=len(delivered),
            contact_ids=list(delivered) if self.model is ContactPerson else [],
        )
        now = timezone.now()
        # To the minute: a client paging through a list does not rewrite its token each time.
        # A refused token was not used.
        used = request.auth is not None and (
            token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION
        )
        if not used:
            # Committed (and flushed to disk) before the response leaves: the log is complete.
            entry.save(force_insert=True)
            return
        # Both in one commit: one flush to disk instead of two.
        with transaction.atomic():
            entry.save(force_insert=True)
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)


class EntryViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """Shared by every entry endpoint: visibility from the model's queryset, the list's
    filters, cursor pages, tombstones with `modified_after`."""

    pagination_class = EntryCursorPagination
    filter_backends = [ListFilterBackend]
    filterset_class = None
    # Filters whose lists ListFilterBackend may keep (see ListFilterBackend.kept_key): none
    # unless the entries `user` may see depend on nothing but the user's role.
    filters_by_reference = frozenset()

    def entries(self, user):
        """The entries `user` may see, with their `last_modified` (see `shows`)."""
        return (
            self.model.objects.visible_to(user)
            .defer("search_vector")
            .annotate(last_modified=changes.last_modified(self.shows()))
        )

    def shows(self):
        """What the entry shows beyond its own row, for its `last_modified` (changes.Shown)."""
        return []

    def findable(self, user):
        """The entries `user` may see, for the filters to find a page's ids in."""
        return self.model.objects.visible_to(user)

    def get_queryset(self):
        return self.entries(self.request.user)

    def rows(self, queryset):
        """What the serializer reads: model instances, or rows of its COLUMNS (`.values()`)."""
        columns = getattr(self.serializer_class, "COLUMNS", None)
        return queryset.values(*columns) if columns else queryset

    def list(self, request, *args, **kwargs):
        # The page's ids first, from the visible entries as filtered, without what they show:
        # the filters work on a queryset cheap to clone, and the database finds the page
        # without working out any entry's names or `last_modified`. Then the rows of those
        # ids only, with everything they show (visibility applies in both queries).
        found = self.filter_queryset(self.findable(request.user))
        ids = [entry["id"] for entry in self.paginate_queryset(found.values("id"))]
        page = self.page_of(request.user, ids)
        self.delivered = [field(entry, "id") for entry in page]
        response = self.get_paginated_response(self.get_serializer(page, many=True).data)
        since = modified_after(request)
        if since and not request.query_params.get("cursor"):
            found = changes.tombstones(self.model, request.user, since)
            response.data["tombstones"] = serializers.TombstoneSerializer(found, many=True).data
        self.last_modified = max((field(entry, "last_modified") for entry in page), default=None)
        return response

    def shown(self, user):
        """The entries `user` may see as the serializer reads them (see `rows`)."""
        return self.rows(self.entries(user))

    def complete(self, entries):
        """`entries` as `shown` read them, with what the database left to Python."""
        return entries

    def page_of(self, user, ids):
        """The entries of `ids` that `user` may see, as `shown`, by id."""
        return self.complete(
            list(self.shown(user).filter(pk__in=ids).order_by("id")) if ids else []
        )

    def retrieve(self, request, *args, **kwargs):
        found = generics.get_object_or_404(self.shown(request.user), pk=kwargs["pk"])
        entry = self.complete([found])[0]
        self.delivered = [field(entry, "id")]
        self.last_modified = field(entry, "last_modified")
        return Response(self.get_serializer(entry).data)


def field(entry, name):
    """A field of a model instance or of a `.values()` row."""
    return entry[name] if isinstance(entry, dict) else getattr(entry, name)


@schema.entry_endpoint(schema.ORGANISATION_FILTERS)
class OrganisationViewSet(EntryViewSet):
    """Civil-society organisations (HSDS organization). The public sees public profiles."""

    model = Organisation
    filterset_class = OrganisationFilter
    serializer_class = serializers.OrganisationSerializer

    def entries(self, user):
        return (
            super()
            .entries(user)
            .select_related("land")
            .with_names("topics", "regions", "languages")
        )

    def shows(self):
        return [
            changes.linked(Organisation, "topics"),
            changes.linked(Organisation, "regions"),
            changes.linked(Organisation, "languages"),
            changes.related("land", Region),
        ]


def nearest_visible_superior():
    """SQL: the nearest superior unit with a public profile (a unit's ancestors are the units
    whose lineage its lineage contains)."""
    ancestors = (
        PoliceUnit.objects.filter(is_public=True, lineage__contained_by=OuterRef("lineage"))
        .exclude(pk=OuterRef("pk"))
        .order_by(Func(F("lineage"), function="cardinality").desc())
    )
    return Subquery(ancestors.values("pk")[:1])


@schema.entry_endpoint(schema.POLICE_FILTERS)
class PoliceUnitViewSet(EntryViewSet):
    """Police units, a tree (`parent_id`, `path`). Units the caller may not see are never named:
    for the public, `path` and `parent_id` skip superior units without a public profile."""

    model = PoliceUnit
    filterset_class = PoliceUnitFilter
    serializer_class = serializers.PoliceUnitSerializer

    def entries(self, user):
        queryset = super().entries(user).select_related("land", "jurisdiction").with_names("topics")
        if role_of(user) >= Role.MEMBER:
            return queryset.annotate(shown_parent_id=F("parent_id"))
        return queryset.annotate(shown_parent_id=nearest_visible_superior())

    def shows(self):
        return [
            changes.superiors(),
            changes.linked(PoliceUnit, "topics"),
            changes.related("land", Region),
            changes.related("jurisdiction", Region),
        ]


@schema.entry_endpoint(schema.CONTACT_FILTERS)
class ContactViewSet(EntryViewSet):
    """Contact persons and team mailboxes (HSDS contact) of organisations and police units, as
    far as their visibility reaches the caller: the public sees only contacts marked public, of
    public profiles."""

    model = ContactPerson
    filterset_class = ContactFilter
    serializer_class = serializers.ContactSerializer
    # Not `q` (the search reads the words in the data), `review` (today's date) or the
    # chosen organisation, agreement or unit (what the caller may see of them).
    filters_by_reference = frozenset(
        [
            "topic", "region", "language", "affiliation", "organisation_kind", "mailboxes",
            "visibility", "per_page",
        ]
    )  # fmt: skip

    # A page's rows per role, from SQL compiled once (rows.RowsById): the same SQL for every
    # caller of a role (the contacts' visibility and the police path they read are the
    # role's, see ContactPersonQuerySet.visible_to), and building and compiling it
    # (`last_modified` over five tables, the names) cost more than the database takes.
    rows_by_role = {}
    # Topics and languages: their names and `last_modified` from their ids in the row and the
    # two small tables, read once per page (rows.LinkedItems), not from subqueries per contact.
    linked = LinkedItems(ContactPerson, "topics", "languages")

    def entries(self, user):
        """As EntryViewSet.entries, with the ids of the linked items in place of their names,
        and `last_modified` without them (see `complete`)."""
        return (
            self.model.objects.visible_to(user)
            .defer("search_vector")
            .annotate(
                last_modified=changes.last_modified(self.shows_in_row()),
                **self.linked.columns,
            )
        )

    def complete(self, entries):
        return self.linked.complete(entries)

    def findable(self, user):
        # Without the units' paths: for members and above, the ids of a filtered page come
        # from one index (contact_filter_cover) without reading a row.
        return self.model.objects.visible_to(user, unit_paths=False)

    def page_of(self, user, ids):
        role = role_of(user)
        if role not in self.rows_by_role:
            self.rows_by_role[role] = RowsById(self.shown(user))
        # The linked items' rows in the same round trip as the page's.
        rows, items = self.rows_by_role[role].with_also(ids, also=self.linked.sql)
        return self.linked.complete(rows, items)

    def shows_in_row(self):
        return [
            changes.related("organisation", Organisation),
            changes.superiors("police_unit__"),
        ]

    def shows(self):
        return [
            *self.shows_in_row(),
            changes.linked(ContactPerson, "topics"),
            changes.linked(ContactPerson, "languages"),
        ]


@schema.entry_endpoint(schema.AGREEMENT_FILTERS)
class AgreementViewSet(EntryViewSet):
    """Cooperation agreements with the parties the caller may see. The public sees public
    agreements."""

    model = Agreement
    filterset_class = AgreementFilter
    serializer_class = serializers.AgreementSerializer

    def entries(self, user):
        return super().entries(user).with_party_entries(user)

    def shows(self):
        """Topics, and the parties' names: their organisations and police units' paths."""
        return [changes.linked(Agreement, "topics"), parties_shown(AgreementParty, "agreement")]


@schema.entry_endpoint(schema.PROJECT_FILTERS)
class ProjectViewSet(EntryViewSet):
    """Cooperation projects with the sponsors and partners the caller may see. The public sees
    public projects."""

    model = Project
    filterset_class = ProjectFilter
    serializer_class = serializers.ProjectSerializer

    def entries(self, user):
        return super().entries(user).with_parties(user)

    def shows(self):
        """Topics, regions, and the parties' names (as AgreementViewSet.shows)."""
        return [
            changes.linked(Project, "topics"),
            changes.linked(Project, "regions"),
            parties_shown(ProjectParty, "project"),
        ]


@schema.entry_endpoint(schema.EVENT_FILTERS)
class EventViewSet(EntryViewSet):
    """Events of the office and the network: what, when, where, by whom. Never who was invited,
    registered or came. The public sees public announcements."""

    model = Event
    filterset_class = EventFilter
    serializer_class = serializers.EventSerializer

    def entries(self, user):
        organisations = Organisation.objects.visible_to(user).filter(
            organised_events=OuterRef("pk")
        )
        units = PoliceUnit.objects.visible_to(user).filter(organised_events=OuterRef("pk"))
        return (
            super()
            .entries(user)
            .select_related("format", "series", "region")
            .with_topic_names()
            .annotate(
                organiser_names=Func(
                    ArraySubquery(organisations.order_by("name").values("name")),
                    ArraySubquery(units.order_by("shown_path").values("shown_path")),
                    function="array_cat",
                )
            )
        )

    def shows(self):
        return [
            changes.related("format", Format),
            changes.related("series", Series),
            changes.related("region", Region),
            changes.linked(Event, "topics"),
            changes.linked(Event, "organisations"),
            organising_units_shown(),
        ]


def organising_units_shown():
    """The paths of an event's organising police units: each unit and its superior units (as
    changes.superiors, for units linked many-to-many)."""
    links = Event.police_units.through.objects
    organising = PoliceUnit.objects.filter(organised_events=OuterRef(OuterRef("pk")))
    in_paths = organising.annotate(unit=Func(F("lineage"), function="unnest")).values("unit")

    def changed_after(since):
        changed_units = ArraySubquery(changes.changed(PoliceUnit, since))
        below = PoliceUnit.objects.filter(lineage__overlap=changed_units)
        return Q(pk__in=links.filter(policeunit__in=below.values("pk")).values("event"))

    return changes.Shown(
        newest=changes.newest(PoliceUnit.objects.filter(pk__in=in_paths)),
        changed_after=changed_after,
    )


def parties_shown(party_model, entry_field):
    """The names of an agreement's or project's parties: their organisations and police units'
    paths (changes.Shown)."""
    parties = party_model.objects.filter(**{entry_field: OuterRef("pk")})
    organisations = changes.related("organisation", Organisation)
    units = changes.superiors("police_unit__")

    def parties_changed_after(since):
        changed = party_model.objects.filter(
            organisations.changed_after(since) | units.changed_after(since)
        )
        return Q(pk__in=changed.values(entry_field))

    return changes.Shown(
        newest=Greatest(
            changes.newest(parties, "organisation__updated_at"),
            changes.newest(parties.annotate(unit=units.newest), "unit"),
        ),
        changed_after=parties_changed_after,
    )


class ReferenceViewSet(ApiView, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Topics, regions and languages: the ids the filters take. Public, small, unpaginated."""

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        self.delivered = response.data
        return response


@schema.reference_endpoint
class TopicViewSet(ReferenceViewSet):
    """Topics: the ids the `topic` filter takes."""

    queryset = Topic.objects.order_by("name")
    serializer_class = serializers.ReferenceSerializer


@schema.reference_endpoint
class RegionViewSet(ReferenceViewSet):
    """Regions (Land > Kreis / city > Bezirk): the ids the `region` filter takes."""

    queryset = Region.objects.order_by("name")
    serializer_class = serializers.RegionSerializer


@schema.reference_endpoint
class LanguageViewSet(ReferenceViewSet):
    """Languages: the ids the `language` filter takes."""

    queryset = Language.objects.order_by("name")
    serializer_class = serializers.LanguageSerializer
