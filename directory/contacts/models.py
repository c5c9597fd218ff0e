import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Value, Window
from django.db.models.functions import Coalesce, Lower, NullIf, RowNumber
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from directory.core.dates import add_months
from directory.core.links import entry_url
from directory.core.models import (
    CuratedModel,
    CuratedQuerySet,
    Language,
    Region,
    Topic,
    track_history,
)
from directory.core.roles import Role, role_of
from directory.core.search import SearchableQuerySet, search_vector_field
from directory.core.sorting import german_ordering
from directory.core.text import Fold
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from . import filter_sql, letters, search_sql

# What an anonymised contact is called (see reviews.services.anonymise).
ANONYMOUS_TITLE = "Anonymisierter Eintrag"


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members")
    STAFF = "staff", _("Staff only")


class FormOfAddress(models.TextChoices):
    FRAU = "frau", _("Ms")
    HERR = "herr", _("Mr")
    NEUTRAL = "", _("neutral (none)")


class ConsentBasis(models.TextChoices):
    WRITTEN = "written", _("Consent in writing")
    EMAIL = "email", _("Consent by email")
    VERBAL = "verbal", _("Consent given verbally")
    OFFICIAL_FUNCTION = "official", _("Official function address (public body)")


VISIBLE_FROM = {
    Role.PUBLIC: [Visibility.PUBLIC],
    Role.MEMBER: [Visibility.PUBLIC, Visibility.MEMBERS],
    Role.COORDINATOR: [Visibility.PUBLIC, Visibility.MEMBERS],
    Role.CURATOR: [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.STAFF],
}


# Maintained by the database (search_sql.py, filter_sql.py), never edited: no history, no
# subject access report.
COMPUTED_FIELDS = [
    "search_vector", "region_ids", "topic_ids", "language_ids", "name_key", "first_name_key",
]  # fmt: skip

# The police unit's path chosen for the viewer, computed in the contacts' own query.
UNIT_PATH = "police_unit_shown_path"


def past_retention_condition(today=None):
    """The condition of `ContactPersonQuerySet.past_retention`."""
    limit = add_months(today or timezone.localdate(), -settings.NETZPOL_RETENTION_MONTHS)
    # Created before that day began here: the same as a creation date before it, without
    # converting every row's time to a date.
    created_before = timezone.make_aware(datetime.datetime.combine(limit, datetime.time.min))
    return (
        Q(verified_on__lt=limit) | Q(verified_on__isnull=True, created_at__lt=created_before)
    ) & ~Q(last_name="", functional_title=ANONYMOUS_TITLE)


class ContactPersonIterable(ModelIterable):
    """Contacts whose loaded police unit is named with the path their queryset chose (see
    `ContactPersonQuerySet.visible_to`): `str(unit)` reads `shown_path`."""

    def __iter__(self):
        for contact in super().__iter__():
            path = getattr(contact, UNIT_PATH, None)
            if path is not None and ContactPerson.police_unit.is_cached(contact):
                contact.police_unit.shown_path = path
            yield contact


