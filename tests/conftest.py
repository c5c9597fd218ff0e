import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


# Whole folders: every test in tests/browser drives Chromium, every one in tests/production
# starts gunicorn, every module in tests/demo seeds the demo directory first (seconds each).
# `make test-fast` skips both markers.
FOLDER_MARKERS = {
    ROOT / "tests" / "browser": "browser",
    ROOT / "tests" / "production": "slow",
    ROOT / "tests" / "demo": "slow",
}


def pytest_collection_modifyitems(items):
    for item in items:
        for folder, marker in FOLDER_MARKERS.items():
            if item.path.is_relative_to(folder):
                item.add_marker(marker)


@pytest.fixture(autouse=True)
def german():
    """Every test runs in German (the portal's language) unless it asks for English itself:
    a lost translation fails, whatever language an earlier test left active in this thread.
    Requests choose their own language (LocaleMiddleware), which is German unless they ask."""
    from django.utils import translation

    with translation.override("de"):
        yield


@pytest.fixture(autouse=True)
def empty_listing_cache():
    """Each test starts with no rendered filter forms kept (directory/core/formcache.py): the
    cache lives in the process, not in the test's rolled-back transaction."""
    from django.core.cache import caches

    caches["listing"].clear()


@pytest.fixture
def run_manage():
    """Run `manage.py` in a subprocess against the test database's server, with extra env."""

    def run(*args, env=None, timeout=60):
        # Not the settings module, nor the browser tests' async-safety switch (which
        # `check --deploy` rightly refuses).
        skip = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        base = {k: v for k, v in os.environ.items() if k not in skip}
        base["DATABASE_URL"] = database_url()
        base.update(env or {})
        base = {k: v for k, v in base.items() if v is not None}
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=base,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run


def database_url():
    """The URL of the server the tests run on (its `postgres` database, always present)."""
    settings = connection.settings_dict
    host = settings["HOST"] or settings.get("OPTIONS", {}).get("host", "")
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    if host.startswith("/"):
        return f"postgresql://{settings['USER']}{password}@{port}/postgres?host={host}"
    return f"postgresql://{settings['USER']}{password}@{host}{port}/postgres"


def user_with_role(role, username, **fields):
    from directory.core.roles import ensure_groups
    from tests.factories import UserFactory

    user = UserFactory(username=username, **fields)
    if role:
        user.groups.set([ensure_groups()[role]])
    return user


@pytest.fixture
def member(db):
    """Vetted staff of an NGO or police unit."""
    from directory.core.roles import Role

    return user_with_role(Role.MEMBER, "mitglied")


@pytest.fixture
def coordinator(db):
    from directory.core.roles import Role

    return user_with_role(Role.COORDINATOR, "koordination")


@pytest.fixture
def curator(db):
    """Office staff: admin access with every permission on the directory's data."""
    from directory.core.roles import Role

    return user_with_role(Role.CURATOR, "kuratorin", is_staff=True)


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def count_queries(client, url, **headers):
    """How many database queries one GET of `url` costs (the response must be 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return len(captured)


def prepared_statements():
    """The statements prepared on the test's database connection (core.compiled)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]
