from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, viewsets

from events.api import views as events_views
from events.api.conditional import kept
from events.api.docs import document
from events.api.pagination import KeysetPagination
from events.api.views import RecordViewSet, with_citations
from events.models import Event
from treaties import filtersets
from treaties.api import examples, serializers
from treaties.models import (
    Clause,
    ClausePolity,
    Negotiator,
    Treaty,
    TreatyMilestone,
    TreatyParty,
    TreatyRelation,
)


def clauses():
    return with_citations(
        Clause.objects.select_related("treaty").prefetch_related(
            "places",
            Prefetch("clause_polities", queryset=ClausePolity.objects.select_related("polity")),
        )
    )


def negotiators():
    return with_citations(Negotiator.objects.select_related("treaty", "person", "polity"))


class DetailSerializerMixin:
    """A richer serializer, and the prefetching it needs, for one record than for lists."""

    detail_serializer_class = None
    list_prefetch: tuple = ()
    detail_prefetch: tuple = ()

    def get_serializer_class(self):
        if self.action == "list":
            return self.serializer_class
        return self.detail_serializer_class

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "list":
            return queryset.prefetch_related(*self.list_prefetch)
        return queryset.prefetch_related(*self.detail_prefetch)


@document(
    tag="treaties",
    singular="treaty",
    plural="treaties",
    example=examples.TREATY,
    write_example=examples.TREATY_WRITE,
    list_example=examples.TREATY_LIST_ITEM,
)
class TreatyViewSet(DetailSerializerMixin, RecordViewSet):
    """Treaties, conventions and protocols, in order of signature.

    A treaty's detail embeds its parties, clauses in order, negotiators,
    milestones (signature, ratifications...), relations to other treaties in
    both directions, related events and sources. A treaty can be created with
    its parties, clauses and negotiators in one request.
    """

    queryset = with_citations(Treaty.objects.select_related("signed_at"))
    # Lists show each party's polity and role; details their sources too.
    list_prefetch = (
        Prefetch("treaty_parties", queryset=TreatyParty.objects.select_related("polity")),
    )
    serializer_class = serializers.TreatySerializer
    detail_serializer_class = serializers.TreatyDetailSerializer
    filterset_class = filtersets.TreatyFilterSet
    ordering_fields = {
        "name": "name",
        "slug": "slug",
        "signed": "signed_sort",
        "date": "signed_sort",
    }

    @property
    def detail_prefetch(self):
        relations = with_citations(TreatyRelation.objects.select_related("source", "target"))
        return (
            Prefetch(
                "treaty_parties",
                queryset=with_citations(TreatyParty.objects.select_related("polity")),
            ),
            Prefetch("clauses", queryset=clauses()),
            Prefetch("negotiators", queryset=negotiators()),
            Prefetch(
                "milestones",
                queryset=with_citations(TreatyMilestone.objects.select_related("event", "party")),
            ),
            Prefetch("relations_out", queryset=relations),
            Prefetch("relations_in", queryset=relations),
            "related_events",
        )


@document(
    tag="clauses",
    singular="clause",
    plural="clauses",
    lookup="id",
    example=examples.CLAUSE,
    write_example=examples.CLAUSE_WRITE,
)
class ClauseViewSet(RecordViewSet):
    """Articles and provisions of treaties, in treaty order."""

    queryset = clauses()
    lock_parent = "treaty"  # a clause is part of its treaty's representation
    serializer_class = serializers.ClauseSerializer
    filterset_class = filtersets.ClauseFilterSet
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]+"
    ordering_fields = {"number": "number", "treaty": "treaty__signed_sort"}


@document(
    tag="negotiators",
    singular="negotiator",
    plural="negotiators",
    lookup="id",
    example=examples.NEGOTIATOR,
    write_example=examples.NEGOTIATOR_WRITE,
)
class NegotiatorViewSet(RecordViewSet):
    """Who negotiated or signed which treaty, for which polity, in which role."""

    queryset = negotiators()
    lock_parent = "treaty"
    serializer_class = serializers.NegotiatorSerializer
    filterset_class = filtersets.NegotiatorFilterSet
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]+"
    ordering_fields = {"role": "role", "treaty": "treaty__signed_sort"}


