"""The columns of curators' import files: each found by its German name or by the labels the
portal's exports write (in any of its languages), read by a widget of import_widgets."""

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from import_export import fields
from import_export.fields import NOT_PROVIDED

from .import_widgets import (
    ChoiceWidget,
    GermanDateWidget,
    NamesWidget,
    PostcodeWidget,
    TextWidget,
    cell_text,
    land_widget,
)
from .text import fold

# Set on a row's instance while it is imported: the linked entries its cells name.
PENDING_LINKS = "_import_pending_links"


def column(field, aliases):
    """`field`, also found under `aliases` (lazy labels, accepted in every language of the
    portal: the column labels its exports write)."""
    field.aliases = tuple(aliases)
    return field


def text(attribute, column_name, *aliases):
    """A text column; an empty cell is an empty string (never NULL)."""
    return column(
        fields.Field(attribute=attribute, column_name=column_name, widget=TextWidget()), aliases
    )


def postcode(attribute, column_name, *aliases):
    return column(
        fields.Field(attribute=attribute, column_name=column_name, widget=PostcodeWidget()),
        aliases,
    )


def date(attribute, column_name, *aliases):
    return column(
        fields.Field(attribute=attribute, column_name=column_name, widget=GermanDateWidget()),
        aliases,
    )


def choice(attribute, column_name, choices, *aliases, default=NOT_PROVIDED):
    """A choice column: code or label; an empty cell is `default` (else empty)."""
    field = fields.Field(
        attribute=attribute, column_name=column_name, widget=ChoiceWidget(choices), default=default
    )
    return column(field, aliases)


def link(attribute, column_name, widget, *aliases):
    """A column naming one linked entry (see import_widgets.EntryWidget, RegionWidget)."""
    return column(
        fields.Field(attribute=attribute, column_name=column_name, widget=widget), aliases
    )


def land(attribute="land", column_name="Bundesland", *aliases):
    return link(attribute, column_name, land_widget(), *aliases)


class NamesField(fields.Field):
    """A column of names of linked entries. Before the row is saved (or when it is skipped),
    the preview shows the entries the file names."""

    def export(self, instance, **kwargs):
        pending = getattr(instance, PENDING_LINKS, {}).get(self.attribute)
        if pending is not None:
            return self.widget.render(pending)
        return super().export(instance, **kwargs)


def names(model, column_name, attribute, *aliases, queryset=None):
    """A column of comma-separated names (topics, languages, regions); an unknown name is a row
    error."""
    widget = NamesWidget(model, capfirst(model._meta.verbose_name), queryset=queryset)
    return column(NamesField(attribute=attribute, column_name=column_name, widget=widget), aliases)


def header_key(header):
    return " ".join(fold(cell_text(header)).split())


def spellings(field):
    """The column names a field is found under."""
    found = {field.column_name}
    for alias in getattr(field, "aliases", ()):
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found.add(str(alias))
    return found
