from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Figures and the cooperation network: reads every entity app, owns no data."""

    name = "directory.network"
    label = "network"
    verbose_name = _("Network and statistics")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from directory.agreements.models import Agreement
        from directory.core import registry
        from directory.events.models import Event
        from directory.organisations.models import Organisation
        from directory.police.models import PoliceUnit
        from directory.projects.models import Project
        from directory.requests.models import BrokeredContact
        from directory.reviews.models import ConfirmationEmail, CorrectionRequest

        from . import trends
        from .cache import bump

        registry.add_dashboard_part(trends.dashboard_part)

        # What the figures read without a history (see cache.py): its changes make the cached
        # figures old.
        for model in (BrokeredContact, ConfirmationEmail, CorrectionRequest):
            post_save.connect(bump, sender=model, dispatch_uid=f"network-{model.__name__}-save")
            post_delete.connect(bump, sender=model, dispatch_uid=f"network-{model.__name__}-delete")
        for through in (
            Organisation.topics.through,
            PoliceUnit.topics.through,
            Event.organisations.through,
            Event.police_units.through,
            # The network's topic and region filters (edges.py).
            Agreement.topics.through,
            Project.topics.through,
            Event.topics.through,
            Organisation.regions.through,
        ):
            m2m_changed.connect(bump, sender=through, dispatch_uid=f"network-{through.__name__}")
