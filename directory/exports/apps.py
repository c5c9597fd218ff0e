from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "directory.exports"
    verbose_name = _("Exports")

    def ready(self):
        from directory.core import registry

        from . import merkliste
        from .lists import export_link

        # The export log's admin is read-only, whatever the permissions say.
        registry.curate(self.label)
        registry.add_list_link(export_link)
        # The Merkliste: a button with each contact, "add all" and a link above the list.
        registry.add_list_link(merkliste.add_all_link)
        registry.add_list_link(merkliste.merkliste_link)
        registry.add_result_action(merkliste.button)
        registry.add_entry_action(merkliste.button)
