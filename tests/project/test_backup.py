"""Backups (`make backup`, `make restore FILE=...`): netzpol.database with pg_dump/pg_restore."""

import stat
import subprocess
import sys
from urllib.parse import urlsplit

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from directory.contacts.models import ContactPerson
from directory.organisations.models import Organisation
from netzpol import database
from tests.factories import ContactPersonFactory, OrganisationFactory, TopicFactory

from ..conftest import ROOT, database_url

ORGANISATIONS = "SELECT id, name, search_vector::text FROM organisations_organisation ORDER BY id"
CONTACTS = "SELECT id, last_name, search_vector::text FROM contacts_contactperson ORDER BY id"
# pg_dump, pg_restore and databases of their own.
pytestmark = pytest.mark.slow


def url_of(name):
    """The URL of database `name` on the server the tests run on."""
    return urlsplit(database_url())._replace(path=f"/{name}").geturl()


def on_server(statement, name):
    with psycopg.connect(database_url(), autocommit=True) as conn:
        conn.execute(sql.SQL(statement).format(sql.Identifier(name)))


@pytest.fixture
def fresh_database():
    """An empty database of its own on the test server, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    on_server("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
    on_server("CREATE DATABASE {}", name)
    yield url_of(name)
    on_server("DROP DATABASE {} WITH (FORCE)", name)


@pytest.fixture
def backup_of_directory(tmp_path):
    """A backup of the test database holding a mosque community and one of its contacts."""
    topic = TopicFactory(name="Antimuslimischer Rassismus")
    organisation = OrganisationFactory(name="Moscheegemeinde Hörde e.V.", topics=[topic])
    ContactPersonFactory(organisation=organisation, last_name="Lindqvist")
    OrganisationFactory(name="Fanprojekt Dortmund e.V.")
    return database.backup(tmp_path / "netzpol.dump", url_of(connection.settings_dict["NAME"]))


def search_sql(queryset):
    """The project's own search query (as Django would send it), to run on another database."""
    return queryset.values_list("pk", flat=True).query.sql_with_params()


def rows(conn, query, params=None):
    if isinstance(query, tuple):
        query, params = query
    return conn.execute(query, params).fetchall()


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_database_with_rows_and_search(
    backup_of_directory, fresh_database
):
    with connection.cursor() as cursor:
        cursor.execute(ORGANISATIONS)
        organisations = cursor.fetchall()
        cursor.execute(CONTACTS)
        contacts = cursor.fetchall()

    said = database.restore(backup_of_directory, fresh_database)

    assert stat.S_IMODE(backup_of_directory.stat().st_mode) == 0o600
    assert said.startswith(f"restored {backup_of_directory} (database test_")
    assert said.endswith(f"into {database.describe(fresh_database)}, in one transaction")
    mosque = Organisation.objects.get(name__startswith="Moschee")
    with psycopg.connect(fresh_database) as conn:
        assert rows(conn, ORGANISATIONS) == organisations
        assert rows(conn, CONTACTS) == contacts
        for text in ("Moschee Hoerde", "antimuslimisch"):
            assert rows(conn, search_sql(Organisation.objects.search(text))) == [(mosque.pk,)]
        lindqvist = ContactPerson.objects.get()
        assert rows(conn, search_sql(ContactPerson.objects.search("Lindqvist"))) == [
            (lindqvist.pk,)
        ]
        # The triggers came back too: an edit on the restored copy is found by its new name.
        conn.execute("UPDATE organisations_organisation SET name = 'Begegnungsstätte Nord'")
        found = rows(conn, search_sql(Organisation.objects.search("Begegnungsstaette")))
        assert len(found) == 2


@pytest.mark.django_db(transaction=True)
def test_failed_restore_leaves_the_database_as_it_was(backup_of_directory, fresh_database):
    database.restore(backup_of_directory, fresh_database)
    with psycopg.connect(fresh_database, autocommit=True) as conn:
        conn.execute("UPDATE contacts_contactperson SET last_name = 'Geändert'")
        # Blocks --clean's DROP TABLE: the restore fails after it has dropped other objects.
        conn.execute("CREATE VIEW blocker AS SELECT name FROM organisations_organisation")
        catalogue = "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
        before = rows(conn, catalogue), rows(conn, CONTACTS), rows(conn, ORGANISATIONS)

    with pytest.raises(database.BackupError) as failure:
        database.restore(backup_of_directory, fresh_database)

    assert str(failure.value).startswith("restore failed, nothing was changed: ")
    assert "cannot drop table public.organisations_organisation because" in str(failure.value)
    with psycopg.connect(fresh_database) as conn:
        assert (rows(conn, catalogue), rows(conn, CONTACTS), rows(conn, ORGANISATIONS)) == before
        assert rows(conn, CONTACTS)[0][1] == "Geändert"


def test_restore_of_a_missing_file_says_so_and_changes_nothing(tmp_path):
    missing = tmp_path / "netzpol-20250101-000000.dump"

    result = subprocess.run(
        [sys.executable, "-m", "netzpol.database", "restore", str(missing)],
        cwd=ROOT,
        # Never reached: the file is checked first.
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgresql://nobody@127.0.0.1:9/none"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"netzpol: restore failed: there is no backup file {missing}; nothing was changed\n"
    )


def test_restore_of_a_file_that_is_no_backup_says_so(tmp_path):
    spreadsheet = tmp_path / "kontakte.csv"
    spreadsheet.write_text("Name;Ort\nMoscheegemeinde;Dortmund\n")

    with pytest.raises(database.BackupError, match="is not a pg_dump custom-format backup"):
        database.restore(spreadsheet, "postgresql://nobody@127.0.0.1:9/none")


def test_failed_backup_says_so_and_leaves_no_file(tmp_path):
    target = tmp_path / "netzpol.dump"

    with pytest.raises(database.BackupError) as failure:
        database.backup(target, "postgresql://netzpol:geheim@127.0.0.1:9/netzpol")

    assert str(failure.value).startswith("backup failed: connection to server at ")
    assert "geheim" not in str(failure.value)
    assert list(tmp_path.iterdir()) == []
