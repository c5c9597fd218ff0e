from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "directory.contacts"
    label = "contacts"
    verbose_name = _("Contact persons")

    def ready(self):
        from directory.core import registry
        from directory.organisations.models import Organisation
        from directory.police.models import PoliceUnit

        from .admin import OrganisationContactInline, PoliceUnitContactInline

        registry.curate(self.label)
        registry.count_topic_usage("contacts")
        # An organisation's and a police unit's admin page lists their contact persons.
        registry.add_admin_inline(Organisation, OrganisationContactInline)
        registry.add_admin_inline(PoliceUnit, PoliceUnitContactInline)
