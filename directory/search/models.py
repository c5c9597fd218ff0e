"""Synonyms and abbreviations curators keep: a search for one term also finds the others,
applied when the query is read (core.search), so an edit needs no re-indexing."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

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
    """Every synonym entry as a group of folded terms (what core.search asks for)."""
    groups = []
    for term, alternatives in Synonym.objects.values_list("term", "alternatives"):
        terms = [term, *split_terms(alternatives)]
        folded = [" ".join(re.findall(r"\w+", fold(t))) for t in terms]
        groups.append([t for t in folded if t])
    return groups
