"""The database goes away and comes back: the service answers 503 fast, then recovers by itself.

The service runs as its own process on its own embedded PostgreSQL, which the
test stops and starts again, as an outage would.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Generous: a request must not hang until a TCP timeout, whatever the machine.
FAST = 5.0


def manage(data_dir: Path, *args: str, **popen) -> subprocess.Popen:
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(ANNALES_DATA_DIR=str(data_dir), API_THROTTLE_ANON="", API_THROTTLE_USER="")
    return subprocess.Popen(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, text=True, **popen
    )


def request(url: str, method: str = "GET", token: str | None = None, body: dict | None = None):
    """(status, headers, parsed body, seconds taken)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    data = json.dumps(body).encode() if body is not None else None
    started = time.monotonic()
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=data, method=method, headers=headers), timeout=30
        ) as response:
            status, answer_headers, content = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer_headers, content = error.code, error.headers, error.read()
    return status, answer_headers, json.loads(content or b"null"), time.monotonic() - started


def postmaster_pid(data_dir: Path) -> int:
    return int((data_dir / "postgres" / "postmaster.pid").read_text().splitlines()[0])


def stop_database(data_dir: Path) -> None:
    pid = postmaster_pid(data_dir)
    try:
        os.kill(pid, signal.SIGINT)  # PostgreSQL's fast shutdown
    except ProcessLookupError:
        return
    for _ in range(300):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError("PostgreSQL did not stop")


def start_database(data_dir: Path) -> None:
    code = "import sys; from pathlib import Path; from config.database import embedded_database; "
    code += "embedded_database(Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(data_dir)], cwd=ROOT, check=True, timeout=60)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    """The API on a port of its own, on a database of its own; its URL, data dir and a token."""
    data_dir = tmp_path_factory.mktemp("outage")
    assert manage(data_dir, "migrate", "-v0").wait(timeout=300) == 0
    editor = manage(data_dir, "create_editor", "ada", stdout=subprocess.PIPE)
    token = editor.communicate(timeout=120)[0].strip().splitlines()[-1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = manage(
        data_dir, "runserver", f"127.0.0.1:{port}", "--noreload", stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if request(f"{url}/readyz")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    yield url, data_dir, token
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
    # The server knew the PostgreSQL it started, not the one started after the outage.
    if (data_dir / "postgres" / "postmaster.pid").exists():
        stop_database(data_dir)


def test_an_outage_is_a_fast_503_and_the_service_recovers_without_a_restart(service):
    url, data_dir, token = service
    assert request(f"{url}/api/v1/places/")[0] == 200

    stop_database(data_dir)
    try:
        ready = request(f"{url}/readyz")
        read = request(f"{url}/api/v1/places/")
        write = request(
            f"{url}/api/v1/places/",
            "POST",
            token,
            {"slug": "aihun", "name": "Aihun", "kind": "town"},
        )
    finally:
        start_database(data_dir)

    for status, headers, body, seconds in (ready, read, write):
        assert status == 503
        assert headers["Content-Type"] == "application/problem+json"
        assert int(headers["Retry-After"]) > 0
        assert body["status"] == 503
        assert body["detail"] == "The database is unavailable; try again shortly."
        assert seconds < FAST

    assert request(f"{url}/readyz")[0] == 200
    assert request(f"{url}/api/v1/places/")[0] == 200
    created = request(
        f"{url}/api/v1/places/", "POST", token, {"slug": "aihun", "name": "Aihun", "kind": "town"}
    )
    assert created[0] == 201
