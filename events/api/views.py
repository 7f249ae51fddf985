from django.db.models import Prefetch
from rest_framework import viewsets

from events.api import serializers
from events.models import Event, Person, Place, Polity, Source


def with_citations(queryset):
    """Prefetch a record's citations and their sources, as every serializer shows them."""
    model = queryset.model
    citations = model._meta.get_field("citations").related_model
    return queryset.prefetch_related(
        Prefetch("citations", queryset=citations.objects.select_related("source"))
    )


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    """Bibliographic sources. Every fact in Annales cites one, with a locator."""

    queryset = with_citations(Source.objects.all())
    serializer_class = serializers.SourceSerializer
    lookup_field = "slug"
    ordering_fields = ["name", "slug"]


class PolityViewSet(viewsets.ReadOnlyModelViewSet):
    """States and powers: the Russian Empire, Qing China, the British Empire."""

    queryset = with_citations(Polity.objects.all())
    serializer_class = serializers.PolitySerializer
    lookup_field = "slug"
    ordering_fields = ["name", "slug", "existed_earliest"]


class PlaceViewSet(viewsets.ReadOnlyModelViewSet):
    """Rivers, seas, towns and regions, with coordinates where known."""

    queryset = with_citations(Place.objects.select_related("part_of"))
    serializer_class = serializers.PlaceSerializer
    lookup_field = "slug"
    ordering_fields = ["name", "slug"]


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """Historical people: negotiators, envoys, rulers."""

    queryset = with_citations(Person.objects.all())
    serializer_class = serializers.PersonSerializer
    lookup_field = "slug"
    ordering_fields = ["name", "slug", "born_earliest"]


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """Things that happened over a (fuzzy) span of time, in order of their earliest day."""

    queryset = with_citations(
        Event.objects.select_related("part_of").prefetch_related("places", "polities", "people")
    )
    serializer_class = serializers.EventSerializer
    lookup_field = "slug"
    ordering_fields = ["name", "slug", "date_earliest"]
