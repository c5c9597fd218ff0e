import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from netzpol import database

from ..conftest import ROOT

# Starts and stops embedded servers of its own.
pytestmark = pytest.mark.slow

START = (
    "import sys; from pathlib import Path; from netzpol import database; "
    "print(database.ensure_embedded(Path(sys.argv[1])))"
)


def start_in_subprocess(pgdata):
    result = subprocess.run(
        [sys.executable, "-c", START, str(pgdata)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def pgdata(tmp_path):
    path = tmp_path / "pgdata"
    yield path
    database.stop(path)


def test_concurrent_starts_share_one_server_and_keep_data(pgdata):
    with ThreadPoolExecutor(max_workers=3) as pool:
        urls = list(pool.map(start_in_subprocess, [pgdata] * 3))

    assert len(set(urls)) == 1
    with psycopg.connect(urls[0], autocommit=True) as conn:
        conn.execute("CREATE TABLE kept (name text)")
        conn.execute("INSERT INTO kept VALUES ('Müller')")

    assert database.stop(pgdata) is True
    assert database.is_running(pgdata) is False
    assert database.stop(pgdata) is False

    url = start_in_subprocess(pgdata)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT name FROM kept").fetchall() == [("Müller",)]
