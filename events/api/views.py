from django.db import transaction
from django.db.models import Prefetch
from rest_framework import viewsets

from events import filtersets
from events.api import examples, serializers
from events.api.conditional import ConditionalMixin
from events.api.docs import document
from events.api.history import HistoryMixin
from events.models import Event, Person, Place, Polity, Source

SEARCHED = {"search_vector", "search_names"}


def with_citations(queryset):
    """Prefetch a record's citations and their sources, as every serializer shows them."""
    citations = queryset.model._meta.get_field("citations").related_model
    return queryset.prefetch_related(
        Prefetch("citations", queryset=citations.objects.select_related("source"))
    )


class RecordViewSet(ConditionalMixin, HistoryMixin, viewsets.ModelViewSet):
    """Anonymous clients read; editors with the model's permissions write, atomically.

    Records carry ETags, and writes honour If-Match (see events/api/conditional.py).
    """

    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_queryset(self):
        # What search reads, the database reads itself: records never carry it here.
        searched = [f.name for f in self.queryset.model._meta.concrete_fields if f.name in SEARCHED]
        return super().get_queryset().defer(*searched)

    def perform_create(self, serializer):
        with transaction.atomic():
            serializer.save()

    def perform_update(self, serializer):
        with transaction.atomic():
            serializer.save()

    def perform_destroy(self, instance):
        with transaction.atomic():
            instance.delete()


@document(
    tag="sources",
    singular="source",
    plural="sources",
    example=examples.SOURCE,
    write_example=examples.SOURCE_WRITE,
)
class SourceViewSet(RecordViewSet):
    """Bibliographic sources. Every fact in Annales cites one, with a locator."""

    queryset = with_citations(Source.objects.all())
    serializer_class = serializers.SourceSerializer
    filterset_class = filtersets.SourceFilterSet
    ordering_fields = {"name": "name", "slug": "slug", "kind": "kind"}


@document(
    tag="polities",
    singular="polity",
    plural="polities",
    example=examples.POLITY,
    write_example=examples.POLITY_WRITE,
)
class PolityViewSet(RecordViewSet):
    """States and powers: the Russian Empire, Qing China, the British Empire."""

    queryset = with_citations(Polity.objects.all())
    serializer_class = serializers.PolitySerializer
    filterset_class = filtersets.PolityFilterSet
    ordering_fields = {
        "name": "name",
        "slug": "slug",
        "existed": "existed_sort",
        "date": "existed_sort",
    }


@document(
    tag="places",
    singular="place",
    plural="places",
    example=examples.PLACE,
    write_example=examples.PLACE_WRITE,
)
class PlaceViewSet(RecordViewSet):
    """Rivers, seas, towns and regions, with coordinates where known."""

    queryset = with_citations(Place.objects.select_related("part_of"))
    serializer_class = serializers.PlaceSerializer
    filterset_class = filtersets.PlaceFilterSet
    ordering_fields = {
        "name": "name",
        "slug": "slug",
        "kind": "kind",
        "latitude": "latitude",
        "longitude": "longitude",
    }


@document(
    tag="people",
    singular="person",
    plural="people",
    example=examples.PERSON,
    write_example=examples.PERSON_WRITE,
)
class PersonViewSet(RecordViewSet):
    """Historical people: negotiators, envoys, rulers."""

    queryset = with_citations(Person.objects.all())
    serializer_class = serializers.PersonSerializer
    filterset_class = filtersets.PersonFilterSet
    ordering_fields = {
        "name": "name",
        "slug": "slug",
        "born": "born_sort",
        "date": "born_sort",
        "died": "died_sort",
    }


@document(
    tag="events",
    singular="event",
    plural="events",
    example=examples.EVENT,
    write_example=examples.EVENT_WRITE,
)
class EventViewSet(RecordViewSet):
    """Things that happened over a (fuzzy) span of time, in order of their earliest day."""

    queryset = with_citations(
        Event.objects.select_related("part_of").prefetch_related("places", "polities", "people")
    )
    serializer_class = serializers.EventSerializer
    filterset_class = filtersets.EventFilterSet
    ordering_fields = {"name": "name", "slug": "slug", "kind": "kind", "date": "date_sort"}
