"""`{collection}/{slug}/history/`: who changed a record, when, and what changed."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
)
from pghistory.models import Events
from rest_framework import serializers
from rest_framework.decorators import action


class HistoryEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField(source="pgh_created_at")
    action = serializers.CharField(
        source="pgh_label",
        help_text="insert, update or delete of a row; add or remove of a link.",
    )
    table = serializers.SerializerMethodField(
        help_text="What was written: the record itself, or one of its parts or links "
        "(treaty, clause, treatyparty, treatycitation, event_places...)."
    )
    row = serializers.CharField(source="pgh_obj_id", help_text="The id of the row written.")
    user = serializers.SerializerMethodField(help_text="Who wrote it; null for loads and scripts.")
    changes = serializers.SerializerMethodField(
        help_text="Column: [before, after]. An insert or add has null before, a delete or remove "
        "null after; null when the row predates the history."
    )

    @extend_schema_field(OpenApiTypes.STR)
    def get_table(self, event) -> str:
        return event.pgh_obj_model.split(".")[-1].lower()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_user(self, event) -> str | None:
        user = (event.pgh_context or {}).get("user")
        return self.context["users"].get(user)

    @extend_schema_field(
        serializers.DictField(
            child=serializers.ListField(min_length=2, max_length=2), allow_null=True
        )
    )
    def get_changes(self, event) -> dict[str, list] | None:
        if event.pgh_label in ("insert", "add"):
            return {
                column: [None, value]
                for column, value in event.pgh_data.items()
                if value is not None
            }
        if event.pgh_label in ("delete", "remove"):
            return {
                column: [value, None]
                for column, value in event.pgh_data.items()
                if value is not None
            }
        return event.pgh_diff


class HistoryMixin:
    """Adds the `history` route to a collection's records."""

    @extend_schema(
        summary="History of a record",
        description="Every write to the record and to the rows that point to it (a treaty's "
        "clauses, parties, negotiators, citations and links), newest first: when, who, and "
        "each column's value before and after. Recorded by the database, so nothing escapes "
        "it.",
        filters=False,
        parameters=[
            OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1."),
            OpenApiParameter(
                "page_size", OpenApiTypes.INT, description="Entries per page, up to 100."
            ),
        ],
        responses=HistoryEntrySerializer(many=True),
        examples=[
            OpenApiExample(
                "A status changed",
                {
                    "at": "2026-11-25T09:14:03.512Z",
                    "action": "update",
                    "table": "treaty",
                    "row": "4",
                    "user": "ada",
                    "changes": {"status": ["superseded", "in_force"]},
                },
                response_only=True,
            )
        ],
    )
    @action(detail=True, filter_backends=[])
    def history(self, request, *args, **kwargs):
        lookup = self.lookup_url_kwarg or self.lookup_field
        record = get_object_or_404(
            self.get_queryset().prefetch_related(None), **{self.lookup_field: kwargs[lookup]}
        )
        events = Events.objects.references(record).order_by(
            "-pgh_created_at", "pgh_model", "-pgh_id"
        )
        page = self.paginate_queryset(events)
        ids = {(event.pgh_context or {}).get("user") for event in page} - {None}
        users = dict(get_user_model().objects.filter(pk__in=ids).values_list("pk", "username"))
        entries = HistoryEntrySerializer(page, many=True, context={"users": users})
        return self.get_paginated_response(entries.data)
