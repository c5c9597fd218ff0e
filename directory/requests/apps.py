from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficeRequestsConfig(AppConfig):
    name = "directory.requests"
    # Not "requests": that is the HTTP library's name, which a label must not shadow in
    # tracebacks, settings and `manage.py` arguments.
    label = "office_requests"
    verbose_name = _("Requests to the office")

    def ready(self):
        from directory.core import registry

        registry.curate(self.label)
