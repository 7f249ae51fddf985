from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from config.api_root import Router
from config.health import healthz, readyz
from events.api.urls import router as events_router
from treaties.api.search import SearchView
from treaties.api.urls import router as treaties_router
from treaties.api.urls import urlpatterns as treaties_urls

# The treaties app registers richer viewsets for some of the historical
# record's collections (a person's negotiations, filters by treaty): its
# registration of a prefix replaces the events app's.
registry = {
    prefix: (prefix, viewset, basename) for prefix, viewset, basename in events_router.registry
}
registry.update(
    {prefix: (prefix, viewset, basename) for prefix, viewset, basename in treaties_router.registry}
)
router = Router()
router.registry.extend(registry.values())

urlpatterns = [
    path("api/v1/search/", SearchView.as_view(), name="search"),
    path("api/v1/", include([*treaties_urls, *router.urls])),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("api-auth/", include("rest_framework.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

handler400 = "config.problems.bad_request"
handler403 = "config.problems.permission_denied"
handler404 = "config.problems.not_found"
handler500 = "config.problems.server_error"
