from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliceConfig(AppConfig):
    name = "directory.police"
    label = "police"
    verbose_name = _("Police")

    def ready(self):
        from directory.core import registry

        registry.curate(self.label)
        registry.count_topic_usage("police_units")
