from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliceConfig(AppConfig):
    name = "directory.police"
    label = "police"
    verbose_name = _("Police")
