from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from events.dates import Calendar, HistoricalDate, Precision, day_to_iso
from events.models import Event, Person, Place, Polity, Source

DATE_SCHEMA = inline_serializer(
    "HistoricalDate",
    fields={
        "edtf": serializers.CharField(help_text="EDTF, proleptic Gregorian calendar."),
        "earliest": serializers.CharField(
            allow_null=True, help_text="Earliest possible day, ISO 8601 (BCE as -YYYY)."
        ),
        "latest": serializers.CharField(allow_null=True, help_text="Latest possible day."),
        "precision": serializers.ChoiceField(choices=Precision.choices),
        "approximate": serializers.BooleanField(),
        "uncertain": serializers.BooleanField(),
        "calendar": serializers.ChoiceField(
            choices=Calendar.choices, help_text="Calendar the source used."
        ),
        "as_recorded": serializers.CharField(
            help_text="The date as the source gave it, in its calendar."
        ),
        "label": serializers.CharField(help_text="A reading for people."),
    },
)


@extend_schema_field(DATE_SCHEMA)
class HistoricalDateField(serializers.Field):
    """A historical date as one object: EDTF, bounds, precision, calendar, label."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value: HistoricalDate) -> dict:
        return {
            "edtf": value.edtf,
            "earliest": day_to_iso(value.earliest),
            "latest": day_to_iso(value.latest),
            "precision": value.precision,
            "approximate": value.approximate,
            "uncertain": value.uncertain,
            "calendar": value.calendar,
            "as_recorded": value.as_recorded or value.edtf,
            "label": value.label,
        }


class NameSerializer(serializers.Serializer):
    text = serializers.CharField()
    lang = serializers.CharField(help_text="Language tag: en, fr, ru, zh-Hant, mnc...")
    kind = serializers.CharField(required=False, help_text="native, transliteration, ...")


class BriefSerializer(serializers.HyperlinkedModelSerializer):
    """What lists embed of a related record: id, url, slug, name."""

    class Meta:
        fields = ["id", "url", "slug", "name"]
        extra_kwargs = {"url": {"lookup_field": "slug"}}


class SourceBriefSerializer(BriefSerializer):
    class Meta(BriefSerializer.Meta):
        model = Source


class PolityBriefSerializer(BriefSerializer):
    class Meta(BriefSerializer.Meta):
        model = Polity


class PlaceBriefSerializer(BriefSerializer):
    class Meta(BriefSerializer.Meta):
        model = Place


class PersonBriefSerializer(BriefSerializer):
    class Meta(BriefSerializer.Meta):
        model = Person


class EventBriefSerializer(BriefSerializer):
    date = HistoricalDateField()

    class Meta(BriefSerializer.Meta):
        model = Event
        fields = [*BriefSerializer.Meta.fields, "kind", "date"]


class CitationSerializer(serializers.Serializer):
    source = SourceBriefSerializer()
    locator = serializers.CharField(help_text="Page, article or line in the source.")
    note = serializers.CharField()


class NamedRecordSerializer(serializers.HyperlinkedModelSerializer):
    """The fields every named record shares."""

    names = NameSerializer(many=True)
    citations = CitationSerializer(many=True)

    class Meta:
        fields = [
            "id",
            "url",
            "slug",
            "name",
            "names",
            "wikidata_id",
            "description",
            "note",
            "citations",
        ]
        extra_kwargs = {"url": {"lookup_field": "slug"}}


class SourceSerializer(NamedRecordSerializer):
    class Meta(NamedRecordSerializer.Meta):
        model = Source
        fields = [*NamedRecordSerializer.Meta.fields, "kind", "citation", "link"]


class PolitySerializer(NamedRecordSerializer):
    existed = HistoricalDateField()

    class Meta(NamedRecordSerializer.Meta):
        model = Polity
        fields = [*NamedRecordSerializer.Meta.fields, "kind", "existed"]


class PlaceSerializer(NamedRecordSerializer):
    part_of = PlaceBriefSerializer()

    class Meta(NamedRecordSerializer.Meta):
        model = Place
        fields = [*NamedRecordSerializer.Meta.fields, "kind", "latitude", "longitude", "part_of"]


class PersonSerializer(NamedRecordSerializer):
    born = HistoricalDateField()
    died = HistoricalDateField()

    class Meta(NamedRecordSerializer.Meta):
        model = Person
        fields = [*NamedRecordSerializer.Meta.fields, "born", "died"]


class EventSerializer(NamedRecordSerializer):
    date = HistoricalDateField()
    part_of = EventBriefSerializer()
    places = PlaceBriefSerializer(many=True)
    polities = PolityBriefSerializer(many=True)
    people = PersonBriefSerializer(many=True)

    class Meta(NamedRecordSerializer.Meta):
        model = Event
        fields = [
            *NamedRecordSerializer.Meta.fields,
            "kind",
            "date",
            "part_of",
            "places",
            "polities",
            "people",
        ]
