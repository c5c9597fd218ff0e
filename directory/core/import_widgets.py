"""How the cells of curators' import files are read: text as office software and the portal's
own exports write it, German dates, choices by code or label, and names of linked entries with
"did you mean" suggestions. Every error is a ValueError with a German message for the curator
(django-import-export turns it into a row error under the column's name)."""

import datetime
import difflib
import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import TrigramSimilarity
from django.db.models.functions import Greatest
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from import_export import widgets

from .models import Region
from .text import Fold, fold

# What a formula guard of the exports may stand before, as exports.cells.neutralise decides it:
# blanks (Unicode's spaces, controls and format characters) and then a sign that reads as =, +,
# - or @ after compatibility normalisation (tests/imports holds the two together).
BLANK_CATEGORIES = {"Zs", "Zl", "Zp", "Cc", "Cf"}
FORMULA_SIGNS = "=+-@"
SUGGESTIONS = 3
SUGGEST_FROM = 0.3


def _is_blank(char, line_breaks=True):
    if char in "\r\n":
        return line_breaks
    return unicodedata.category(char) in BLANK_CATEGORIES


def _is_sign(char):
    return unicodedata.normalize("NFKC", char)[:1] in FORMULA_SIGNS


def _guards_formula(text, start, line_breaks):
    """Whether an apostrophe at `start` stands before what the exports neutralise."""
    rest = text[start + 1 :]
    if start == 0 and rest[:1] in ("\t", "\r"):
        return True
    for char in rest:
        if char == '"' and start > 0:
            continue
        if not _is_blank(char, line_breaks):
            return _is_sign(char)
    return False


def restore_formula_text(text):
    """A cell's text without the apostrophes the portal's exports put before formula signs (at
    the start, and after a delimiter or line break inside the cell): an exported "'+49 30 …"
    imports as "+49 30 …". Exports neutralise it again, so nothing runs as a formula."""
    if "'" not in text:
        return text
    kept = []
    for index, char in enumerate(text):
        if char == "'":
            at_start = index == 0
            after_break = index > 0 and text[index - 1] in ";,\r\n"
            if (at_start and _guards_formula(text, 0, line_breaks=True)) or (
                after_break and _guards_formula(text, index, line_breaks=False)
            ):
                continue
        kept.append(char)
    return "".join(kept)


def cell_text(value):
    """A cell as text: blanks around it removed, whole numbers without ".0", dates as German
    dates, the exports' formula guards removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return restore_formula_text(str(value).strip())


def quoted(value):
    return f"„{value}“"


def did_you_mean(candidates):
    """ "Did you mean …?" with the candidates, or nothing."""
    if not candidates:
        return ""
    return " " + _("Did you mean %(names)s?") % {
        "names": _(" or ").join(quoted(c) for c in candidates)
    }


def close_names(value, names):
    """Names that look like `value` (difflib over folded text), best first."""
    by_fold = {}
    for name in names:
        by_fold.setdefault(fold(name), name)
    matches = difflib.get_close_matches(fold(value), list(by_fold), n=SUGGESTIONS, cutoff=0.6)
    return [by_fold[m] for m in matches]


class TextWidget(widgets.CharWidget):
    """A text column; an empty cell is an empty string (never NULL)."""

    def clean(self, value, row=None, **kwargs):
        return cell_text(value)


class PostcodeWidget(TextWidget):
    """A German postcode. Spreadsheet programs read "01067" as the number 1067 and write it back
    so; the leading zero is put back."""

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if text.isdigit() and len(text) == 4:
            return "0" + text
        return text


def labels_in_every_language(label):
    labels = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels.add(str(label))
    return labels


def choice_key(text):
    """Choices compare without case, accents, spaces and punctuation: "e. V." is "e.V."."""
    return re.sub(r"\W", "", fold(text))


class ChoiceWidget(widgets.Widget):
    """A choice column: the stored code, its label in any of the portal's languages (as the
    exports write it), or the part of a label before or inside its parentheses ("e.V." or
    "Eingetragener Verein" for "Eingetragener Verein (e.V.)")."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def accepted(self):
        if getattr(self, "_accepted", None) is None:
            self._accepted = self._spellings()
        return self._accepted

    def _spellings(self):
        keys = {}
        for code, label in self.choices.choices:
            spellings = {code}
            for text in labels_in_every_language(label):
                spellings.add(text)
                spellings.update(re.findall(r"\(([^)]*)\)", text))
                spellings.add(re.sub(r"\([^)]*\)", "", text))
            for spelling in spellings:
                if choice_key(spelling):
                    keys.setdefault(choice_key(spelling), set()).add(code)
        # A spelling two choices share names neither.
        return {key: codes.pop() for key, codes in keys.items() if len(codes) == 1}

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return ""
        code = self.accepted().get(choice_key(text))
        if code is not None:
            return code
        allowed = ", ".join(quoted(label) for _code, label in self.choices.choices)
        raise ValueError(
            _("%(value)s is not one of: %(allowed)s.") % {"value": quoted(text), "allowed": allowed}
        )

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices.choices).get(value, value or ""))


def parse_german_date(text):
    """31.12.2025, 1.2.2025, 31.12.25 (two-digit years as Excel reads them: 00–29 are
    2000–2029, 30–99 are 1930–1999) or 2025-12-31; None if it is none of them or no date."""
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year += 2000 if year < 30 else 1900
    else:
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?", text)
        if not match:
            return None
        year, month, day = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


