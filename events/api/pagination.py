"""Keyset (cursor) pagination, for long runs in time order such as the timeline."""

import base64
import binascii
import json

from django.db.models import Q
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


def page_of(queryset, request, start: int, stop: int) -> list:
    """Rows `start` to `stop` of `queryset`, read as a date filter says to, if one was set."""
    window = getattr(request, "date_window", None)
    forward = window.orders(queryset) if window is not None else None
    if forward is None:
        return list(queryset[start:stop])
    return window.take(queryset, start, stop, forward)


def cursor(position: list, forward: bool = True) -> str:
    """The cursor of the page that starts after `position` (ends before it, going back)."""
    token = json.dumps({"p": position, "f": forward}, separators=(",", ":"))
    return base64.urlsafe_b64encode(token.encode()).decode()


class KeysetPagination(pagination.BasePagination):
    """Cursor pagination on a view's `keyset` columns (a sort key, then id).

    Each page is found through the index from where the last one ended, so page
    10,000 costs what page 1 costs, and rows added meanwhile never shift a page.
    """

    page_size = 20
    max_page_size = 100
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.keyset = view.keyset
        self.page_size = self._page_size(request)
        position, forward = self._decode(request.query_params.get(self.cursor_query_param))
        ascending = [*self.keyset]
        ordering = ascending if forward else [f"-{field}" for field in ascending]
        if position is not None:
            queryset = queryset.filter(self._after(position, forward))
        rows = page_of(queryset.order_by(*ordering), request, 0, self.page_size + 1)
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if not forward:
            rows.reverse()
        self.next_position = self._position(rows[-1]) if rows and (more or not forward) else None
        self.previous_position = (
            self._position(rows[0])
            if rows and (position is not None and (more or forward))
            else None
        )
        return rows

    def get_paginated_response(self, data):
        return Response(
            {
                "next": self._link(self.next_position, forward=True),
                "previous": self._link(self.previous_position, forward=False),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        example = (
            "https://annales.example/api/v1/timeline/?cursor=eyJwIjpbMjM5OTgyOCwxMF0sImYiOnRydWV9"
        )
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "example": example},
                "previous": {**link, "example": None},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where to go on from: take it from a page's `next` or `previous`.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": "Entries per page, 20 by default; above 100 is read as 100.",
                "schema": {"type": "integer"},
            },
        ]

    def _page_size(self, request) -> int:
        try:
            size = int(request.query_params.get(self.page_size_query_param, self.page_size))
        except ValueError:
            raise ValidationError({self.page_size_query_param: ["A whole number."]}) from None
        if size < 1:
            raise ValidationError({self.page_size_query_param: ["At least 1."]})
        return min(size, self.max_page_size)

    def _position(self, row) -> list:
        return [getattr(row, field) for field in self.keyset]

    def _after(self, position: list, forward: bool) -> Q:
        """Rows strictly after `position` in keyset order (before it when going back).

        The first key's own bound comes first: PostgreSQL reads the index from
        there, where the OR of the full condition alone would have it read from
        the start.
        """
        condition = Q()
        for index in reversed(range(len(self.keyset))):
            field = self.keyset[index]
            equal = {self.keyset[i]: position[i] for i in range(index)}
            step = Q(**{f"{field}__{'gt' if forward else 'lt'}": position[index]}, **equal)
            condition = step if index == len(self.keyset) - 1 else step | condition
        return Q(**{f"{self.keyset[0]}__{'gte' if forward else 'lte'}": position[0]}) & condition

    def _link(self, position: list | None, forward: bool) -> str | None:
        if position is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, cursor(position, forward))

    def _decode(self, cursor: str | None) -> tuple[list | None, bool]:
        if not cursor:
            return None, True
        try:
            token = json.loads(base64.urlsafe_b64decode(cursor.encode()))
            position, forward = token["p"], token["f"]
            valid = len(position) == len(self.keyset) and all(
                isinstance(value, int) and not isinstance(value, bool) for value in position
            )
        except (ValueError, TypeError, KeyError, binascii.Error):
            valid = False
        if not valid or not isinstance(forward, bool):
            raise ValidationError({self.cursor_query_param: ["Not a cursor this API gave out."]})
        return position, forward
