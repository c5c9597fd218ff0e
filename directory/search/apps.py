from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "directory.search"
    verbose_name = _("Search")

    def ready(self):
        from directory.core import registry
        from directory.core.search import register_synonyms

        from .home import home_part
        from .models import synonym_groups

        # The start page's figures and entry points: this app reads every kind of entry.
        registry.add_home_part(home_part)
        # Curators keep the synonyms (admin); every search reads them.
        register_synonyms(synonym_groups)
        registry.curate(self.label)
