import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Beside contacts, not above: agreements imports no contacts (the "partners" filter).
from directory.agreements.models import Agreement, AgreementParty
from directory.core.listing import (
    AnyOfFilter,
    DirectoryFilterSet,
    MultipleChoices,
    SortFilter,
)
from directory.core.models import Language, Topic
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from .models import ContactPerson, Visibility

# More chosen entries than this in one URL are not an invitation list but a probe.
MAX_CHOSEN = 50


class ChosenEntries(django_filters.ModelMultipleChoiceFilter):
    """Contacts of entries chosen by id (`?organisation=12&organisation=14`), as an entry's
    page links them. Only the chosen entries are read, as the user may see them (see
    ContactFilter.__init__), so the form offers them to untick however large the directory
    is; an id the user may not see is an invalid choice, named by its number only."""

    def __init__(self, *args, model, **kwargs):
        self.entries = model
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        # No queryset until entries are chosen (`load_chosen`); unchosen, the filter is not in
        # the form. None, not `none()`: every filter set copies its filters, a queryset deeply.
        super().__init__(*args, queryset=None, **kwargs)

    def load_chosen(self, values, user):
        ids = [int(v) for v in values[:MAX_CHOSEN] if v.isascii() and v.isdigit() and len(v) < 19]
        self.queryset = self.entries.objects.visible_to(user).filter(pk__in=ids)


class InheritedTopics(AnyOfFilter):
    """Contacts with any of the chosen topics, their own or their affiliation's: a contact
    without topics of its own at a unit or organisation for antisemitism is found by it."""

    def filter(self, qs, value):
        return qs.with_topics(value) if value else qs


class OwnLanguages(AnyOfFilter):
    """Contacts speaking any of the chosen languages, by their stored `language_ids`: the same
    contacts as the link table says, without a lookup in it for every row."""

    def filter(self, qs, value):
        return qs.with_languages(value) if value else qs


class ContactFilter(DirectoryFilterSet):
    topic = InheritedTopics(
        field_name="topics",
        items=Topic,
        label=_("Topics (any of)"),
        help_text=_("Includes contacts whose organisation or police unit has the topic."),
    )
    affiliation = django_filters.ChoiceFilter(
        label=_("Works for"),
        empty_label=_("Organisations and police"),
        choices=[("organisation", _("an organisation")), ("police", _("the police"))],
        method="filter_affiliation",
    )
    organisation_kind = MultipleChoices(
        choices=Organisation.Kind.choices,
        label=_("Kind of organisation"),
        method="filter_organisation_kind",
    )
    language = OwnLanguages(field_name="languages", items=Language, label=_("Languages (any of)"))
    mailboxes = django_filters.ChoiceFilter(
        label=_("Team mailboxes"),
        empty_label=_("Persons and team mailboxes"),
        choices=[("persons", _("Persons only")), ("only", _("Team mailboxes only"))],
        method="filter_mailboxes",
    )
    organisation = ChosenEntries(
        model=Organisation, label=_("Organisation"), method="filter_organisation"
    )
    agreement = ChosenEntries(
        model=Agreement, label=_("Partners of the agreement"), method="filter_agreement"
    )
    police_unit = ChosenEntries(
        model=PoliceUnit, label=_("Police unit and its subunits"), method="filter_police_unit"
    )
    visibility = MultipleChoices(choices=Visibility.choices, label=_("Visibility"))
    sort = SortFilter(
        empty_label=_("Relevance / name"),
        orders={
            "name": (_("Name"), [ContactPerson.sort_name(), "first_name"]),
            "function": (_("Function"), ["function", ContactPerson.sort_name()]),
            "updated": (_("Last changed"), ["updated_at"]),
        },
    )

    staff_filters = ["review", "visibility"]
    form_order = [
        "organisation", "agreement", "police_unit", "q", "topic", "region", "affiliation",
        "organisation_kind", "language", "mailboxes",
    ]  # fmt: skip
    # Team mailboxes (no last name) among the persons by their title, not all before them.
    default_ordering = [ContactPerson.sort_name(), "first_name"]

    class Meta:
        model = ContactPerson
        fields = []

    def in_region(self, queryset, pk, within, serving):
        # A contact within the region holds its negative id (filter_sql.py): the region alone
        # finds them, two index entries instead of two per Kreis and Bezirk.
        return queryset.in_region([pk], serving=serving)

    def __init__(self, data=None, *args, request=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        user = request.user if request else None
        for name in ("organisation", "agreement", "police_unit"):
            values = data.getlist(name) if data is not None and hasattr(data, "getlist") else []
            values = [v for v in values if v]
            if values:
                self.filters[name].load_chosen(values, user)
            else:
                # Not chosen: not in the form (an entry's page links here with it chosen).
                self.filters.pop(name)
        self.user = user

    def filter_affiliation(self, queryset, name, value):
        field = "organisation" if value == "organisation" else "police_unit"
        return queryset.filter(**{f"{field}__isnull": False})

    def filter_organisation_kind(self, queryset, name, value):
        return queryset.filter(organisation__kind__in=value) if value else queryset

    def filter_mailboxes(self, queryset, name, value):
        # A team mailbox has a functional title instead of a last name.
        if value == "persons":
            return queryset.exclude(last_name="")
        return queryset.filter(last_name="")

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(organisation__in=[o.pk for o in value]) if value else queryset

    def filter_police_unit(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(police_unit__lineage__overlap=[u.pk for u in value])

    def filter_agreement(self, queryset, name, value):
        """Contacts of the parties the user may see: of a party organisation, or of a party
        police unit or any unit below it (a headquarters signs for its units)."""
        if not value:
            return queryset
        parties = AgreementParty.objects.visible_to(self.user).filter(
            agreement__in=[a.pk for a in value]
        )
        units = list(parties.exclude(police_unit=None).values_list("police_unit_id", flat=True))
        return queryset.filter(
            Q(organisation__in=parties.exclude(organisation=None).values("organisation_id"))
            | Q(police_unit__lineage__overlap=units)
        )
