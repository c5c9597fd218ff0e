from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "directory.events"
    label = "events"
    verbose_name = _("Exchange formats and events")

    def ready(self):
        from directory.core import registry

        from .history import participation_history

        registry.curate(self.label)
        registry.count_topic_usage("exchange_events")
        # "Teilnahme an Austauschformaten" at the end of contact, organisation and unit pages.
        registry.add_entry_action(participation_history)
