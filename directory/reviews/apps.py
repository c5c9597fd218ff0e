from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "directory.reviews"
    verbose_name = _("Reviews and confirmations")

    def ready(self):
        from directory.core import registry

        from .admin import send_confirmation_emails
        from .entries import REVIEWABLE
        from .reports import report_form

        registry.curate(self.label)
        # Curators ask the listed people to confirm their entries from the entries' admin.
        for reviewable in REVIEWABLE.values():
            registry.add_admin_action(reviewable.model, send_confirmation_emails)
        # Members report errors from the entries' pages.
        registry.add_entry_action(report_form)
