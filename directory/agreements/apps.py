from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "directory.agreements"
    label = "agreements"
    verbose_name = _("Cooperation agreements")

    def ready(self):
        from directory.core import registry

        registry.curate(self.label)
        registry.count_topic_usage("agreements")
