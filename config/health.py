"""Liveness and readiness probes, for load balancers and orchestrators."""

from http import HTTPStatus

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from config.problems import RETRY_AFTER_SECONDS, UNAVAILABLE, problem_response, require_get


@never_cache
@require_get
def healthz(request):
    """The process is alive and answering."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_get
def readyz(request):
    """The service can do its work: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return problem_response(
            HTTPStatus.SERVICE_UNAVAILABLE,
            UNAVAILABLE,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            database=type(error).__name__,
        )
    return JsonResponse({"status": "ok", "database": "ok"})
