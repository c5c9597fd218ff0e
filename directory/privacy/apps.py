from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "directory.privacy"
    verbose_name = _("Data protection")

    def ready(self):
        from directory.contacts.models import ContactPerson
        from directory.core import registry

        from .admin import erase, subject_access_report

        registry.add_admin_action(ContactPerson, subject_access_report)
        registry.add_admin_action(ContactPerson, erase)
