from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "directory.api"
    verbose_name = _("Open API")

    def ready(self):
        from directory.core import registry

        # Curators see the API log and tokens in admin (read-only there).
        registry.curate(self.label)
