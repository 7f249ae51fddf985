"""Production settings pass Django's deployment checks; every page has a content security policy."""

import os
import re
import secrets
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "annales.example",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks_without_a_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", **{**PRODUCTION, "DJANGO_SECRET_KEY": ""})

    assert result.returncode != 0
    assert "Set the environment variable DJANGO_SECRET_KEY." in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page", ["/api/docs/", "/api/redoc/", "/api/v1/treaties/", "/admin/login/"]
)
def test_pages_run_no_inline_script_under_a_strict_policy(client, page):
    response = client.get(page, HTTP_ACCEPT="text/html")
    html = response.content.decode()
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )

    assert response.status_code == HTTPStatus.OK
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    inline = re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html)
    assert all('type="application/json"' in tag for tag in inline), inline  # data, not code
    for source in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html):
        assert source.startswith("/"), source  # from this server


@pytest.mark.django_db
def test_swagger_ui_gets_its_start_up_script_as_a_file(client):
    html = client.get("/api/docs/").content.decode()
    script = re.findall(r'<script src="(/api/docs/\?[^"]+)"', html)

    response = client.get(script[0].replace("&amp;", "&"))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()


def test_a_tls_proxy_without_a_proxy_count_is_refused_at_start():
    result = manage("check", DJANGO_BEHIND_TLS_PROXY="1", NUM_PROXIES="0")

    assert result.returncode != 0
    assert "set NUM_PROXIES too" in result.stderr
