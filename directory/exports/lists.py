"""What each list exports: its page (so the export is exactly the filtered page), its columns
(a default set plus optional ones) and whether it makes vCards.

The list pages are found through their URLs: this app knows the entities' models, not their
views, and the lists do not know they can be exported (the link above a list comes from
`export_link`, registered in ExportsConfig.ready())."""

from dataclasses import dataclass, field

from django.contrib.postgres.aggregates import StringAgg
from django.db.models import Case, F, Func, OuterRef, Subquery, TextField, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.urls import resolve, reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import Agreement, AgreementParty
from directory.contacts import letters
from directory.contacts.models import ContactPerson, FormOfAddress
from directory.core.registry import ListLink
from directory.core.roles import Role, role_of
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project, ProjectParty

from .writers import Joined, Present, vcard_card, vcard_either, vcard_escaped, vcard_line


@dataclass(frozen=True)
class Column:
    """One exported column, computed by the database: rows are read with values_list or COPY,
    never as model instances. `source` is a field path, an expression, or a function of the
    request that returns one (for what depends on the language or the host)."""

    key: str
    label: str
    source: object
    default: bool = True

    def expression(self, request):
        source = self.source
        if callable(source) and not hasattr(source, "resolve_expression"):
            source = source(request)
        return F(source) if isinstance(source, str) else source


@dataclass(frozen=True)
class ExportList:
    key: str
    title: str
    list_url_name: str  # the list page, whose view filters the export
    columns: list = field(default_factory=list)
    # For lists that make vCards: function(request) -> the SQL of each entry's card, its
    # address in the directory and its REV (see contact_card and writers.vcards).
    card: object = None
    model_has_people: bool = False  # rows are contact persons (logged by id for DSGVO reports)

    @property
    def default_columns(self):
        return [c.key for c in self.columns if c.default]

    def list_url(self):
        return reverse(self.list_url_name)

    @property
    def view(self):
        """The list page's view class, as the URL configuration routes to it."""
        return resolve(self.list_url()).func.view_class


def joined(through, owner, name):
    """The names of an entry's linked items, comma-separated, as a correlated subquery."""
    return Subquery(
        through.objects.filter(**{owner: OuterRef("pk")})
        .values(owner)
        .annotate(names=StringAgg(name, ", ", order_by=name))
        .values("names")
    )


def label_of(field, choices, neutral=None):
    """The choice's label in the language of the request; the empty choice written as
    `neutral` if given (an empty Anrede cell is what a mail merge wants)."""

    def expression(request):
        labels = [
            When(**{field: value}, then=Value(str(label)))
            for value, label in choices.choices
            if not (neutral is not None and value == "")
        ]
        if neutral is not None:
            labels.append(When(**{field: ""}, then=Value(neutral)))
        return Case(*labels, default=F(field), output_field=TextField())

    return expression


class Lines(Func):
    """A multi-line text's non-empty lines, stripped, joined by ", " (Agreement.format_list in
    SQL, for exports the database writes)."""

    template = (
        "array_to_string(ARRAY(SELECT btrim(line, E' \\t') "
        "FROM regexp_split_to_table(%(expressions)s, E'[\\r\\n]+') AS line "
        "WHERE btrim(line, E' \\t') <> ''), ', ')"
    )
    output_field = TextField()


class UTCStamp(Func):
    """A timestamp as a vCard's REV writes it (UTC, to the second), as text."""

    template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    output_field = TextField()


def link_to(url_name):
    """The entry's absolute address in the directory."""

    def expression(request):
        marker = "2147483647"
        before, after = request.build_absolute_uri(reverse(url_name, args=[marker])).split(marker)
        pk = Cast("pk", TextField())
        return Concat(Value(before), pk, Value(after), output_field=TextField())

    return expression


def either(organisation_field, police_field):
    """A contact's affiliation detail: from its organisation or its police unit."""
    return Coalesce(
        f"organisation__{organisation_field}",
        f"police_unit__{police_field}",
        output_field=TextField(),
    )


def common_tail(detail_url_name):
    return [
        Column("verified_on", _("Last verified on"), "verified_on", default=False),
        Column("url", _("Link in the directory"), link_to(detail_url_name), default=False),
    ]


def address_line(text, street, postcode, city, land):
    """SQL: a card's work address, when it has a street or a city (else no line)."""
    parts = vcard_escaped(street, city, land, postcode, Value("Deutschland"), text=text)
    line = vcard_line("ADR;TYPE=WORK", Joined(Value(";;"), parts), optional=False)
    present = Present(street) | Present(city)
    return Case(When(present, then=line), default=Value(""), output_field=TextField())


