from collections import Counter

from rest_framework import serializers

from events.api.fields import (
    BriefRelatedField,
    HistoricalDateField,
    KnownFieldsOnly,
    LocalisedTextSerializer,
    RecordUrlField,
)
from events.api.serializers import (
    BriefSerializer,
    CitationSerializer,
    EventBriefSerializer,
    EventSerializer,
    NamedRecordSerializer,
    PersonBriefSerializer,
    PersonSerializer,
    PlaceBriefSerializer,
    PlaceSerializer,
    PolityBriefSerializer,
    PolitySerializer,
    RecordSerializer,
)
from events.models import Event
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
    signed = HistoricalDateField(read_only=True)

    class Meta(BriefSerializer.Meta):
        model = Treaty
        fields = [*BriefSerializer.Meta.fields, "signed"]
        read_only_fields = fields


class ClauseBriefSerializer(serializers.HyperlinkedModelSerializer):
    treaty = TreatyBriefSerializer(read_only=True)

    class Meta:
        model = Clause
        fields = ["id", "url", "treaty", "number", "label"]
        read_only_fields = fields


class ClausePolitySerializer(KnownFieldsOnly, serializers.ModelSerializer):
    polity = BriefRelatedField(PolityBriefSerializer)

    class Meta:
        model = ClausePolity
        fields = ["polity", "effect"]


class ClauseSerializer(RecordSerializer):
    """An article of a treaty, with the places it concerns and the polities it affects."""

    treaty = BriefRelatedField(TreatyBriefSerializer)
    summaries = serializers.ListField(
        child=LocalisedTextSerializer(),
        required=False,
        help_text="The summary in other languages, French at least. Written as a whole.",
    )
    places = BriefRelatedField(PlaceBriefSerializer, many=True, required=False)
    polities = ClausePolitySerializer(
        source="clause_polities",
        many=True,
        required=False,
        help_text="Polities the clause grants a right to, excludes or obliges. Written as a whole.",
    )

    class Meta(RecordSerializer.Meta):
        model = Clause
        nested = [*RecordSerializer.Meta.nested, "polities"]
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

    def validate_polities(self, polities: list[dict]) -> list[dict]:
        if _repeated(polities, lambda item: (item["polity"].pk, item["effect"])):
            raise serializers.ValidationError("A polity is listed twice with the same effect.")
        return polities

    def save_nested(self, instance: Clause, nested: dict) -> None:
        super().save_nested(instance, nested)
        if "polities" in nested:
            instance.clause_polities.all().delete()
            ClausePolity.objects.bulk_create(
                ClausePolity(clause=instance, **item) for item in nested["polities"]
            )


class NegotiatorSerializer(RecordSerializer):
    """A person's part in a treaty: for which polity, in which role, whether they signed."""

    treaty = BriefRelatedField(TreatyBriefSerializer)
    person = BriefRelatedField(PersonBriefSerializer)
    polity = BriefRelatedField(PolityBriefSerializer, help_text="The party they acted for.")

    class Meta(RecordSerializer.Meta):
        model = Negotiator
        fields = ["id", "url", "treaty", "person", "polity", "role", "signed", "title", "citations"]


class TreatyPartySerializer(RecordSerializer):
    polity = BriefRelatedField(PolityBriefSerializer)

    class Meta(RecordSerializer.Meta):
        model = TreatyParty
        fields = ["polity", "role", "citations"]


