from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "directory.core"
    label = "core"
    verbose_name = _("Shared vocabulary")

    def ready(self):
        # Registers the `de_contains` lookup on text fields.
        from . import text  # noqa: F401

        connection_created.connect(define_trigger_ignore_list)
        from . import registry
        from .roles import ensure_groups

        # The shared vocabulary and the history of every tracked entry.
        registry.curate(self.label)
        registry.curate("pghistory")

        # After every app's migrations (permissions exist by then); idempotent.
        post_migrate.connect(ensure_groups, dispatch_uid="netzpol-ensure-groups")
        # The shared cache's table (sessions, rate limits) comes with `migrate`; idempotent.
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="netzpol-cache-table")


def create_cache_table(sender, using, **kwargs):
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


def define_trigger_ignore_list(sender, connection, **kwargs):
    """Give pgtrigger's ignore list a value on every connection.

    Every history trigger first reads the setting `pgtrigger.ignore`. When it is undefined the
    read raises inside a PL/pgSQL exception block, and rolling back that subtransaction scans
    the transaction's queue of deferred foreign-key checks: a bulk insert of 100,000 rows
    became quadratic (about 1 ms per row instead of 0.03 ms). An empty list ignores nothing.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('pgtrigger.ignore', '{}', false)")
