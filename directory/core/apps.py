from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "directory.core"
    label = "core"
    verbose_name = _("Shared vocabulary")

    def ready(self):
        # Registers the `de_contains` lookup on text fields.
        from . import text  # noqa: F401