def contact_card(request):
    """A contact person's card in SQL (see writers.vcards); a functional contact (a team
    mailbox) is a company card."""
    link = link_to("contacts:detail")(request)
    # A police unit named with the path the coordinator may read (as on the page).
    affiliation = Coalesce(
        "organisation__name",
        f"police_unit__{PoliceUnit.objects.path_field(request.user)}",
        output_field=TextField(),
    )
    # ContactPerson.display_name: the names there are, separated by spaces.
    display_name = Func(
        Value(" "),
        *(NullIf(name, Value("")) for name in ("title", "first_name", "last_name")),
        function="concat_ws",
        output_field=TextField(),
    )
    street, postcode, city, land = (
        either(field, field) for field in ("street", "postcode", "city", "land__name")
    )
    channels = ["function", "email", "email_secondary", "phone", "mobile"]

    def lines(text):
        person = [
            # Family name, given name, and three components left empty.
            vcard_line(
                "N",
                Joined(vcard_escaped("last_name", "first_name", text=text), Value(";;;")),
                optional=False,
            ),
            vcard_line("FN", vcard_escaped(display_name, text=text), optional=False),
            vcard_line("ORG", vcard_escaped(affiliation, text=text), optional=False),
        ]
        functional = [
            Value("N:;;;;\r\n"),
            vcard_line("FN", vcard_escaped("functional_title", text=text), optional=False),
            # How Apple and Google mark a company card in vCard 3.0 (KIND came with 4.0).
            Value("X-ABSHOWAS:COMPANY\r\n"),
            # The organisation, then the unit.
            vcard_line(
                "ORG", vcard_escaped(affiliation, "functional_title", text=text), optional=False
            ),
        ]
        return vcard_card(
            Case(
                # Not ContactPerson.is_functional.
                When(Present("last_name"), then=Joined(*person)),
                default=Joined(*functional),
                output_field=TextField(),
            ),
            vcard_line("TITLE", vcard_escaped("function", text=text)),
            vcard_line("EMAIL;TYPE=INTERNET,WORK", vcard_escaped("email", text=text)),
            vcard_line("EMAIL;TYPE=INTERNET,WORK", vcard_escaped("email_secondary", text=text)),
            vcard_line("TEL;TYPE=WORK,VOICE", vcard_escaped("phone", text=text)),
            vcard_line("TEL;TYPE=CELL", vcard_escaped("mobile", text=text)),
            address_line(text, street, postcode, city, land),
            vcard_line("URL", vcard_escaped(link, text=text), optional=False),
        )

    values = [
        "title", "first_name", "last_name", "functional_title", *channels, affiliation,
        street, postcode, city, land, link,
    ]  # fmt: skip
    return {"lines": vcard_either(lines, values), "link": link, "rev": UTCStamp("updated_at")}


def general_card(detail_url_name):
    """An organisation's or police unit's general contact as a company card, in SQL."""

    def card(request):
        link = link_to(detail_url_name)(request)
        website = Coalesce(NullIf("website", Value("")), link, output_field=TextField())

        def lines(text):
            return vcard_card(
                Value("N:;;;;\r\n"),
                vcard_line("FN", vcard_escaped("name", text=text), optional=False),
                Value("X-ABSHOWAS:COMPANY\r\n"),
                vcard_line("ORG", vcard_escaped("name", text=text), optional=False),
                vcard_line("EMAIL;TYPE=INTERNET,WORK", vcard_escaped("email", text=text)),
                vcard_line("TEL;TYPE=WORK,VOICE", vcard_escaped("phone", text=text)),
                address_line(text, "street", "postcode", "city", "land__name"),
                vcard_line("URL", vcard_escaped(website, text=text), optional=False),
            )

        values = ["name", "email", "phone", "street", "postcode", "city", "land__name", website]
        return {"lines": vcard_either(lines, values), "link": link, "rev": UTCStamp("updated_at")}

    return card


AGREEMENT_TOPICS = Agreement.topics.through


def topics_and_languages(model, owner):
    """Optional columns: the entry's topics and languages."""
    return [
        Column("topics", _("Topics"), joined(model.topics.through, owner, "topic__name"), False),
        Column(
            "languages",
            _("Languages"),
            joined(model.languages.through, owner, "language__name"),
            False,
        ),
    ]


