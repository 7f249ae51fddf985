"""API-wide pagination: DRF's envelope, a page size the client may choose up to 100.

Built for collections of millions of rows, where the usual way is slow twice:
an exact `COUNT(*)` reads the whole collection on every request, and a plain
`OFFSET` fetches and joins every row it skips.

- `count` is exact up to `exact_count_limit` records, and counting stops
  there; past it, `count` is PostgreSQL's estimate of the number of rows.
- A page is found in two steps: the ids of the page first, over the index,
  then the rows and everything they embed for those ids alone. A date filter
  can say how to read the ids in date order (see events/filtersets.py).
- `next` is set when one more record exists past the page, counted or not.
"""

from types import SimpleNamespace

from django.db import connections
from rest_framework import pagination
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from events.api.pagination import page_of


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    page_size_query_description = "Records per page, 20 by default; above 100 is read as 100."
    exact_count_limit = 1000

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = self.get_page_size(request)
        number = self._page_number(request)
        start = (number - 1) * size
        ids = page_of(_keys(queryset), request, start, start + size + 1)
        self.count = self._count(queryset, at_least=start + len(ids) if ids else 0)
        if not ids and number > 1:
            raise NotFound(self._no_such_page(number, size))
        self.number, self.has_next = number, len(ids) > size
        rows = {row.pk: row for row in queryset.filter(pk__in=ids[:size])}
        return [rows[pk] for pk in ids[:size]]

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_next_link(self):
        if not self.has_next:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.page_query_param, self.number + 1)

    def get_previous_link(self):
        if self.number == 1:
            return None
        url = self.request.build_absolute_uri()
        if self.number == 2:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, self.number - 1)

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"]["description"] = (
            f"How many records match: exact up to {self.exact_count_limit:,}, "
            "PostgreSQL's estimate above."
        )
        return response

    def get_html_context(self):
        # The browsable API's page links need an exact page count: only offer them when known.
        if self.count > self.exact_count_limit:
            return {"previous_url": self.get_previous_link(), "next_url": self.get_next_link()}
        pages = max(1, -(-self.count // self.get_page_size(self.request)))
        self.page = SimpleNamespace(number=self.number, paginator=SimpleNamespace(num_pages=pages))
        return super().get_html_context()

    def _page_number(self, request) -> int:
        value = request.query_params.get(self.page_query_param, "1")
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise NotFound(f"There is no page {value}: pages are numbered from 1.")
        return number

    def _count(self, queryset, at_least: int) -> int:
        """The exact count up to the limit, counting no further; an estimate past it."""
        keys = _keys(queryset).order_by()
        counted = keys[: self.exact_count_limit + 1].count()
        if counted <= self.exact_count_limit:
            return max(counted, at_least)
        return max(estimated_count(keys), self.exact_count_limit + 1, at_least)

    def _no_such_page(self, number: int, size: int) -> str:
        if self.count > self.exact_count_limit:
            return f"There is no page {number} at {size} records a page."
        last = max(1, -(-self.count // size))
        return f"There is no page {number}: pages run from 1 to {last} at {size} records a page."


def _keys(queryset):
    """The primary keys of `queryset`, in its order, without joins for what rows embed."""
    return queryset.select_related(None).prefetch_related(None).values_list("pk", flat=True)


def estimated_count(queryset) -> int:
    """PostgreSQL's estimate of how many rows `queryset` has, from its query plan."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        (plan,) = cursor.fetchone()
    return int(plan[0]["Plan"]["Plan Rows"])
