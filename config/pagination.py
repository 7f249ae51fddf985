"""API-wide pagination: DRF's envelope, a page size the client may choose up to 100."""

from rest_framework import pagination
from rest_framework.exceptions import NotFound


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    page_size_query_description = "Records per page, 20 by default; above 100 is read as 100."

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            # Only on this error path is the collection counted a second time.
            page_size = self.get_page_size(request)
            paginator = self.django_paginator_class(queryset, page_size)
            page = request.query_params.get(self.page_query_param)
            raise NotFound(
                f"There is no page {page}: pages run from 1 to {paginator.num_pages} "
                f"at {page_size} records a page."
            ) from None