class GermanDateWidget(widgets.Widget):
    """A date column: a spreadsheet's date, or text as German office software writes it."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = cell_text(value)
        if not text:
            return None
        day = parse_german_date(text)
        if day is None:
            raise ValueError(
                _("%(value)s is not a date; please write it as DD.MM.YYYY, e.g. 31.12.2025.")
                % {"value": quoted(text)}
            )
        return day

    def render(self, value, obj=None, **kwargs):
        return date_format(value, "d.m.Y") if value else ""


def split_names(text):
    """A cell listing names, separated by commas, semicolons or line breaks."""
    return [name.strip() for name in re.split(r"[,;\r\n]+", text) if name.strip()]


# Several regions share a name ("Berlin" is a federal state and its own district): a name means
# the highest of them.
REGION_RANK = {Region.Kind.LAND: 0, Region.Kind.DISTRICT: 1, Region.Kind.BOROUGH: 2}


def by_name(queryset, names):
    """The entries of `queryset` named (after German folding) like each of `names`: a dict from
    the folded name to the entry, regions ranked so that a federal state wins."""
    folded = {fold(name) for name in names}
    found = {}
    entries = queryset.annotate(folded_name=Fold("name")).filter(folded_name__in=folded)
    for entry in entries:
        current = found.get(entry.folded_name)
        if current is None or rank(entry) < rank(current):
            found[entry.folded_name] = entry
    return found


def rank(entry):
    return REGION_RANK.get(getattr(entry, "kind", None), 0) if isinstance(entry, Region) else 0


class NamesWidget(widgets.ManyToManyWidget):
    """A column of names of linked entries (topics, languages, regions). A name that is not in
    the directory is a row error naming it, never dropped."""

    def __init__(self, model, what, queryset=None, **kwargs):
        super().__init__(model, field="name", separator=", ", **kwargs)
        self.what = what
        self.queryset = queryset

    def get_queryset(self):
        return self.queryset.all() if self.queryset is not None else self.model.objects.all()

    def clean(self, value, row=None, **kwargs):
        names = split_names(cell_text(value))
        if not names:
            return []
        found = by_name(self.get_queryset(), names)
        unknown = [name for name in names if fold(name) not in found]
        if unknown:
            known = list(self.get_queryset().values_list("name", flat=True))
            raise ValueError(
                " ".join(
                    _("%(what)s %(name)s is not in the directory.")
                    % {"what": self.what, "name": quoted(name)}
                    + did_you_mean(close_names(name, known))
                    for name in unknown
                )
            )
        unique = {}
        for name in names:
            entry = found[fold(name)]
            unique.setdefault(entry.pk, entry)
        return list(unique.values())

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, list):
            return self.separator.join(str(entry) for entry in value)
        return self.separator.join(str(entry) for entry in value.all())


class RegionWidget(widgets.ForeignKeyWidget):
    """A region by its name (the highest one when several share it)."""

    def __init__(self, what, queryset=None, **kwargs):
        super().__init__(Region, field="name", **kwargs)
        self.what = what
        self.queryset = queryset

    def get_queryset(self, value=None, row=None, *args, **kwargs):
        return self.queryset.all() if self.queryset is not None else Region.objects.all()

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        found = by_name(self.get_queryset(), [text]).get(fold(text))
        if found is None:
            known = self.get_queryset().values_list("name", flat=True)
            raise ValueError(
                _("%(what)s %(name)s is not in the directory.")
                % {"what": self.what, "name": quoted(text)}
                + did_you_mean(close_names(text, known))
            )
        return found

    def render(self, value, obj=None, **kwargs):
        return str(value or "")


def land_widget():
    return RegionWidget(Region.Kind.LAND.label, Region.objects.lands())


class EntryWidget(widgets.ForeignKeyWidget):
    """An entry of the directory by one of its names (`lookups`, compared without case). An
    unknown name is a row error with the most similar entries (trigram similarity after German
    folding); a name several entries share is one too."""

    def __init__(self, model, lookups, what, **kwargs):
        super().__init__(model, field=lookups[0], **kwargs)
        self.lookups = lookups
        self.what = what

    def get_queryset(self, value=None, row=None, *args, **kwargs):
        return self.model.objects.all()

    def matches(self, text):
        queryset = self.get_queryset()
        for lookup in self.lookups:
            found = list(queryset.filter(**{f"{lookup}__iexact": text})[: SUGGESTIONS + 1])
            if found:
                return found
        return []

    def suggestions(self, text):
        similarities = [TrigramSimilarity(Fold(lookup), fold(text)) for lookup in self.lookups]
        similarity = Greatest(*similarities) if len(similarities) > 1 else similarities[0]
        close = (
            self.get_queryset()
            .annotate(likeness=similarity)
            .filter(likeness__gte=SUGGEST_FROM)
            .order_by("-likeness")
            .values_list(self.lookups[0], flat=True)[:SUGGESTIONS]
        )
        return list(dict.fromkeys(close))

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        found = self.matches(text)
        if len(found) == 1:
            return found[0]
        if found:
            raise ValueError(
                _("Several entries are called %(name)s: %(entries)s. Please use the full name.")
                % {
                    "name": quoted(text),
                    "entries": "; ".join(f"{entry} (#{entry.pk})" for entry in found),
                }
            )
        raise ValueError(
            _("%(what)s %(name)s is not in the directory.")
            % {"what": self.what, "name": quoted(text)}
            + did_you_mean(self.suggestions(text))
        )

    def render(self, value, obj=None, **kwargs):
        return str(value or "")
