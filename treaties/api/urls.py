from django.urls import path
from rest_framework.routers import SimpleRouter

from treaties.api import views

router = SimpleRouter()
router.register("treaties", views.TreatyViewSet)
router.register("clauses", views.ClauseViewSet)
router.register("negotiators", views.NegotiatorViewSet)

urlpatterns = [
    path(
        "treaties/<slug:treaty_slug>/clauses/",
        views.TreatyClauseViewSet.as_view({"get": "list"}),
        name="treaty-clause-list",
    ),
    path(
        "treaties/<slug:treaty_slug>/negotiators/",
        views.TreatyNegotiatorViewSet.as_view({"get": "list"}),
        name="treaty-negotiator-list",
    ),
]
