from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "directory.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from directory.core import registry

        registry.curate(self.label)
        registry.count_topic_usage("organisations")
