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
        self.connect_search_words()

    def connect_search_words(self):
        """An event's words join the words typos and compounds are matched against whenever
        it or its links are saved (its search document is computed per query: search.py)."""
        from django.db.models.signals import m2m_changed, post_save

        from .models import Event
        from .search import remember_linked, remember_saved

        post_save.connect(remember_saved, sender=Event, dispatch_uid="events.remember_words")
        for field in ("topics", "organisations", "police_units"):
            m2m_changed.connect(
                remember_linked,
                sender=getattr(Event, field).through,
                dispatch_uid=f"events.remember_words.{field}",
            )