class ContactPersonQuerySet(CuratedQuerySet, SearchableQuerySet):
    search_name_field = "last_name"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._iterable_class = ContactPersonIterable

    def visible_to(self, user, *, unit_paths=True):
        """Contacts whose visibility the user's role reaches; for the public, only public
        contacts of public profiles (never a contact of an organisation nobody may see).
        A police unit loaded with them is named with the path `user` may read (every superior
        unit for members and above, only the public ones otherwise); not with `unit_paths`
        off, for a query that reads no names (a page's ids): the path's join would keep the
        database from finding them in an index alone."""
        role = role_of(user)
        queryset = self.filter(visibility__in=VISIBLE_FROM[role])
        if role == Role.PUBLIC:
            queryset = queryset.filter(
                Q(organisation__is_public=True) | Q(police_unit__is_public=True)
            )
        if not unit_paths:
            return queryset
        return queryset._unit_named_by(PoliceUnit.objects.path_field(user))

    def with_full_paths(self):
        """Contacts with their affiliation, a police unit named with every superior unit, for
        curation (admin, subject access), where all units are seen."""
        return self.select_related("organisation", "police_unit")._unit_named_by("path")

    def _unit_named_by(self, path_field):
        return self.annotate(**{UNIT_PATH: F(f"police_unit__{path_field}")})

    def in_region(self, region_ids, serving=()):
        """Contacts whose organisation or police unit is in one of the regions or within one, as
        Organisation.in_region and PoliceUnit.in_region say for the regions with those within
        them, by the stored `region_ids` (one GIN index lookup, see filter_sql.py)."""
        return self.filter(region_ids__overlap=filter_sql.region_keys(region_ids, serving))

    def with_topics(self, topic_ids, by_index=True):
        """Contacts with any of the topics, their own or their organisation's or police
        unit's, by the stored `topic_ids` (see filter_sql.py). Not `by_index`: tested on the
        rows the other conditions find (a search's words), where the planner would otherwise
        read every contact in the topic, a sixth of the directory, into a bitmap of its own."""
        ids = sorted({int(pk) for pk in topic_ids})
        if by_index:
            return self.filter(topic_ids__overlap=ids)
        return self.alias(row_topic_ids=filter_sql.RowValue("topic_ids")).filter(
            row_topic_ids__overlap=ids
        )

    def with_languages(self, language_ids):
        """Contacts speaking any of the languages (their own), by the stored `language_ids`
        (see filter_sql.py)."""
        return self.filter(language_ids__overlap=sorted({int(pk) for pk in language_ids}))

    def serving_whole(self, region_ids, serving):
        """`serves_all_of`: for a contact found only as its unit or organisation serves a whole
        region of `serving` (the city or Land around the chosen place), that region's name."""

        def whole(model, field):
            entries = model.objects.filter(pk=OuterRef(field)).serving_whole(region_ids, serving)
            return Subquery(entries.values("serves_all_of")[:1])

        return self.annotate(
            serves_all_of=Coalesce(
                whole(PoliceUnit, "police_unit_id"), whole(Organisation, "organisation_id")
            )
        )

    def past_retention(self, today=None):
        """Contacts nobody confirmed within the retention period (NETZPOL_RETENTION_MONTHS),
        not yet anonymised."""
        return self.filter(past_retention_condition(today))

    def with_details(self):
        """What a list of contacts shows (name, function, affiliation, channels, topics), in a
        constant number of queries."""
        return (
            self.select_related("organisation", "police_unit")
            .defer("organisation__search_vector", "police_unit__search_vector")
            .with_names("topics")
        )

    def alphabetical(self):
        """By name in German order (see core.sorting): a team mailbox by its title, among the
        persons, not before them."""
        return self.order_by(
            *german_ordering(self, [ContactPerson.sort_name(), "first_name"]), "pk"
        )

    def one_per_email(self):
        """Each email address once (ignoring case), for invitations: of the contacts sharing
        an address, the first in this queryset's order; contacts without one all stay."""
        firsts = (
            self.exclude(email="")
            .annotate(
                email_rank=Window(
                    RowNumber(), partition_by=Lower("email"), order_by=[*self.query.order_by, "pk"]
                )
            )
            .filter(email_rank=1)
            .values("pk")
        )
        return self.filter(Q(email="") | Q(pk__in=firsts))


