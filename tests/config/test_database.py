"""The embedded PostgreSQL: started when needed, reused while held, left alone with DATABASE_URL."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
CONNECT = (
    "import django; django.setup(); from django.db import connection; "
    "connection.ensure_connection(); print(connection.settings_dict['HOST'], flush=True); "
    "import sys; sys.stdin.read()"
)


def start(data_dir: Path, **env) -> subprocess.Popen:
    """A process that connects through the project's settings and holds on till stdin closes."""
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(ANNALES_DATA_DIR=str(data_dir), **env)
    return subprocess.Popen(
        [sys.executable, "-c", CONNECT],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "config.settings"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # As in a terminal, whether or not this test runs in a background job.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def connected(process: subprocess.Popen) -> str:
    line = process.stdout.readline()
    assert line, process.stderr.read()
    return line.strip()


def finish(process: subprocess.Popen) -> str:
    """Let the process go and return what it logged."""
    if not process.stdin.closed:
        process.stdin.close()
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 0, errors
    return errors


def server_running(data_dir: Path) -> bool:
    pid_file = data_dir / "postgres" / "postmaster.pid"
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().split()[0])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def data_dir(tmp_path):
    yield tmp_path
    for _ in range(20):  # a test that failed half-way must not leave a server behind
        if not server_running(tmp_path):
            return
        subprocess.run(
            ["pkill", "-INT", "-f", f"-D {tmp_path}/postgres"], check=False, capture_output=True
        )
        time.sleep(0.5)


def test_embedded_server_is_initialised_once_reused_while_held_and_stopped_after(data_dir):
    first = start(data_dir)
    connected(first)
    second = start(data_dir)
    connected(second)
    first_log = finish(first)
    assert server_running(data_dir), "the server stopped while a process still held it"
    second_log = finish(second)

    assert "initialised and started a new cluster" in first_log
    assert "reusing the running server" in second_log
    assert not server_running(data_dir)

    third = start(data_dir)
    connected(third)
    assert "started the existing cluster" in finish(third)
    assert not server_running(data_dir)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_embedded_server_stops_with_the_process_that_started_it(data_dir, stop):
    process = start(data_dir)
    connected(process)
    process.send_signal(stop)
    process.wait(timeout=60)

    assert not server_running(data_dir)


def test_a_damaged_list_of_holders_does_not_stop_the_next_start(data_dir):
    (data_dir / "postgres").mkdir()
    first = start(data_dir)
    connected(first)
    finish(first)
    (data_dir / "postgres" / ".handle_pids.json").write_text("[12")

    again = start(data_dir)
    connected(again)

    assert "started the existing cluster" in finish(again)


@pytest.mark.django_db
def test_nothing_is_started_when_database_url_is_set(data_dir):
    database = settings.DATABASES["default"]
    host = quote(database["HOST"], safe="")
    port = database["PORT"] or "5432"
    password = quote(database.get("PASSWORD") or "", safe="")
    url = f"postgresql://{database['USER']}:{password}@{host}:{port}/{database['NAME']}"

    process = start(data_dir, DATABASE_URL=url)
    assert connected(process) == database["HOST"]

    assert "Embedded PostgreSQL" not in finish(process)
    assert not (data_dir / "postgres").exists()
