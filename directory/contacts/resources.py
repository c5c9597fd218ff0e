import re

from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from directory.core.import_columns import choice, column, date, link, names, text
from directory.core.import_widgets import EntryWidget, cell_text, did_you_mean, quoted
from directory.core.imports import DirectoryResource, DuplicateHint, similar
from directory.core.models import Language, Topic
from directory.organisations.models import Organisation
from directory.police.resources import police_unit_widget

from .models import ConsentBasis, ContactPerson, FormOfAddress, Visibility

FORM_OF_ADDRESS = "Anrede"
TITLE = "Titel"
# "Frau Dr.", "Herrn Prof. Dr.": a form of address before the rest of an old Anrede cell.
LEADING_FORM = re.compile(r"^(frau|herrn?|mrs?|ms)\b\.?\s*(.*)$", re.IGNORECASE | re.DOTALL)
ACADEMIC = re.compile(r"\b(dr|prof|pd|dipl)\b", re.IGNORECASE)


def contact_duplicates(obj):
    same_email = Q(email__iexact=obj.email) if obj.email else Q(pk__in=[])
    near = similar(ContactPerson.objects.all(), "last_name", obj.last_name).filter(
        organisation_id=obj.organisation_id, police_unit_id=obj.police_unit_id
    )
    return ContactPerson.objects.filter(same_email | Q(pk__in=near.values("pk")))


def split_salutation(text):
    """An Anrede cell as older files filled it ("Dr.", "Frau Dr.") split into the form of
    address and the academic title; a cell without a title stays whole, for the choice column
    to accept or name as wrong."""
    match = LEADING_FORM.match(text)
    form, rest = (match.group(1), match.group(2).strip()) if match else ("", text)
    if form.lower() == "herrn":
        form = "Herr"
    if rest and ACADEMIC.search(rest):
        return form, rest
    return text if rest else form, ""


def organisation_widget():
    """An organisation by its name or short name."""
    return EntryWidget(
        Organisation, ["name", "short_name"], capfirst(Organisation._meta.verbose_name)
    )


class AffiliationField(fields.Field):
    """The export's one column for where a contact belongs: an organisation's name (or short
    name), else a police unit's path (or name)."""

    def __init__(self, column_name):
        super().__init__(attribute="affiliation", column_name=column_name)
        self.organisations = organisation_widget()
        self.police_units = police_unit_widget()

    def save(self, instance, row, is_m2m=False, **kwargs):
        text = cell_text(row[self.column_name])
        if not text:
            return  # the "Organisation" or "Polizeidienststelle" column may name it
        for widget in (self.organisations, self.police_units):
            found = widget.matches(text)
            if len(found) == 1:
                instance.organisation = found[0] if widget is self.organisations else None
                instance.police_unit = found[0] if widget is self.police_units else None
                return
            if found:
                widget.clean(text)  # raises: several entries have this name
        suggestions = self.organisations.suggestions(text) + self.police_units.suggestions(text)
        raise ValueError(
            _("%(name)s is neither an organisation nor a police unit in the directory.")
            % {"name": quoted(text)}
            + did_you_mean(suggestions[:3])
        )

    def export(self, instance, **kwargs):
        return str(instance.organisation or instance.police_unit or "")


class ContactPersonResource(DirectoryResource):
    """Column names as curators write them; the labels of the portal's export (German or
    English) are accepted too, so an export imports back as it is."""

    id = fields.Field(attribute="id", column_name="ID", widget=widgets.IntegerWidget())
    organisation = link("organisation", "Organisation", organisation_widget())
    police_unit = link("police_unit", "Polizeidienststelle", police_unit_widget())
    affiliation = column(
        AffiliationField("Organisation / Polizeidienststelle"),
        [gettext_lazy("Organisation / police unit")],
    )
    # Older files (and the portal's exports before the form of address) wrote academic titles
    # under "Anrede" or "Anrede / Titel": see derive_columns.
    form_of_address = choice(
        "form_of_address",
        FORM_OF_ADDRESS,
        FormOfAddress,
        gettext_lazy("Form of address"),
        gettext_lazy("Salutation / title"),
    )
    title = text("title", TITLE, gettext_lazy("Academic title"))
    first_name = text("first_name", "Vorname", gettext_lazy("First name"))
    last_name = text("last_name", "Nachname", gettext_lazy("Last name"))
    functional_title = text(
        "functional_title", "Funktionsbezeichnung", gettext_lazy("Functional title")
    )
    function = text("function", "Funktion", gettext_lazy("Function"))
    email = text("email", "E-Mail", gettext_lazy("Email"))
    email_secondary = text("email_secondary", "Weitere E-Mail", gettext_lazy("Further email"))
    phone = text("phone", "Telefon", gettext_lazy("Phone"))
    mobile = text("mobile", "Mobil", gettext_lazy("Mobile"))
    visibility = choice("visibility", "Sichtbarkeit", Visibility, default=Visibility.STAFF)
    consent_given_on = date("consent_given_on", "Einwilligung am")
    consent_basis = choice("consent_basis", "Einwilligung / Rechtsgrundlage", ConsentBasis)
    topics = names(Topic, "Themen", "topics", gettext_lazy("Topics"))
    languages = names(Language, "Sprachen", "languages", gettext_lazy("Languages"))

    likely_duplicate = DuplicateHint(contact_duplicates)

    required_columns = ["Nachname", "E-Mail"]
    # The export's address columns are the organisation's or police unit's.
    not_imported = [
        gettext_lazy("Street"),
        gettext_lazy("Postcode"),
        gettext_lazy("City"),
        gettext_lazy("Letter salutation"),
        gettext_lazy("Last verified on"),
        gettext_lazy("Link in the directory"),
    ]

    def derive_columns(self, dataset):
        """An academic title in the Anrede column ("Dr.", "Frau Dr.") is the title: it moves
        to the Titel column, unless the row names a title there already."""
        headers = list(dataset.headers or [])
        if FORM_OF_ADDRESS not in headers or not len(dataset):
            return
        at = headers.index(FORM_OF_ADDRESS)
        title_at = headers.index(TITLE) if TITLE in headers else None
        forms, titles = [], []
        for row in dataset:
            form, title = split_salutation(cell_text(row[at]))
            given = cell_text(row[title_at]) if title_at is not None else ""
            forms.append(form)
            titles.append(given or title)
        del dataset[FORM_OF_ADDRESS]
        dataset.append_col(forms, header=FORM_OF_ADDRESS)
        if title_at is not None:
            del dataset[TITLE]
        dataset.append_col(titles, header=TITLE)

    class Meta:
        model = ContactPerson
        fields = [
            "id",
            "organisation",
            "police_unit",
            "affiliation",
            "form_of_address",
            "title",
            "first_name",
            "last_name",
            "functional_title",
            "function",
            "email",
            "email_secondary",
            "phone",
            "mobile",
            "visibility",
            "consent_given_on",
            "consent_basis",
            "topics",
            "languages",
            "likely_duplicate",
        ]
        skip_unchanged = True
        # Model validation per row (constraints included): errors in German, not SQL.
        clean_model_instances = True
        report_skipped = True
