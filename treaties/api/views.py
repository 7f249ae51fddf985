from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from rest_framework import viewsets

from events.api.views import with_citations
from treaties.api import serializers
from treaties.models import (
    Clause,
    ClausePolity,
    Negotiator,
    Treaty,
    TreatyMilestone,
    TreatyParty,
    TreatyRelation,
)

PARTIES = Prefetch(
    "treaty_parties", queryset=with_citations(TreatyParty.objects.select_related("polity"))
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


class TreatyViewSet(viewsets.ReadOnlyModelViewSet):
    """Treaties, conventions and protocols, in order of signature.

    A treaty's detail embeds its parties, clauses in order, negotiators,
    milestones (signature, ratifications...), relations to other treaties in
    both directions, related events and sources.
    """

    queryset = with_citations(Treaty.objects.select_related("signed_at").prefetch_related(PARTIES))
    lookup_field = "slug"
    ordering_fields = ["name", "slug", "signed_earliest"]

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action != "retrieve":
            return queryset
        relations = with_citations(TreatyRelation.objects.select_related("source", "target"))
        return queryset.prefetch_related(
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

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.TreatyDetailSerializer
        return serializers.TreatySerializer


class ClauseViewSet(viewsets.ReadOnlyModelViewSet):
    """Articles and provisions of treaties, in treaty order."""

    queryset = clauses()
    serializer_class = serializers.ClauseSerializer
    ordering_fields = ["number", "treaty__signed_earliest"]


class NegotiatorViewSet(viewsets.ReadOnlyModelViewSet):
    """Who negotiated or signed which treaty, for which polity, in which role."""

    queryset = negotiators()
    serializer_class = serializers.NegotiatorSerializer
    ordering_fields = ["role", "treaty__signed_earliest"]


class TreatyScopedMixin:
    """Limit a collection to one treaty, named by the slug in the URL (404 if unknown)."""

    def get_queryset(self):
        treaty = get_object_or_404(Treaty, slug=self.kwargs["treaty_slug"])
        return super().get_queryset().filter(treaty=treaty)


class TreatyClauseViewSet(TreatyScopedMixin, ClauseViewSet):
    """The clauses of one treaty, in order."""


class TreatyNegotiatorViewSet(TreatyScopedMixin, NegotiatorViewSet):
    """The negotiators of one treaty."""
