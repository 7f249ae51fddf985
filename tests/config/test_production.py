"""`make serve-prod`'s server: gunicorn, a worker per core, DEBUG off, static files served."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import psutil
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def production_server():
    database = settings.DATABASES["default"]
    host = quote(database["HOST"], safe="")
    password = quote(database.get("PASSWORD") or "", safe="")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {
        **os.environ,
        "DATABASE_URL": f"postgresql://{database['USER']}:{password}@{host}:"
        f"{database['PORT'] or 5432}/{database['NAME']}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_ANON": "",
        "PORT": str(port),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=120,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "python:config.gunicorn"],
        cwd=ROOT,
        env=environment,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if fetch(f"{url}/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    yield url, server
    server.terminate()
    server.wait(timeout=60)


@pytest.mark.django_db(transaction=True)
def test_production_mode_serves_the_api_docs_and_static_files_with_a_worker_per_core(
    production_server,
):
    url, server = production_server

    root = fetch(f"{url}/api/v1/")
    docs = fetch(f"{url}/api/docs/")
    script = fetch(f"{url}/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    missing = fetch(f"{url}/nowhere")

    assert root[0] == 200
    assert root[1]["Content-Type"] == "application/json"
    assert docs[0] == 200
    assert "script-src 'self'" in docs[1]["Content-Security-Policy"]
    assert script[0] == 200
    assert "max-age" in script[1]["Cache-Control"]
    assert missing[0] == 404  # DEBUG is off: a problem, not Django's debug page
    assert missing[1]["Content-Type"] == "application/problem+json"
    workers = psutil.Process(server.pid).children()
    assert len(workers) == os.cpu_count()
