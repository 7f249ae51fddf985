from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from config.health import healthz, readyz
from events.api.urls import router as events_router
from treaties.api.urls import router as treaties_router
from treaties.api.urls import urlpatterns as treaties_urls

router = DefaultRouter()
router.registry.extend(events_router.registry)
router.registry.extend(treaties_router.registry)

urlpatterns = [
    path("api/v1/", include([*treaties_urls, *router.urls])),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("api-auth/", include("rest_framework.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]
