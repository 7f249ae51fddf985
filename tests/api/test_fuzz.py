"""The API fuzzed from its own live schema: no server error, no response the schema does not allow.

schemathesis generates requests for every operation from the schema the API
serves, with a fixed seed and a bounded number of examples, as an anonymous
client and as an editor, and checks every response against the schema.

As an anonymous client, its coverage phase also tries the boundary values of
every parameter and body field. As an editor, where each write is slower, that
phase takes minutes; `FUZZ_THOROUGH=1 make test` runs it too.
"""

import json
import os

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from editors.services import editor_create

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
THOROUGH = os.environ.get("FUZZ_THOROUGH", "") not in ("", "0")


def live_schema() -> dict:
    """The schema exactly as /api/schema/?format=json serves it, made without a request."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


def fuzzed(*, boundaries: bool) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(
        {
            "seed": 1858,
            "generation": {"max-examples": 10, "deterministic": True},
            "phases": {"coverage": {"enabled": boundaries}},
        }
    )
    schema = schemathesis.openapi.from_dict(live_schema(), config=config)
    schema.app = application
    return schema


anonymous = fuzzed(boundaries=True)
editor = fuzzed(boundaries=THOROUGH)


@pytest.fixture(autouse=True)
def in_process(db, seed, settings):
    """Requests go straight to the WSGI application, inside the test's transaction.

    As Django's test client does, the transaction must outlive each request.
    No rate limit: every generated request should reach the API.
    """
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None},
    }
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@anonymous.parametrize()
def test_anonymous_clients_meet_no_server_error_and_no_undocumented_answer(case):
    case.call_and_validate(checks=CHECKS)


@editor.parametrize()
def test_editors_meet_no_server_error_and_no_undocumented_answer(case):
    _, token, _ = editor_create(username="fuzzer")
    case.call_and_validate(headers={"Authorization": f"Token {token.key}"}, checks=CHECKS)
