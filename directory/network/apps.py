from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Figures and the cooperation network: reads every entity app, owns no data."""

    name = "directory.network"
    label = "network"
    verbose_name = _("Network and statistics")
