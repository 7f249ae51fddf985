"""One error format everywhere: RFC 9457 problem details, as `application/problem+json`.

Every 4xx and 5xx body has `type`, `title`, `status` and `detail`; a request
with bad fields or parameters adds `errors`, one entry per message, each naming
its field. DRF's views answer through `exception_handler`; what Django answers
itself (an unknown URL, a body over the limit, a CSRF failure, a crash) goes
through the handlers below, wired in `config.urls` and the settings.
"""

import functools
import logging
import sys
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import DataError, IntegrityError, InterfaceError, OperationalError
from django.db.models import ProtectedError, RestrictedError
from django.http import JsonResponse
from psycopg import errors as pg_errors
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)

MEDIA_TYPE = "application/problem+json"
# How long a client should wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 5
UNAVAILABLE = "The database is unavailable; try again shortly."


def problem(status_code: int, detail: str, errors: list[dict] | None = None, **extra) -> dict:
    """A problem details object. The type is `about:blank`: the status says what happened."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status_code).phrase,
        "status": status_code,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return body | extra


def field_errors(detail, field: str | None = None) -> list[dict]:
    """DRF's nested error detail as a flat list, each message naming its field.

    Fields of nested records are dotted paths: `clauses.0.number`. Errors about
    the whole body, or a whole nested record, name its parent (None at the top).
    """
    if isinstance(detail, dict):
        return [
            error
            for key, value in detail.items()
            for error in field_errors(value, _join(field, key))
        ]
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return [error for item in detail for error in field_errors(item, field)]
        return [
            error
            for index, item in enumerate(detail)
            if item
            for error in field_errors(item, _join(field, str(index)))
        ]
    return [
        {"field": field, "detail": str(detail), "code": getattr(detail, "code", None) or "invalid"}
    ]


def _join(parent: str | None, key) -> str | None:
    if key == api_settings.NON_FIELD_ERRORS_KEY:
        return parent
    return f"{parent}.{key}" if parent else str(key)


def _summary(errors: list[dict]) -> str:
    if len(errors) == 1:
        error = errors[0]
        return f"{error['field']}: {error['detail']}" if error["field"] else error["detail"]
    fields = sorted({error["field"] or "the request as a whole" for error in errors})
    return f"{len(errors)} problems with: {', '.join(fields)}."


def exception_handler(exc, context):
    """DRF's errors, and the database's refusals, as problem details."""
    response = _database_error(exc) or drf_exception_handler(exc, context)
    if response is None:
        return None
    if not isinstance(response.data, dict) or "type" not in response.data:
        response.data = _drf_problem(exc, response)
    response.status_code = response.data["status"]
    renderer = getattr(context["request"], "accepted_renderer", None)
    if renderer is None or renderer.format == "json":
        response.content_type = MEDIA_TYPE
    return response


def _drf_problem(exc, response: Response) -> dict:
    if isinstance(exc, exceptions.ValidationError):
        errors = field_errors(exc.detail)
        # Everything wrong is that a record like this exists already: a conflict.
        conflict = bool(errors) and all(error["code"] == "unique" for error in errors)
        return problem(
            status.HTTP_409_CONFLICT if conflict else response.status_code,
            _summary(errors),
            errors,
        )
    detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
    return problem(response.status_code, str(detail) or HTTPStatus(response.status_code).phrase)


def _database_error(exc) -> Response | None:
    if isinstance(exc, ProtectedError | RestrictedError):
        records = (
            exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        )
        return Response(
            problem(
                status.HTTP_409_CONFLICT,
                "Other records depend on this one; change or delete them first.",
                depends_on=sorted({f"{obj._meta.verbose_name}: {obj}" for obj in records}),
            )
        )
    if isinstance(exc, DataError):
        return Response(
            problem(
                status.HTTP_400_BAD_REQUEST,
                f"The database cannot store this: {str(exc).splitlines()[0]}.",
            )
        )
    if isinstance(exc, IntegrityError):
        cause = exc.__cause__
        conflict = isinstance(cause, pg_errors.UniqueViolation | pg_errors.ExclusionViolation)
        constraint = getattr(getattr(cause, "diag", None), "constraint_name", None)
        return Response(
            problem(
                status.HTTP_409_CONFLICT if conflict else status.HTTP_400_BAD_REQUEST,
                "This conflicts with a record that already exists."
                if conflict
                else "The database refused this data as inconsistent.",
                constraint=constraint,
            )
        )
    if isinstance(exc, OperationalError | InterfaceError):
        logger.error("Database unavailable: %s", exc)
        return Response(
            problem(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE),
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return None


def problem_response(status_code: int, detail: str, headers=None, **extra) -> JsonResponse:
    return JsonResponse(
        problem(status_code, detail, **extra),
        status=status_code,
        content_type=MEDIA_TYPE,
        headers=headers,
    )


def require_get(view):
    """Like Django's require_GET (HEAD too), answering other methods with a 405 problem."""

    @functools.wraps(view)
    def only_get(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return problem_response(
                status.HTTP_405_METHOD_NOT_ALLOWED,
                f'Method "{request.method}" not allowed.',
                headers={"Allow": "GET, HEAD"},
            )
        return view(request, *args, **kwargs)

    return only_get


def bad_request(request, exception=None):
    """Django's 400s: a body over the limit is a 413, a malformed request a 400."""
    if isinstance(exception, RequestDataTooBig):
        return problem_response(
            status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            f"The request body is over the limit of {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes.",
        )
    # What Django says of a suspicious request (a host not allowed...) is for the logs.
    return problem_response(status.HTTP_400_BAD_REQUEST, "The request is malformed or not allowed.")


def permission_denied(request, exception=None):
    return problem_response(status.HTTP_403_FORBIDDEN, "You may not do this.")


def not_found(request, exception=None):
    return problem_response(status.HTTP_404_NOT_FOUND, f"Nothing is at {request.path}.")


def server_error(request):
    """A crash is a 500; a database that went away is a 503 the client may retry."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return problem_response(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            UNAVAILABLE,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return problem_response(
        status.HTTP_500_INTERNAL_SERVER_ERROR,
        "The server failed to answer this request. The failure is logged.",
    )


def csrf_failure(request, reason=""):
    return problem_response(
        status.HTTP_403_FORBIDDEN,
        f"CSRF check failed: {reason} Send the CSRF token with a session, or use a token.",
    )