class TreatyScopedMixin:
    """Limit a collection to one treaty, named by the slug in the URL (404 if unknown)."""

    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        treaty = get_object_or_404(Treaty, slug=self.kwargs["treaty_slug"])
        return super().get_queryset().filter(treaty=treaty)


TREATY_SLUG = OpenApiParameter(
    "treaty_slug", str, OpenApiParameter.PATH, description="The treaty's slug, such as `aigun`."
)


@extend_schema_view(
    list=extend_schema(
        summary="List a treaty's clauses",
        description="The clauses of one treaty, in order. 404 if there is no such treaty.",
        tags=["treaties"],
        parameters=[TREATY_SLUG],
        examples=[OpenApiExample("Aigun's clauses", examples.CLAUSE, response_only=True)],
    )
)
class TreatyClauseViewSet(TreatyScopedMixin, ClauseViewSet):
    """The clauses of one treaty, in order."""


@extend_schema_view(
    list=extend_schema(
        summary="List a treaty's negotiators",
        description="Who negotiated or signed one treaty. 404 if there is no such treaty.",
        tags=["treaties"],
        parameters=[TREATY_SLUG],
        examples=[OpenApiExample("Aigun's negotiators", examples.NEGOTIATOR, response_only=True)],
    )
)
class TreatyNegotiatorViewSet(TreatyScopedMixin, NegotiatorViewSet):
    """The negotiators of one treaty."""


class PersonViewSet(DetailSerializerMixin, events_views.PersonViewSet):
    __doc__ = events_views.PersonViewSet.__doc__
    detail_serializer_class = serializers.PersonDetailSerializer
    filterset_class = filtersets.PersonFilterSet
    detail_prefetch = (Prefetch("negotiations", queryset=negotiators()), "events")


class PlaceViewSet(DetailSerializerMixin, events_views.PlaceViewSet):
    __doc__ = events_views.PlaceViewSet.__doc__
    detail_serializer_class = serializers.PlaceDetailSerializer
    filterset_class = filtersets.PlaceFilterSet
    detail_prefetch = (
        "treaties_signed_here",
        Prefetch("clauses", queryset=Clause.objects.select_related("treaty")),
        "events",
    )


class PolityViewSet(DetailSerializerMixin, events_views.PolityViewSet):
    __doc__ = events_views.PolityViewSet.__doc__
    detail_serializer_class = serializers.PolityDetailSerializer
    filterset_class = filtersets.PolityFilterSet
    detail_prefetch = ("treaties", "events")


class EventViewSet(DetailSerializerMixin, events_views.EventViewSet):
    __doc__ = events_views.EventViewSet.__doc__
    detail_serializer_class = serializers.EventDetailSerializer
    filterset_class = filtersets.EventFilterSet
    detail_prefetch = (
        "related_treaties",
        Prefetch("milestone", queryset=TreatyMilestone.objects.select_related("treaty")),
    )


@extend_schema_view(
    list=extend_schema(
        summary="Scroll the timeline",
        description=(
            "Events and treaty milestones (signatures, ratifications...) in time order, by "
            "the earliest day each may have happened, then id. Each page links to the next "
            "and previous one by cursor, and costs the same at any depth. Filter by date range "
            "(overlap), place, polity, person, treaty and kind; `month` and `day` find what "
            "happened on a day of the year, in the Gregorian calendar or with `calendar=julian` "
            "in the Julian one (only dates known to the day)."
        ),
        tags=["timeline"],
        examples=[
            OpenApiExample("Aigun on the timeline", examples.TIMELINE_ENTRY, response_only=True)
        ],
    )
)
class TimelineViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Events and treaty milestones in time order, page after page."""

    queryset = Event.objects.select_related("milestone__treaty").prefetch_related(
        "related_treaties", "places", "polities", "people"
    )
    serializer_class = serializers.TimelineEntrySerializer
    filterset_class = filtersets.TimelineFilterSet
    filter_backends = [DjangoFilterBackend]
    pagination_class = KeysetPagination
    keyset = ("date_sort", "id")
    kept_reads = True

    def list(self, request, *args, **kwargs):
        return kept(self, lambda: super(TimelineViewSet, self).list(request, *args, **kwargs))
