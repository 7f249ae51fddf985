"""The API root: every collection, its URL and what it holds."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import routers, serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse


class APIRootView(routers.APIRootView):
    """Annales: historical events, treaties, their clauses and the negotiators who made them.

    Each collection below is paginated (`page`, `page_size` up to 100) and takes
    `q` to search and `ordering` to sort. Anonymous clients read; editors write
    with a token (`Authorization: Token ...`) or by logging in here.
    """

    descriptions: dict[str, str] = {}

    @extend_schema(
        summary="List the collections",
        responses=inline_serializer(
            "Collection",
            fields={"url": serializers.URLField(), "description": serializers.CharField()},
            many=True,
        ),
        tags=["root"],
    )
    def get(self, request, *args, **kwargs):
        collections = {}
        for name, url_name in self.api_root_dict.items():
            url = reverse(url_name, args=args, kwargs=kwargs, request=request)
            collections[name] = {"url": url, "description": self.descriptions.get(name, "")}
        return Response(collections)


class Router(routers.DefaultRouter):
    """DefaultRouter whose root describes each collection with its viewset's first line."""

    APIRootView = APIRootView

    def get_api_root_view(self, api_urls=None):
        descriptions = {
            prefix: (viewset.__doc__ or "").strip().splitlines()[0]
            for prefix, viewset, _ in self.registry
        }
        list_name = self.routes[0].name
        api_root_dict = {
            prefix: list_name.format(basename=basename) for prefix, _, basename in self.registry
        }
        return self.APIRootView.as_view(api_root_dict=api_root_dict, descriptions=descriptions)
