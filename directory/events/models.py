"""Exchange formats and events: who is invited, who answered, who took part.

Visibility lives in the querysets (`visible_to`): the public sees public announcements, members
the members' events, the office everything; mediation (a staff-only format) never leaves the
office's views, whatever an event's own visibility says."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import Agreement
from directory.agreements.validators import validate_pdf
from directory.contacts.models import ContactPerson
from directory.core.dates import add_months
from directory.core.links import entry_url
from directory.core.models import Region, TimeStampedModel, Topic, linked_names, track_history
from directory.core.roles import Role, role_of
from directory.core.search import SearchableQuerySet, search_vector_field
from directory.core.storage import PrivateDocumentStorage
from directory.core.text import Fold
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from . import search_sql


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public announcement")
    MEMBERS = "members", _("Members")
    STAFF = "staff", _("Staff only")


VISIBLE_FROM = {
    Role.PUBLIC: [Visibility.PUBLIC],
    Role.MEMBER: [Visibility.PUBLIC, Visibility.MEMBERS],
    Role.COORDINATOR: [Visibility.PUBLIC, Visibility.MEMBERS],
    Role.CURATOR: [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.STAFF],
}


@track_history()
class Format(TimeStampedModel):
    """A kind of exchange format (Arbeitskreis, Fachtagung, ...), curated by the office."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    staff_only = models.BooleanField(
        _("staff only"),
        default=False,
        help_text=_("Events of this format are never shown outside the office (e.g. mediation)."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("exchange format")
        verbose_name_plural = _("exchange formats")
        triggers = search_sql.format_renamed()

    def __str__(self):
        return self.name


@track_history()
class Series(TimeStampedModel):
    """Events that belong together, such as the meetings of one Arbeitskreis."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("series")
        verbose_name_plural = _("series")
        triggers = search_sql.series_renamed()

    def __str__(self):
        return self.name


class EventQuerySet(SearchableQuerySet):
    search_name_field = "title"

    def visible_to(self, user):
        """Events whose visibility the user's role reaches; staff-only formats for the office
        only."""
        role = role_of(user)
        queryset = self.filter(visibility__in=VISIBLE_FROM[role])
        if role < Role.CURATOR:
            queryset = queryset.exclude(format__staff_only=True)
        return queryset

    def with_topic_names(self):
        """Each event with the sorted names of its topics (`topic_names`), in its own query."""
        return self.annotate(topic_names=linked_names(self.model, "topics"))

    def in_region(self, region_ids, serving=()):
        """Events held in one of the regions, or in a region around them (a Land-wide event
        serves its districts)."""
        return self.filter(region_id__in=[*region_ids, *serving])

    def upcoming(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))

    def past(self, now=None):
        now = now or timezone.now()
        return self.exclude(pk__in=self.upcoming(now).values("pk"))

    def organised_by(self, entry):
        """Events an organisation or a police unit organised."""
        if isinstance(entry, Organisation):
            return self.filter(organisations=entry)
        return self.filter(police_units=entry)


class DocumentStorage(PrivateDocumentStorage):
    """Event documents; links go through a permission check."""

    folder = "events"
    url_name = "events:document"


@track_history(exclude=["search_vector"])
class Event(TimeStampedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        INVITED = "invited", _("Invitations sent")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=250)
    format = models.ForeignKey(
        Format, verbose_name=_("format"), on_delete=models.PROTECT, related_name="exchange_events"
    )
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="exchange_events",
    )
    projects = models.ManyToManyField(
        "projects.Project",
        verbose_name=_("projects presented"),
        blank=True,
        related_name="presented_at",
        help_text=_("Cooperation projects this event presents (e.g. an exchange of experience)."),
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(
        _("place"), max_length=300, blank=True, help_text=_("Address, or leave empty online.")
    )
    online_url = models.URLField(_("online link"), blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="exchange_events"
    )
    organised_by_office = models.BooleanField(_("organised by the office"), default=True)
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organising organisations"),
        blank=True,
        related_name="organised_events",
    )
    police_units = models.ManyToManyField(
        PoliceUnit,
        verbose_name=_("organising police units"),
        blank=True,
        related_name="organised_events",
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("related agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exchange_events",
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PLANNED, db_index=True
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility,
        default=Visibility.MEMBERS,
        db_index=True,
        help_text=_("Events of a staff-only format are always staff only."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Places; further acceptances go to the waiting list. Empty: no limit."),
    )
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    public_registration = models.BooleanField(
        _("registration form on the public page"),
        default=False,
        help_text=_(
            "For public announcements: people and organisations not yet in the directory can "
            "register; registrations wait for a curator's decision."
        ),
    )
    # Maintained by database triggers (see search_sql.py); never edited.
    search_vector = search_vector_field()

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "title"]
        indexes = [
            GinIndex(fields=["search_vector"], name="event_search_gin"),
            GinIndex(OpClass(Fold("title"), name="gin_trgm_ops"), name="event_title_trgm"),
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        triggers = search_sql.document()
        constraints = [
            models.CheckConstraint(
                name="event_ends_after_start",
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                violation_error_message=_("The end cannot be before the start."),
            ),
            models.CheckConstraint(
                name="event_capacity_positive",
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                violation_error_message=_("The capacity is at least one place."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return entry_url("events:detail", self.pk)

    def save(self, *args, **kwargs):
        # Mediation and other staff-only formats: never announced, whatever was chosen.
        if self.format_id and Format.objects.filter(pk=self.format_id, staff_only=True).exists():
            self.visibility = Visibility.STAFF
        super().save(*args, **kwargs)

    @property
    def ends(self):
        return self.ends_at or self.starts_at

    @property
    def is_past(self):
        return self.ends < timezone.now()

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    def registration_open(self, today=None):
        """Answers are taken until the deadline (inclusive), and never after the start."""
        if self.status == self.Status.CANCELLED or self.has_started:
            return False
        today = today or timezone.localdate()
        return self.registration_deadline is None or today <= self.registration_deadline

    def accepted_count(self):
        """Places taken: accepted invitations, and registrations a curator accepted without
        linking them to a contact (a linked one holds its place as an invitation)."""
        return (
            self.invitations.filter(state=Invitation.State.ACCEPTED).count()
            + self.registrations.holding_a_place().count()
        )

    def takes_public_registrations(self):
        """The form on the public page is offered: a public announcement with public
        registration, open (see `registration_open`)."""
        return (
            self.public_registration
            and self.visibility == Visibility.PUBLIC
            and not self.format.staff_only
            and self.registration_open()
        )

    def is_full(self):
        return self.capacity is not None and self.accepted_count() >= self.capacity


class EventDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(
            visibility__in=VISIBLE_FROM[role_of(user)],
            event__in=Event.objects.visible_to(user),
        )


@track_history()
class EventDocument(TimeStampedModel):
    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        MINUTES = "minutes", _("Minutes")
        RESULTS = "results", _("Results")
        OTHER = "other", _("Other")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.AGENDA)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to="%Y/",
        storage=DocumentStorage,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("PDF only."),
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility,
        default=Visibility.MEMBERS,
        help_text=_("Who may download the document (never more than may see the event)."),
    )

    objects = EventDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("event document")
        verbose_name_plural = _("event documents")

    def __str__(self):
        return self.title


class InvitationQuerySet(models.QuerySet):
    def of_visible_contacts(self, user):
        """Invitations of contacts `user` may see: no one learns of a hidden contact here."""
        return self.filter(contact__in=ContactPerson.objects.visible_to(user).values("pk"))

    def counts(self):
        """{state: n, ...} and {attendance: n, ...} in one query each."""
        states = dict(self.order_by().values_list("state").annotate(n=Count("pk")))
        attendance = dict(
            self.exclude(attendance="").order_by().values_list("attendance").annotate(n=Count("pk"))
        )
        return states, attendance

    def participants(self):
        """Who took part: marked as present, or, where no attendance was recorded, accepted."""
        return self.filter(
            Q(attendance=Invitation.Attendance.ATTENDED)
            | Q(attendance="", state=Invitation.State.ACCEPTED)
        )


@track_history()
class Invitation(TimeStampedModel):
    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        MAYBE = "maybe", _("Maybe")
        WAITING = "waiting", _("Waiting list")

    class Attendance(models.TextChoices):
        ATTENDED = "attended", _("Attended")
        EXCUSED = "excused", _("Excused")
        NO_SHOW = "no_show", _("Did not attend")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="invitations"
    )
    contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    state = models.CharField(
        _("answer"), max_length=10, choices=State, default=State.INVITED, db_index=True
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance, blank=True, default=""
    )
    note = models.TextField(_("note"), blank=True)
    sent_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True)
    send_error = models.CharField(_("sending failed"), max_length=1000, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    personal_data = {
        "fields": ["answered_at", "attendance", "note", "send_error"],
        "purpose": _("Invitations to exchange formats and their attendance"),
        "basis": _("Consent (Art. 6(1)(a)) or public function (Art. 6(1)(e) DSGVO)"),
        "recipients": _("Coordinators who may see the contact; the office"),
        "retention": _(
            "Erased with the contact person; NETZPOL_EVENT_RETENTION_MONTHS after the event, "
            "invitations without participation are deleted and notes erased"
        ),
        "of_contact": lambda contact: Q(contact=contact),
    }

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "contact"],
                name="invitation_unique_contact_per_event",
                violation_error_message=_("This contact person is already invited."),
            ),
        ]

    def __str__(self):
        return f"{self.contact} – {self.event}"


# --- registrations through the public page (registration.py) ------------------------------


def registrations_of(contact):
    """The registrations of a contact person: linked to their entry, or sent from their own
    address. Not from a shared one (a functional mailbox's, or one that other contacts have
    too): matching it would take other people's registrations along."""
    condition = Q(contact=contact)
    if (
        contact.email
        and not contact.is_functional
        and not ContactPerson.objects.filter(email__iexact=contact.email)
        .exclude(pk=contact.pk)
        .exists()
    ):
        condition |= Q(email__iexact=contact.email)
    return condition


class RegistrationQuerySet(models.QuerySet):
    def holding_a_place(self):
        """Accepted by a curator, without an invitation of its own (see Event.accepted_count)."""
        return self.filter(status=Registration.Status.ACCEPTED, invitation__isnull=True)

    def past_retention(self, today=None):
        """Registrations of events that ended NETZPOL_REGISTRATION_RETENTION_MONTHS ago."""
        today = today or timezone.localdate()
        limit = add_months(today, -settings.NETZPOL_REGISTRATION_RETENTION_MONTHS)
        return self.alias(event_ends=Coalesce("event__ends_at", "event__starts_at")).filter(
            event_ends__date__lt=limit
        )


class Registration(models.Model):
    """Someone, usually not yet in the directory, registered through an event's public page.
    Nothing of it is shown or counted until a curator accepts it; accepted and linked to a
    contact person, it becomes that contact's invitation; accepted without, it holds a place
    itself."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("accepted")
        WAITING = "waiting", _("accepted, on the waiting list")
        DECLINED = "declined", _("declined")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    organisation_name = models.CharField(_("organisation or police unit"), max_length=200)
    function = models.CharField(_("role or function"), max_length=160, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    note = models.TextField(_("note"), blank=True)
    consent_text = models.TextField(_("consent given"), editable=False)
    consent_at = models.DateTimeField(_("consent given at"), editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.NEW, db_index=True
    )
    # A guest's attendance, recorded with the invitees' (a linked one is its invitation's).
    attendance = models.CharField(
        _("attendance"),
        max_length=10,
        choices=Invitation.Attendance,
        blank=True,
        default="",
    )
    contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person in the directory"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        help_text=_(
            "Set when the address is a listed contact person's; acceptance then invites that "
            "contact. Remove it if it is not the same person."
        ),
    )
    invitation = models.OneToOneField(
        Invitation,
        verbose_name=_("invitation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="registration",
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = RegistrationQuerySet.as_manager()

    personal_data = {
        "fields": [
            "first_name",
            "last_name",
            "organisation_name",
            "function",
            "email",
            "phone",
            "note",
            "attendance",
        ],
        "purpose": _("Registrations for public events through the registration form"),
        "basis": _("Consent given with the registration (Art. 6(1)(a) DSGVO)"),
        "recipients": _("The office; once accepted, the event's coordinators"),
        "retention": _("Deleted NETZPOL_REGISTRATION_RETENTION_MONTHS after the event"),
        "of_contact": registrations_of,
    }

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return f"{self.full_name} – {self.event}"

    @property
    def full_name(self):
        return " ".join(part for part in (self.first_name, self.last_name) if part)


# --- personal calendar feeds (feeds.py) -----------------------------------------------------


class CalendarFeed(models.Model):
    """A member's secret calendar URL. Only a SHA-256 hash of its token is stored (as for API
    tokens): the URL is shown once, when it is made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    prefix = models.CharField(_("begins with"), max_length=16, editable=False)
    secret_hash = models.CharField(_("hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return f"{self.user} ({self.prefix}…)"

    @property
    def is_revoked(self):
        return self.revoked_at is not None


# --- Search index triggers on the tables an event's document reads -----------------------------
# As in projects: a proxy stands for a table of another app or a link table Django makes (the
# formats' and series' triggers are declared on them above).


class EventSearchTopicLink(Event.topics.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class EventSearchOrganisationLink(Event.organisations.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class EventSearchPoliceUnitLink(Event.police_units.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class EventSearchTopic(Topic):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.topic_renamed()


class EventSearchRegion(Region):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.region_changed()


class EventSearchOrganisation(Organisation):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.organisation_changed()


class EventSearchPoliceUnit(PoliceUnit):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.police_unit_changed()