class TreatyMilestoneSerializer(serializers.ModelSerializer):
    event = EventBriefSerializer(read_only=True)
    party = PolityBriefSerializer(read_only=True, allow_null=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = TreatyMilestone
        fields = ["kind", "event", "party", "contested", "citations"]
        read_only_fields = fields


class TreatyRelationOutSerializer(serializers.ModelSerializer):
    treaty = TreatyBriefSerializer(source="target", read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = TreatyRelation
        fields = ["kind", "treaty", "note", "citations"]
        read_only_fields = fields


class TreatyRelationInSerializer(TreatyRelationOutSerializer):
    treaty = TreatyBriefSerializer(source="source", read_only=True)


class TreatyListPartySerializer(serializers.ModelSerializer):
    polity = PolityBriefSerializer(read_only=True)

    class Meta:
        model = TreatyParty
        fields = ["polity", "role"]
        read_only_fields = fields


class TreatySerializer(NamedRecordSerializer):
    """A treaty as lists show it: its parties in brief."""

    signed = HistoricalDateField(help_text="When it was signed.")
    signed_at = BriefRelatedField(
        PlaceBriefSerializer, required=False, allow_null=True, help_text="Where it was signed."
    )
    parties = TreatyListPartySerializer(source="treaty_parties", many=True, read_only=True)

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


class NestedClauseSerializer(ClauseSerializer):
    class Meta(ClauseSerializer.Meta):
        fields = [field for field in ClauseSerializer.Meta.fields if field != "treaty"]


class NestedNegotiatorSerializer(NegotiatorSerializer):
    class Meta(NegotiatorSerializer.Meta):
        fields = [field for field in NegotiatorSerializer.Meta.fields if field != "treaty"]


class TreatyDetailSerializer(TreatySerializer):
    """A treaty with its parties, clauses, negotiators, milestones and relations.

    Parties, clauses and negotiators can be written with the treaty: a list sent
    replaces the stored one (clauses matched by number, negotiators by person and
    polity, parties by polity); a list left out is kept as it is.
    """

    parties = TreatyPartySerializer(source="treaty_parties", many=True, required=False)
    clauses = NestedClauseSerializer(many=True, required=False)
    negotiators = NestedNegotiatorSerializer(many=True, required=False)
    milestones = TreatyMilestoneSerializer(many=True, read_only=True)
    relations = TreatyRelationOutSerializer(
        source="relations_out", many=True, read_only=True, help_text="What it does to others."
    )
    related_by = TreatyRelationInSerializer(
        source="relations_in", many=True, read_only=True, help_text="What others do to it."
    )
    related_events = BriefRelatedField(
        EventBriefSerializer,
        many=True,
        required=False,
        help_text="Context: the crisis that led to it, the negotiation, its consequences.",
    )

    class Meta(TreatySerializer.Meta):
        nested = [*TreatySerializer.Meta.nested, "parties", "clauses", "negotiators"]
        fields = [
            *TreatySerializer.Meta.fields,
            "clauses",
            "negotiators",
            "milestones",
            "relations",
            "related_by",
            "related_events",
        ]

    def validate_parties(self, parties: list[dict]) -> list[dict]:
        if _repeated(parties, lambda party: party["polity"].pk):
            raise serializers.ValidationError("A polity is listed twice.")
        return parties

    def validate_clauses(self, clauses: list[dict]) -> list[dict]:
        if _repeated(clauses, lambda clause: clause["number"]):
            raise serializers.ValidationError("Two clauses have the same number.")
        return clauses

    def validate_negotiators(self, negotiators: list[dict]) -> list[dict]:
        if _repeated(negotiators, lambda item: (item["person"].pk, item["polity"].pk)):
            raise serializers.ValidationError(
                "A person is listed twice for the same polity: give them one role."
            )
        return negotiators

    def validate(self, attrs: dict) -> dict:
        if "treaty_parties" in attrs:
            parties = {party["polity"].pk for party in attrs["treaty_parties"]}
        elif self.instance is not None:
            parties = set(self.instance.treaty_parties.values_list("polity", flat=True))
        else:
            parties = set()
        if "negotiators" in attrs:
            outsiders = [n for n in attrs["negotiators"] if n["polity"].pk not in parties]
        elif self.instance is not None and "treaty_parties" in attrs:
            outsiders = list(self.instance.negotiators.exclude(polity__in=parties))
        else:
            outsiders = []
        if outsiders:
            names = sorted({str(item["polity"] if isinstance(item, dict) else item.polity)
                            for item in outsiders})  # fmt: skip
            raise serializers.ValidationError(
                {"negotiators": [f"Not a party to the treaty: {', '.join(names)}."]}
            )
        return attrs

    def save_nested(self, instance: Treaty, nested: dict) -> None:
        super().save_nested(instance, nested)
        if "parties" in nested:
            _sync(
                self.fields["parties"].child,
                instance.treaty_parties.all(),
                nested["parties"],
                key=lambda party: party.polity_id,
                data_key=lambda data: data["polity"].pk,
                treaty=instance,
            )
        if "clauses" in nested:
            _sync(
                self.fields["clauses"].child,
                instance.clauses.all(),
                nested["clauses"],
                key=lambda clause: clause.number,
                data_key=lambda data: data["number"],
                treaty=instance,
            )
        if "negotiators" in nested:
            _sync(
                self.fields["negotiators"].child,
                instance.negotiators.all(),
                nested["negotiators"],
                key=lambda negotiator: (negotiator.person_id, negotiator.polity_id),
                data_key=lambda data: (data["person"].pk, data["polity"].pk),
                treaty=instance,
            )


def _repeated(items: list, key) -> bool:
    return any(count > 1 for count in Counter(key(item) for item in items).values())


def _sync(serializer: RecordSerializer, existing, wanted: list[dict], key, data_key, **parent):
    """Make the rows of `existing` those of `wanted`: update matches, create, delete the rest."""
    rows = {key(row): row for row in existing}
    for data in wanted:
        row = rows.pop(data_key(data), None)
        if row is None:
            serializer.create({**data, **parent})
        else:
            serializer.update(row, dict(data))
    for row in rows.values():
        row.delete()


class PersonDetailSerializer(PersonSerializer):
    """A person with the treaties they negotiated and the events they took part in."""

    negotiations = NestedNegotiatorSerializer(many=True, read_only=True)
    events = EventBriefSerializer(many=True, read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "negotiations", "events"]


class PlaceDetailSerializer(PlaceSerializer):
    """A place with the treaties signed there and the clauses and events that concern it."""

    treaties_signed_here = TreatyBriefSerializer(many=True, read_only=True)
    clauses = ClauseBriefSerializer(many=True, read_only=True)
    events = EventBriefSerializer(many=True, read_only=True)

    class Meta(PlaceSerializer.Meta):
        fields = [*PlaceSerializer.Meta.fields, "treaties_signed_here", "clauses", "events"]


class PolityDetailSerializer(PolitySerializer):
    """A polity with the treaties it is party to and the events it took part in."""

    treaties = TreatyBriefSerializer(many=True, read_only=True)
    events = EventBriefSerializer(many=True, read_only=True)

    class Meta(PolitySerializer.Meta):
        fields = [*PolitySerializer.Meta.fields, "treaties", "events"]


class MilestoneOfSerializer(serializers.ModelSerializer):
    treaty = TreatyBriefSerializer(read_only=True)

    class Meta:
        model = TreatyMilestone
        fields = ["kind", "treaty", "contested"]
        read_only_fields = fields


class EventDetailSerializer(EventSerializer):
    """An event with the treaties it concerns: as their context, or as one of their milestones."""

    related_treaties = TreatyBriefSerializer(
        many=True, read_only=True, help_text="Treaties this event is context for."
    )
    milestone = MilestoneOfSerializer(
        read_only=True,
        allow_null=True,
        help_text="The treaty milestone this event is (its signature, a ratification), if any.",
    )

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "related_treaties", "milestone"]


class TimelineEntrySerializer(serializers.HyperlinkedModelSerializer):
    """An event on the timeline, with the treaty it is a milestone of and who and where."""

    url = RecordUrlField(view_name="event-detail", lookup_field="slug")
    date = HistoricalDateField(read_only=True)
    milestone = MilestoneOfSerializer(
        read_only=True, allow_null=True, help_text="The treaty milestone it is, if any."
    )
    treaties = TreatyBriefSerializer(
        source="related_treaties",
        many=True,
        read_only=True,
        help_text="Treaties it is context for.",
    )
    places = PlaceBriefSerializer(many=True, read_only=True)
    polities = PolityBriefSerializer(many=True, read_only=True)
    people = PersonBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id", "url", "slug", "name", "kind", "date", "milestone", "treaties", "places",
            "polities", "people",
        ]  # fmt: skip
        read_only_fields = fields


class SearchHitSerializer(serializers.Serializer):
    """One record found by a search, of any kind."""

    kind = serializers.ChoiceField(
        choices=["event", "treaty", "clause", "person", "place", "polity", "source"]
    )
    id = serializers.IntegerField()
    slug = serializers.CharField(allow_null=True, help_text="Null for clauses.")
    name = serializers.CharField(help_text="Its display name, in the language asked for.")
    url = serializers.URLField()
    matched = serializers.CharField(
        allow_null=True, help_text="The name (in any language) the query matched, if a name did."
    )
    snippet = serializers.CharField(
        allow_blank=True, help_text="Where its text matched, the words marked with <mark>."
    )
    rank = serializers.FloatField(help_text="Higher is better: an exact name scores 4.")


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="How many records match, of all kinds.")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchHitSerializer(many=True)
