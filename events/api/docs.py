"""OpenAPI documentation of a collection's operations: summaries, descriptions, examples.

The error responses of every operation come from the project's AutoSchema.
"""

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view


def document(
    *,
    tag: str,
    singular: str,
    plural: str,
    lookup: str = "slug",
    example: dict | None = None,
    list_example: dict | None = None,
    write_example: dict | None = None,
):
    """Document a collection viewset's six operations in one place."""

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
            examples=examples(f"A page of {plural}", list_example or example, response_only=True),
        ),
        retrieve=extend_schema(
            summary=f"Read one {singular}",
            description=f"One {singular}, by its {by}, with more of its related records.",
            tags=[tag],
            examples=read,
        ),
        create=extend_schema(
            summary=f"Create a {singular}",
            description="Editors only. Related records are given by slug or id. Answers 201 "
            f"with the new {singular} and its address in the `Location` header.",
            tags=[tag],
            examples=written + read,
        ),
        update=extend_schema(
            summary=f"Replace a {singular}",
            description="Editors only. Every writable field is sent; lists sent replace the "
            "stored ones, lists left out are kept.",
            tags=[tag],
            examples=written + read,
        ),
        partial_update=extend_schema(
            summary=f"Change part of a {singular}",
            description="Editors only. Only the fields sent change; a list sent replaces the "
            "stored one.",
            tags=[tag],
            examples=read,
        ),
        destroy=extend_schema(
            summary=f"Delete a {singular}",
            description="Editors only. Refused with 409 while other records depend on it.",
            tags=[tag],
        ),
    )
