from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "directory.projects"
    label = "projects"
    verbose_name = _("Cooperation projects")

    def ready(self):
        from directory.core import registry

        from .sponsors import projects_of_entry

        registry.curate(self.label)
        registry.count_topic_usage("projects")
        # The projects an organisation or police unit sponsors or partners, on its page.
        registry.add_entry_action(projects_of_entry)
