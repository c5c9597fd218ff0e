"""The database holds the SQL the code declares; migrations carry frozen copies of it."""

import ast
import copy
from pathlib import Path

import pgtrigger
import pytest
from django.apps import apps
from django.core.management.commands import makemigrations
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.questioner import NonInteractiveMigrationQuestioner
from django.db.migrations.state import ProjectState
from django.utils import translation

from directory.contacts.models import ContactPerson, ContactSearchTopicLink
from directory.core.declared_sql import declared_functions, drift
from directory.core.search import SearchDocumentTrigger
from directory.exports.cells import SPREADSHEET_TEXT_SQL
from directory.police.models import PoliceUnit

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
# The exports app's spreadsheet function is declared in exports/cells.py.
FUNCTIONS = [*declared_functions(), SPREADSHEET_TEXT_SQL]


def installed_drift():
    return drift(FUNCTIONS)


def trigger_of(model, name):
    return next(t for t in model._meta.triggers if t.name == name)


def execute(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)


def test_the_migrated_database_holds_what_the_code_declares():
    assert installed_drift() == []


def test_a_function_changed_by_hand_is_reported():
    execute("""
        CREATE OR REPLACE FUNCTION netzpol_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT RETURN lower(value);
    """)

    assert installed_drift() == ["installed differs from declared: function netzpol_fold(text)"]


def test_a_search_document_changed_by_hand_is_reported():
    pgid = trigger_of(ContactPerson, "search_document").get_pgid(ContactPerson)
    execute(f"""
        CREATE OR REPLACE FUNCTION {pgid}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.search_vector := to_tsvector('german', NEW.last_name || ' ' || NEW.email);
            RETURN NEW;
        END $$;
    """)

    assert installed_drift() == [f"installed differs from declared: function {pgid}()"]


def test_dropped_disabled_and_hand_made_triggers_are_reported():
    link = trigger_of(ContactSearchTopicLink, "reindex_contactperson_on_insert").compile(
        ContactSearchTopicLink
    )
    unit = trigger_of(PoliceUnit, "search_document").compile(PoliceUnit)
    execute(link.uninstall_sql)
    execute(unit.disable_sql)
    execute("""
        CREATE FUNCTION refresh_everything() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RETURN NULL; END $$;
        CREATE TRIGGER search_vector_document AFTER UPDATE ON core_topic
            FOR EACH STATEMENT EXECUTE FUNCTION refresh_everything();
    """)

    assert set(installed_drift()) == {
        f"declared but not installed: trigger contacts_contactperson_topics: {link.sql.pgid}",
        "installed but not declared: function refresh_everything()",
        "installed but not declared: trigger core_topic: search_vector_document",
        f"installed differs from declared: trigger police_policeunit: {unit.sql.pgid}",
    }


def test_a_document_changed_in_the_code_differs_from_the_database(monkeypatch):
    document = trigger_of(ContactPerson, "search_document")
    monkeypatch.setattr(document, "func", document.func.replace("NEW.function", "NEW.email"))

    # The function holds the document; the trigger's comment, pgtrigger's hash of it.
    pgid = document.get_pgid(ContactPerson)
    assert installed_drift() == [
        f"installed differs from declared: function {pgid}()",
        f"installed differs from declared: trigger contacts_contactperson: {pgid}",
    ]


def pending_operations():
    """The operations `makemigrations` would write, by app (in process, like the command)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    # Commands run without a language: verbose names compare in the source language.
    with translation.override(None):
        changes = makemigrations.Command.autodetector(
            loader.project_state(),
            ProjectState.from_apps(apps),
            NonInteractiveMigrationQuestioner(specified_apps=set(), dry_run=True),
        ).changes(graph=loader.graph)
    return {
        app: [op.describe() for migration in migrations for op in migration.operations]
        for app, migrations in changes.items()
    }


@pytest.mark.slow
def test_a_document_changed_in_the_code_needs_a_migration(monkeypatch):
    assert pending_operations() == {}

    changed = copy.copy(trigger_of(ContactPerson, "search_document"))
    changed.func = changed.func.replace("NEW.function", "NEW.email")
    triggers = [
        changed if trigger.name == "search_document" else trigger
        for trigger in ContactPerson._meta.original_attrs["triggers"]
    ]
    monkeypatch.setitem(ContactPerson._meta.original_attrs, "triggers", triggers)

    assert pending_operations() == {
        "contacts": [
            "Remove trigger search_document from model contactperson",
            "Create trigger search_document on model contactperson",
        ]
    }


@pytest.mark.slow
def test_makemigrations_finds_nothing_to_do(run_manage):
    result = run_manage("makemigrations", "--check", "--dry-run", env={"DEBUG": "1"})

    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_every_searchable_model_stores_its_document_by_a_declared_trigger():
    documented = {
        model._meta.label
        for model, trigger in pgtrigger.registered()
        if isinstance(trigger, SearchDocumentTrigger)
    }
    searchable = {
        model._meta.label
        for model in apps.get_models()
        if not model._meta.proxy and any(f.name == "search_vector" for f in model._meta.fields)
    }

    assert (
        documented
        == searchable
        == {
            "agreements.Agreement",
            "contacts.ContactPerson",
            "events.Event",
            "organisations.Organisation",
            "police.PoliceUnit",
            "projects.Project",
        }
    )


# Modules a migration may import: the framework and the libraries whose operations it uses, and
# its own frozen SQL (`._search_sql_*`). Django's generated migrations also name the classes that
# fields and indexes are built from: those, and nothing else of the project.
ALLOWED_MODULES = ("django", "pgtrigger", "pghistory")
ALLOWED_PROJECT_NAMES = {
    "directory.core.text.Fold",
    "directory.agreements.models.DocumentStorage",
    "directory.agreements.validators.validate_pdf",
    "directory.events.models.DocumentStorage",
    "directory.projects.validators.validate_links",
}


def test_no_migration_imports_code_that_changes_later():
    migrations = sorted(ROOT.glob("directory/*/migrations/[0-9]*.py"))
    assert len(migrations) > 30
    for path in migrations:
        tree = ast.parse(path.read_text())
        modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                assert node.module.startswith("_search_sql_"), path
            elif isinstance(node, ast.ImportFrom):
                assert node.module.startswith(ALLOWED_MODULES), f"{path}: {node.module}"
            elif isinstance(node, ast.Import):
                modules |= {a.name for a in node.names if not a.name.startswith(ALLOWED_MODULES)}
        used = {
            ast.unparse(node)
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and ast.unparse(node.value) in modules
        }
        assert used <= ALLOWED_PROJECT_NAMES, path
