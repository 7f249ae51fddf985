from rest_framework.routers import SimpleRouter

from events.api import views

router = SimpleRouter()
router.register("events", views.EventViewSet)
router.register("places", views.PlaceViewSet)
router.register("polities", views.PolityViewSet)
router.register("people", views.PersonViewSet)
router.register("sources", views.SourceViewSet)