LISTS = {
    "ansprechpersonen": ExportList(
        key="ansprechpersonen",
        title=_("Contact persons"),
        list_url_name="contacts:list",
        card=contact_card,
        model_has_people=True,
        columns=[
            Column(
                "form_of_address",
                _("Form of address"),
                label_of("form_of_address", FormOfAddress, neutral=""),
                default=False,
            ),
            Column("title", _("Academic title"), "title", default=False),
            Column("first_name", _("First name"), "first_name"),
            Column("last_name", _("Last name"), "last_name"),
            Column("functional_title", _("Functional title"), "functional_title"),
            Column("function", _("Function"), "function"),
            Column(
                "letter_salutation",
                _("Letter salutation"),
                lambda request: letters.opening_expression(get_language()),
                default=False,
            ),
            Column("affiliation", _("Organisation / police unit"), either("name", "path")),
            Column("email", _("Email"), "email"),
            Column("email_secondary", _("Further email"), "email_secondary", default=False),
            Column("phone", _("Phone"), "phone"),
            Column("mobile", _("Mobile"), "mobile"),
            Column("street", _("Street"), either("street", "street"), default=False),
            Column("postcode", _("Postcode"), either("postcode", "postcode"), default=False),
            Column("city", _("City"), either("city", "city")),
            *topics_and_languages(ContactPerson, "contactperson"),
            *common_tail("contacts:detail"),
        ],
    ),
    "organisationen": ExportList(
        key="organisationen",
        title=_("Organisations"),
        list_url_name="organisations:list",
        card=general_card("organisations:detail"),
        columns=[
            Column("name", _("Name"), "name"),
            Column("short_name", _("Short name"), "short_name"),
            Column("kind", _("Kind"), label_of("kind", Organisation.Kind)),
            Column(
                "legal_form",
                _("Legal form"),
                label_of("legal_form", Organisation.LegalForm),
                default=False,
            ),
            Column("street", _("Street"), "street"),
            Column("postcode", _("Postcode"), "postcode"),
            Column("city", _("City"), "city"),
            Column("land", _("Federal state"), "land__name"),
            Column("website", _("Website"), "website"),
            Column("email", _("Email"), "email"),
            Column("phone", _("Phone"), "phone"),
            *topics_and_languages(Organisation, "organisation"),
            *common_tail("organisations:detail"),
        ],
    ),
    "polizei": ExportList(
        key="polizei",
        title=_("Police units"),
        list_url_name="police:list",
        card=general_card("police:detail"),
        columns=[
            Column("path", _("Position in the hierarchy"), "path"),
            Column("name", _("Name"), "name"),
            Column("kind", _("Kind"), label_of("kind", PoliceUnit.Kind)),
            Column("level", _("Level"), label_of("level", PoliceUnit.Level), default=False),
            Column("jurisdiction", _("Jurisdiction"), "jurisdiction__name"),
            Column("street", _("Street"), "street"),
            Column("postcode", _("Postcode"), "postcode"),
            Column("city", _("City"), "city"),
            Column("website", _("Website"), "website", default=False),
            Column("email", _("Email"), "email"),
            Column("phone", _("Phone"), "phone"),
            *common_tail("police:detail"),
        ],
    ),
    "vereinbarungen": ExportList(
        key="vereinbarungen",
        title=_("Cooperation agreements"),
        list_url_name="agreements:list",
        columns=[
            Column("title", _("Title"), "title"),
            Column("status", _("Status"), label_of("status", Agreement.Status)),
            Column("signed_on", _("Signed on"), "signed_on"),
            Column("valid_from", _("Valid from"), "valid_from"),
            Column("valid_until", _("Valid until"), "valid_until"),
            Column(
                "parties",
                _("Parties"),
                lambda request: joined(
                    AgreementParty,
                    "agreement",
                    AgreementParty.name_expression(PoliceUnit.objects.path_field(request.user)),
                ),
            ),
            Column("topics", _("Topics"), joined(AGREEMENT_TOPICS, "agreement", "topic__name")),
            Column("goals", _("Goals"), "goals", default=False),
            Column("formats", _("Agreed formats"), Lines("formats"), default=False),
            *common_tail("agreements:detail"),
        ],
    ),
    "projekte": ExportList(
        key="projekte",
        title=_("Cooperation projects"),
        list_url_name="projects:list",
        columns=[
            Column("title", _("Title"), "title"),
            Column("status", _("Status"), label_of("status", Project.Status)),
            Column("starts_on", _("Starts on"), "starts_on"),
            Column("ends_on", _("Ends on"), "ends_on"),
            Column(
                "parties",
                _("Sponsors and partners"),
                lambda request: joined(
                    ProjectParty,
                    "project",
                    ProjectParty.name_expression(PoliceUnit.objects.path_field(request.user)),
                ),
            ),
            Column("funder", _("Funder"), "funder"),
            Column("funding_programme", _("Funding programme"), "funding_programme"),
            Column("amount", _("Funding amount (EUR)"), "amount", default=False),
            Column(
                "regions", _("Regions"), joined(Project.regions.through, "project", "region__name")
            ),
            Column("topics", _("Topics"), joined(Project.topics.through, "project", "topic__name")),
            Column("goals", _("Goals"), "goals", default=False),
            Column("links", _("Links"), Lines("links"), default=False),
            *common_tail("projects:detail"),
        ],
    ),
}


def export_link(view):
    """The link "Export this list" above an exportable list's results, for coordinators and
    above, with the list's current filters."""
    request = view.request
    match = request.resolver_match
    if match is None or role_of(request.user) < Role.COORDINATOR:
        return None
    export_list = next((e for e in LISTS.values() if e.list_url_name == match.view_name), None)
    if export_list is None:
        return None
    url = reverse("exports:export", args=[export_list.key])
    query = request.GET.urlencode()
    return ListLink("export-link", gettext("Export this list"), f"{url}?{query}" if query else url)
