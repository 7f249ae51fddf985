from django.urls import path
from rest_framework.routers import SimpleRouter

from treaties.api import views

router = SimpleRouter()
router.register("treaties", views.TreatyViewSet)
router.register("clauses", views.ClauseViewSet)
router.register("negotiators", views.NegotiatorViewSet)
# The historical record's collections, with what they mean for treaties: a
# person's negotiations, a place's clauses, filters by treaty.
router.register("events", views.EventViewSet)
router.register("places", views.PlaceViewSet)
router.register("polities", views.PolityViewSet)
router.register("people", views.PersonViewSet)
router.register("timeline", views.TimelineViewSet, basename="timeline")

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
