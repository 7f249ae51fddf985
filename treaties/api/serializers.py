from rest_framework import serializers

from events.api.serializers import (
    BriefSerializer,
    CitationSerializer,
    EventBriefSerializer,
    HistoricalDateField,
    NamedRecordSerializer,
    PersonBriefSerializer,
    PlaceBriefSerializer,
    PolityBriefSerializer,
)
from treaties.models import (
    Clause,
    ClausePolity,
    Negotiator,
    Treaty,
    TreatyMilestone,
    TreatyParty,
    TreatyRelation,
)


class TreatyBriefSerializer(BriefSerializer):
    signed = HistoricalDateField()

    class Meta(BriefSerializer.Meta):
        model = Treaty
        fields = [*BriefSerializer.Meta.fields, "signed"]


class TreatyPartySerializer(serializers.ModelSerializer):
    polity = PolityBriefSerializer()
    citations = CitationSerializer(many=True)

    class Meta:
        model = TreatyParty
        fields = ["polity", "role", "citations"]


class ClausePolitySerializer(serializers.ModelSerializer):
    polity = PolityBriefSerializer()

    class Meta:
        model = ClausePolity
        fields = ["polity", "effect"]


class ClauseSerializer(serializers.HyperlinkedModelSerializer):
    treaty = TreatyBriefSerializer()
    places = PlaceBriefSerializer(many=True)
    polities = ClausePolitySerializer(source="clause_polities", many=True)
    citations = CitationSerializer(many=True)

    class Meta:
        model = Clause
        fields = [
            "id",
            "url",
            "treaty",
            "number",
            "label",
            "text",
            "text_lang",
            "summary",
            "summaries",
            "topics",
            "third_parties",
            "places",
            "polities",
            "citations",
        ]


class NegotiatorSerializer(serializers.HyperlinkedModelSerializer):
    treaty = TreatyBriefSerializer()
    person = PersonBriefSerializer()
    polity = PolityBriefSerializer()
    citations = CitationSerializer(many=True)

    class Meta:
        model = Negotiator
        fields = ["id", "url", "treaty", "person", "polity", "role", "signed", "title", "citations"]


class TreatyMilestoneSerializer(serializers.ModelSerializer):
    event = EventBriefSerializer()
    party = PolityBriefSerializer()
    citations = CitationSerializer(many=True)

    class Meta:
        model = TreatyMilestone
        fields = ["kind", "event", "party", "contested", "citations"]


class TreatyRelationOutSerializer(serializers.ModelSerializer):
    treaty = TreatyBriefSerializer(source="target")
    citations = CitationSerializer(many=True)

    class Meta:
        model = TreatyRelation
        fields = ["kind", "treaty", "note", "citations"]


class TreatyRelationInSerializer(TreatyRelationOutSerializer):
    treaty = TreatyBriefSerializer(source="source")


class TreatySerializer(NamedRecordSerializer):
    """A treaty as lists show it."""

    signed = HistoricalDateField()
    signed_at = PlaceBriefSerializer()
    parties = TreatyPartySerializer(source="treaty_parties", many=True)

    class Meta(NamedRecordSerializer.Meta):
        model = Treaty
        fields = [
            *NamedRecordSerializer.Meta.fields,
            "kind",
            "status",
            "signed",
            "signed_at",
            "authentic_languages",
            "parties",
        ]


class TreatyDetailSerializer(TreatySerializer):
    """A treaty with its clauses, negotiators, milestones and relations."""

    clauses = ClauseSerializer(many=True)
    negotiators = NegotiatorSerializer(many=True)
    milestones = TreatyMilestoneSerializer(many=True)
    relations = TreatyRelationOutSerializer(
        source="relations_out", many=True, help_text="What this treaty does to others."
    )
    related_by = TreatyRelationInSerializer(
        source="relations_in", many=True, help_text="What other treaties do to this one."
    )
    related_events = EventBriefSerializer(many=True)

    class Meta(TreatySerializer.Meta):
        fields = [
            *TreatySerializer.Meta.fields,
            "clauses",
            "negotiators",
            "milestones",
            "relations",
            "related_by",
            "related_events",
        ]
