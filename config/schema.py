"""API-wide OpenAPI conventions: every operation documents the errors it can answer.

Every error is an RFC 9457 problem (see config/problems.py), served as
`application/problem+json`.
"""

from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    inline_serializer,
)
from rest_framework import serializers

from config.problems import MEDIA_TYPE
from events.api.conditional import ConditionalMixin

PROBLEM = inline_serializer(
    "Problem",
    fields={
        "type": serializers.CharField(
            help_text="`about:blank`: the status and title say what kind of problem it is."
        ),
        "title": serializers.CharField(help_text="The HTTP status phrase."),
        "status": serializers.IntegerField(help_text="The HTTP status code."),
        "detail": serializers.CharField(help_text="What went wrong this time, for people."),
        "errors": serializers.ListField(
            child=inline_serializer(
                "FieldError",
                fields={
                    "field": serializers.CharField(
                        allow_null=True,
                        help_text="The body field or query parameter, as a dotted path into "
                        "nested records (`clauses.0.number`); null for the request as a whole.",
                    ),
                    "detail": serializers.CharField(),
                    "code": serializers.CharField(
                        help_text="What kind of error: `required`, `invalid`, `unique`..."
                    ),
                },
            ),
            required=False,
            help_text="One entry per message about a field or parameter.",
        ),
        "depends_on": serializers.ListField(
            child=serializers.CharField(),
            required=False,
            help_text="On a refused delete: the records that depend on this one.",
        ),
        "constraint": serializers.CharField(
            required=False,
            allow_null=True,
            help_text="The database constraint a write broke.",
        ),
    },
)


def problem(description: str, *examples: tuple[str, dict]) -> OpenApiResponse:
    return OpenApiResponse(
        PROBLEM,
        description=description,
        examples=[OpenApiExample(name, value) for name, value in examples],
    )


def _example(status: int, title: str, detail: str, **extra) -> dict:
    return {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}


ERROR_RESPONSES = {
    400: problem(
        "Invalid input: `errors` names each bad field or query parameter.",
        (
            "Impossible date",
            _example(
                400,
                "Bad Request",
                "signed: 1858-02-30 is not a day in the Gregorian calendar.",
                errors=[
                    {
                        "field": "signed",
                        "detail": "1858-02-30 is not a day in the Gregorian calendar.",
                        "code": "invalid",
                    }
                ],
            ),
        ),
    ),
    401: problem("No credentials: send 'Authorization: Token <token>' or log in."),
    403: problem("Your account may not make this change."),
    404: problem("No such record, or no such page: the detail says which pages exist."),
    409: problem(
        "A record with this slug exists already, or other records depend on this one.",
        (
            "Still in use",
            _example(
                409,
                "Conflict",
                "Other records depend on this one; change or delete them first.",
                depends_on=["treaty party: Russian Empire, party to Treaty of Aigun"],
            ),
        ),
    ),
    412: problem(
        "If-Match did not match: the record changed since it was read. Read it again.",
    ),
    413: problem("The body is over the size limit."),
    429: problem("Too many requests from this client: try again after `Retry-After` seconds."),
    503: problem("The database is unavailable: try again after `Retry-After` seconds."),
}


NOT_MODIFIED = OpenApiResponse(
    description="If-None-Match named the current ETag: what you have is up to date."
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=["200", "201"],
    description="The representation's entity tag: send it back in If-None-Match "
    "(or, for a record, If-Match).",
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="An ETag you hold: answered 304 without a body while it is current.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag you read: the write is refused with 412 if the record changed "
    "since. Without it, the last write wins.",
)

# What any request may meet, whatever it asks: a malformed query string, a
# rate limit, the database away.
ANY = (400, 429, 503)
WRITE = (400, 401, 403, 409, 413)


class AutoSchema(openapi.AutoSchema):
    """Adds to each operation the error responses it can give, and conditional requests.

    The success response stays introspected from the view's serializer, or set
    with @extend_schema; the errors are added here, after either.
    """

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        action = getattr(self.view, "action", None)
        if self._kept_read():
            return [*parameters, IF_NONE_MATCH, ETAG]
        if not isinstance(self.view, ConditionalMixin):
            return parameters
        if action in ("update", "partial_update", "destroy"):
            return [*parameters, IF_MATCH, ETAG]
        if action == "create":
            return [*parameters, ETAG]
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        conditional = isinstance(self.view, ConditionalMixin)
        if self._kept_read():
            responses.setdefault("304", self._get_response_for_code(NOT_MODIFIED, "304"))
        for code in sorted(self._error_codes(conditional)):
            responses.setdefault(
                str(code),
                self._get_response_for_code(
                    ERROR_RESPONSES[code], str(code), [MEDIA_TYPE], direction
                ),
            )
        return responses

    def _kept_read(self) -> bool:
        """Is this a read answered with an ETag, and a 304 for a client that has it?"""
        if self.method != "GET" or not getattr(self.view, "kept_reads", False):
            return False
        return getattr(self.view, "action", None) in (None, "list", "retrieve")

    def _error_codes(self, conditional: bool) -> set[int]:
        precondition = {412} if conditional else set()
        if self.method == "POST":
            return {*WRITE, *ANY}
        if self.method in ("PUT", "PATCH"):
            return {404, *precondition, *WRITE, *ANY}
        if self.method == "DELETE":
            return {401, 403, 404, 409, *precondition, *ANY}
        return {404, *ANY}
