"""Synonyms and abbreviations curators keep: a search for one term also finds the others,
applied when the query is read (core.search), so an edit needs no re-indexing."""

import functools
import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.core.compiled import CompiledQuerySet
from directory.core.text import fold


def split_terms(text):
    """The terms of a comma- or line-separated list, stripped, empty ones left out."""
    return [term.strip() for term in re.split(r"[,;\n]", text or "") if term.strip()]


class Synonym(models.Model):
    term = models.CharField(
        _("term"),
        max_length=80,
        unique=True,
        help_text=_("An abbreviation or word people search for, e.g. “KOB” or “LSBTI*”."),
    )
    alternatives = models.TextField(
        _("alternatives"),
        help_text=_(
            "Terms that mean the same, separated by commas, e.g. “Kontaktbereichsbeamt, "
            "Bezirksdienst”. A word start is enough: “Kontaktbereichsbeamt” finds "
            "“Kontaktbereichsbeamtin”. A search for any of them finds the others too."
        ),
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return self.term

    @property
    def terms(self):
        return [self.term, *split_terms(self.alternatives)]


def synonym_groups():
    """Every synonym entry as a group of folded terms (what core.search asks for), read on
    every search, in a query compiled and prepared once (core.compiled); the terms are folded
    again only when the entries changed."""
    return _folded(tuple((row["term"], row["alternatives"]) for row in _entries().run()))


@functools.cache
def _entries():
    return CompiledQuerySet(Synonym.objects.order_by("pk").values("term", "alternatives"))


@functools.lru_cache(maxsize=4)
def _folded(entries):
    groups = []
    for term, alternatives in entries:
        terms = [term, *split_terms(alternatives)]
        folded = [" ".join(re.findall(r"\w+", fold(t))) for t in terms]
        groups.append(tuple(t for t in folded if t))
    return tuple(groups)
