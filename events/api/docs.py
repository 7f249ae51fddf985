"""OpenAPI documentation of a collection's operations: summaries, errors, examples."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers

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
            "Impossible date",
            {"signed": ["1858-02-30 is not a day in the Gregorian calendar."]},
        )
    ],
)
UNAUTHENTICATED = OpenApiResponse(
    ERROR, description="No credentials: send 'Authorization: Token <token>' or log in."
)
FORBIDDEN = OpenApiResponse(ERROR, description="Your account may not make this change.")
NOT_FOUND = OpenApiResponse(ERROR, description="No such record.")
PAGE_NOT_FOUND = OpenApiResponse(ERROR, description="No such page: the detail says which exist.")
IN_THE_WAY = OpenApiResponse(
    CONFLICT, description="Other records depend on this one, or it conflicts with one."
)


def document(
    *,
    tag: str,
    singular: str,
    plural: str,
    lookup: str = "slug",
    list_serializer=None,
    detail_serializer=None,
    example: dict | None = None,
    list_example: dict | None = None,
    write_example: dict | None = None,
):
    """Document a collection viewset's six operations in one place."""
    detail = detail_serializer
    listed = list_serializer or detail_serializer

    def examples(label: str, value: dict | None, **flags) -> list[OpenApiExample]:
        return [OpenApiExample(label, value=value, **flags)] if value is not None else []

    read = examples(f"One {singular}", example, response_only=True)
    written = examples(f"A {singular} to write", write_example, request_only=True)
    by = "slug" if lookup == "slug" else "id"
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {plural}",
            description=f"{plural.capitalize()}, paginated, with related records in brief. "
            "Filter with the query parameters below; `ordering` sorts.",
            tags=[tag],
            responses={200: listed, 400: BAD_QUERY, 404: PAGE_NOT_FOUND},
            examples=examples(f"A page of {plural}", list_example or example, response_only=True),
        ),
        retrieve=extend_schema(
            summary=f"Read one {singular}",
            description=f"One {singular}, by its {by}, with more of its related records.",
            tags=[tag],
            responses={200: detail, 404: NOT_FOUND},
            examples=read,
        ),
        create=extend_schema(
            summary=f"Create a {singular}",
            description=f"Editors only. Related records are given by slug or id. Answers 201 "
            f"with the new {singular} and its address in the `Location` header.",
            tags=[tag],
            responses={
                201: detail,
                400: BAD_BODY,
                401: UNAUTHENTICATED,
                403: FORBIDDEN,
                409: IN_THE_WAY,
            },
            examples=written + read,
        ),
        update=extend_schema(
            summary=f"Replace a {singular}",
            description="Editors only. Every writable field is sent; lists sent replace the "
            "stored ones, lists left out are kept.",
            tags=[tag],
            responses={
                200: detail,
                400: BAD_BODY,
                401: UNAUTHENTICATED,
                403: FORBIDDEN,
                404: NOT_FOUND,
                409: IN_THE_WAY,
            },
            examples=written + read,
        ),
        partial_update=extend_schema(
            summary=f"Change part of a {singular}",
            description="Editors only. Only the fields sent change; a list sent replaces the "
            "stored one.",
            tags=[tag],
            responses={
                200: detail,
                400: BAD_BODY,
                401: UNAUTHENTICATED,
                403: FORBIDDEN,
                404: NOT_FOUND,
                409: IN_THE_WAY,
            },
            examples=read,
        ),
        destroy=extend_schema(
            summary=f"Delete a {singular}",
            description="Editors only. Refused with 409 while other records depend on it.",
            tags=[tag],
            responses={
                204: None,
                401: UNAUTHENTICATED,
                403: FORBIDDEN,
                404: NOT_FOUND,
                409: IN_THE_WAY,
            },
        ),
    )
