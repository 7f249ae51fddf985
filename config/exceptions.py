"""Errors the database raises become clear 4xx answers, never a 500."""

from django.db import DataError, IntegrityError
from django.db.models import ProtectedError, RestrictedError
from psycopg import errors as pg_errors
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, ProtectedError | RestrictedError):
        dependents = sorted(
            {f"{obj._meta.verbose_name}: {obj}" for obj in exc.protected_objects}
            if isinstance(exc, ProtectedError)
            else {f"{obj._meta.verbose_name}: {obj}" for obj in exc.restricted_objects}
        )
        return Response(
            {
                "detail": "Other records depend on this one; change or delete them first.",
                "depends_on": dependents,
            },
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, DataError):
        return Response(
            {"detail": f"The database cannot store this: {str(exc).splitlines()[0]}."},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, IntegrityError):
        cause = exc.__cause__
        conflict = isinstance(cause, pg_errors.UniqueViolation | pg_errors.ExclusionViolation)
        constraint = getattr(getattr(cause, "diag", None), "constraint_name", None)
        return Response(
            {
                "detail": "This conflicts with a record that already exists."
                if conflict
                else "The database refused this data as inconsistent.",
                "constraint": constraint,
            },
            status=status.HTTP_409_CONFLICT if conflict else status.HTTP_400_BAD_REQUEST,
        )
    return drf_exception_handler(exc, context)
