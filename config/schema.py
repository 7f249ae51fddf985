"""API-wide OpenAPI conventions: every operation documents the errors it can answer."""

from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.generics import GenericAPIView

ERROR = inline_serializer("Error", fields={"detail": serializers.CharField()})
CONFLICT = inline_serializer(
    "Conflict",
    fields={
        "detail": serializers.CharField(),
        "depends_on": serializers.ListField(
            child=serializers.CharField(), required=False, help_text="The records in the way."
        ),
        "constraint": serializers.CharField(required=False, allow_null=True),
    },
)
BAD_QUERY = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="A query parameter is invalid: each bad parameter with its messages.",
    examples=[
        OpenApiExample(
            "Unknown kind",
            {"kind": ["Select a valid choice. memo is not one of the available choices."]},
        )
    ],
)
BAD_BODY = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="The body is invalid: each bad field with its messages, nested as the body is.",
    examples=[
        OpenApiExample(
            "Impossible date", {"signed": ["1858-02-30 is not a day in the Gregorian calendar."]}
        )
    ],
)
UNAUTHENTICATED = OpenApiResponse(
    ERROR, description="No credentials: send 'Authorization: Token <token>' or log in."
)
FORBIDDEN = OpenApiResponse(ERROR, description="Your account may not make this change.")
NOT_FOUND = OpenApiResponse(ERROR, description="No such record.")
PAGE_NOT_FOUND = OpenApiResponse(
    ERROR, description="No such record or page: the detail says which pages exist."
)
CONFLICT_RESPONSE = OpenApiResponse(
    CONFLICT, description="Other records depend on this one, or it conflicts with one."
)
WRITE_ERRORS = {401: UNAUTHENTICATED, 403: FORBIDDEN, 409: CONFLICT_RESPONSE}


class AutoSchema(openapi.AutoSchema):
    """Adds to each collection operation the error responses it can give.

    The success response stays introspected from the view's serializer; an
    operation whose responses are set explicitly with @extend_schema keeps them.
    """

    def get_response_serializers(self):
        success = super().get_response_serializers()
        if not isinstance(self.view, GenericAPIView) or isinstance(success, dict):
            return success
        if self.method == "GET":
            if self._is_list_view(success):
                return {200: success, 400: BAD_QUERY, 404: PAGE_NOT_FOUND}
            return {200: success, 404: NOT_FOUND}
        if self.method == "POST":
            return {201: success, 400: BAD_BODY, **WRITE_ERRORS}
        if self.method in ("PUT", "PATCH"):
            return {200: success, 400: BAD_BODY, 404: NOT_FOUND, **WRITE_ERRORS}
        if self.method == "DELETE":
            return {204: None, 404: NOT_FOUND, **WRITE_ERRORS}
        return success