@track_history(exclude=COMPUTED_FIELDS)
class ContactPerson(CuratedModel):
    # Annotated by `serving_whole()` on a list filtered by a place: the whole region (a city, a
    # Land) the entry serves. None on every other page, which asks for it all the same: a
    # missing attribute costs the template engine a failed lookup and a dir() of the entry.
    serves_all_of = None

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
    )
    police_unit = models.ForeignKey(
        PoliceUnit,
        verbose_name=_("police unit"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
    )
    form_of_address = models.CharField(
        _("form of address"),
        max_length=10,
        choices=FormOfAddress,
        blank=True,
        help_text=_("How a letter addresses the person; neutral writes “Guten Tag” and the name."),
    )
    title = models.CharField(
        _("academic title"),
        max_length=40,
        blank=True,
        help_text=_("E.g. “Dr.” or “Prof. Dr.”."),
    )
    first_name = models.CharField(_("first name"), max_length=80, blank=True)
    last_name = models.CharField(_("last name"), max_length=80, blank=True, db_index=True)
    functional_title = models.CharField(
        _("functional title"),
        max_length=160,
        blank=True,
        help_text=_("For a team or function mailbox, e.g. “Ansprechstelle LSBTI*”."),
    )
    function = models.CharField(_("function"), max_length=160, blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="contacts"
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages"), blank=True, related_name="contacts"
    )
    email = models.EmailField(_("email"), blank=True)
    email_secondary = models.EmailField(_("further email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    mobile = models.CharField(_("mobile"), max_length=40, blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility,
        default=Visibility.STAFF,
        # No index of its own: public and members' contacts are two thirds of all, so the
        # lists find their rows by their filters' indexes and test visibility on each row.
        help_text=_("Who may see this contact's data. Members and public need a legal basis."),
    )
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_basis = models.CharField(
        _("consent / legal basis"), max_length=10, choices=ConsentBasis, blank=True
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    staff_notes = models.TextField(_("notes (staff only)"), blank=True)
    # Maintained by database triggers (see search_sql.py); never edited. Staff notes and
    # channels are not indexed, so no search can reveal them.
    search_vector = search_vector_field()
    # Maintained by a database trigger (see filter_sql.py) for the region, topic and language
    # filters; never edited.
    region_ids = ArrayField(
        models.BigIntegerField(),
        verbose_name=_("regions (for filters, computed)"),
        default=list,
        editable=False,
    )
    topic_ids = ArrayField(
        models.BigIntegerField(),
        verbose_name=_("topics (for filters, computed)"),
        default=list,
        editable=False,
    )
    language_ids = ArrayField(
        models.BigIntegerField(),
        verbose_name=_("languages (for filters, computed)"),
        default=list,
        editable=False,
    )
    # The same trigger's German sort keys (core.sorting), used by `german_keys`.
    name_key = models.TextField(_("name (for sorting, computed)"), default="", editable=False)
    first_name_key = models.TextField(
        _("first name (for sorting, computed)"), default="", editable=False
    )

    objects = ContactPersonQuerySet.as_manager()

    # For the record of processing activities (Art. 30 DSGVO, privacy app).
    personal_data = {
        "fields": [
            "form_of_address", "title", "first_name", "last_name", "function", "email",
            "email_secondary", "phone", "mobile", "consent_given_on", "consent_basis",
            "staff_notes",
        ],
        "purpose": _("Contact between civil society and police against group-focused enmity"),
        "basis": _("Consent (Art. 6(1)(a)) or public function (Art. 6(1)(e) DSGVO)"),
        "recipients": _("Vetted members and coordinators, by the entry's visibility; the office"),
        "retention": _("Anonymised when not confirmed within NETZPOL_RETENTION_MONTHS"),
        # Erasure (retention, removal, Art. 17) empties the fields above in the entry and its
        # history (core.personal_data); the entry stays, marked, visible to the office only.
        "of_contact": lambda contact: Q(pk=contact.pk),
        "erased_as": {
            "functional_title": ANONYMOUS_TITLE,
            "visibility": Visibility.STAFF,
            "consent_recorded_by": None,
        },
    }  # fmt: skip

    class Meta:
        ordering = ["last_name", "first_name", "functional_title"]
        indexes = [
            GinIndex(fields=["search_vector"], name="contact_search_gin"),
            GinIndex(
                OpClass(Fold("last_name"), name="gin_trgm_ops"), name="contact_last_name_trgm"
            ),
            # Filters combined (topic AND region AND language): one scan that meets the three
            # conditions inside the index, instead of a bitmap from each index ANDed after. A
            # multicolumn GIN index serves any one of its columns as well as its own would.
            GinIndex(
                fields=["topic_ids", "region_ids", "language_ids"],
                name="contact_filter_arrays_gin",
            ),
            # No second one without the staff-only contacts (contacts.0018, dropped in 0020):
            # the planner read all of it as a visibility bitmap for a search's broad words.
            # The figures (directory.network) count contacts by affiliation, visibility and
            # review date from this index alone, without reading the wide rows.
            models.Index(
                fields=["organisation", "police_unit"],
                include=["id", "visibility", "review_due"],
                name="contact_affiliation_cover",
            ),
            # A filtered list in id order (the API's pages): its ids from this index alone,
            # the filters tested on the index's rows, without reading the wide rows.
            models.Index(
                fields=["id"],
                include=["visibility", "topic_ids", "region_ids", "language_ids"],
                name="contact_filter_cover",
            ),
            # The curators' overview (reviews.dashboard) counts contacts by review state,
            # change and retention in one pass over this index, without reading the wide rows.
            models.Index(
                fields=["review_due"],
                include=[
                    "id",
                    "verified_on",
                    "updated_at",
                    "created_at",
                    "last_name",
                    "functional_title",
                ],
                name="contact_review_cover",
            ),
        ]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        triggers = [*search_sql.document(), *filter_sql.arrays()]
        constraints = [
            models.CheckConstraint(
                name="contact_exactly_one_affiliation",
                condition=Q(organisation__isnull=False, police_unit__isnull=True)
                | Q(organisation__isnull=True, police_unit__isnull=False),
                violation_error_message=_(
                    "A contact person belongs to exactly one organisation or one police unit."
                ),
            ),
            models.CheckConstraint(
                name="contact_named_or_functional",
                condition=~Q(last_name="") | ~Q(functional_title=""),
                violation_error_message=_(
                    "Enter a last name, or a functional title for a functional contact."
                ),
            ),
            models.CheckConstraint(
                name="contact_visible_only_with_legal_basis",
                condition=Q(visibility=Visibility.STAFF)
                | (Q(consent_given_on__isnull=False) & ~Q(consent_basis="")),
                violation_error_message=_(
                    "Record the consent or legal basis (date and kind) before making a contact "
                    "visible to members or the public."
                ),
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return entry_url("contacts:detail", self.pk)

    @staticmethod
    def sort_name():
        """Sort key: the last name, or the functional title of a functional contact."""
        return Lower(Coalesce(NullIf("last_name", Value("")), "functional_title"))

    @classmethod
    def german_keys(cls):
        """What core.sorting.german_ordering sorts by instead of working out a German key:
        (expression, the column that holds its key)."""
        return [(cls.sort_name(), "name_key"), (F("first_name"), "first_name_key")]

    @property
    def is_functional(self):
        return not self.last_name

    @property
    def display_name(self):
        if self.is_functional:
            return self.functional_title
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    @property
    def letter_salutation(self):
        """The opening of a letter to this contact in the active language: "Sehr geehrte Frau
        Dr. Yılmaz,", "Guten Tag Kim Weber,", for a team mailbox "Sehr geehrte Damen und
        Herren," (see letters.py; `letters.opening` takes another language)."""
        return letters.opening(self, get_language())

    @property
    def affiliation(self):
        return self.organisation or self.police_unit


# --- Search index triggers on the tables a contact's document reads -----------------------------
# pgtrigger declares triggers on models: a proxy stands for a table of another app and for a link
# table Django makes, so `makemigrations` notices a change to these triggers too.


class ContactSearchTopicLink(ContactPerson.topics.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class ContactSearchLanguageLink(ContactPerson.languages.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class ContactSearchTopic(Topic):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.topic_renamed()


class ContactSearchRegion(Region):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.region_renamed()


class ContactSearchOrganisationTopicLink(Organisation.topics.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.affiliation_linked("organisation_id", "organisation_id")


class ContactSearchOrganisationRegionLink(Organisation.regions.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.affiliation_linked("organisation_id", "organisation_id")


class ContactSearchPoliceUnitTopicLink(PoliceUnit.topics.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.affiliation_linked("policeunit_id", "police_unit_id")


class ContactSearchLanguage(Language):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.renamed("languages", "language_id")


class ContactSearchOrganisation(Organisation):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.organisation_changed()


class ContactSearchPoliceUnit(PoliceUnit):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.police_unit_changed()
