from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.settings import api_settings

from events.api.fields import (
    BriefRelatedField,
    DisplayNameField,
    HistoricalDateField,
    KnownFieldsOnly,
    RecordUrlField,
    names_field,
)
from events.models import Event, Person, Place, Polity, Source


class BriefSerializer(serializers.HyperlinkedModelSerializer):
    """What lists embed of a related record: id, url, slug, name."""

    serializer_url_field = RecordUrlField

    name = DisplayNameField(read_only=True)

    class Meta:
        fields = ["id", "url", "slug", "name"]
        read_only_fields = fields
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
    date = HistoricalDateField(read_only=True)

    class Meta(BriefSerializer.Meta):
        model = Event
        fields = [*BriefSerializer.Meta.fields, "kind", "date"]
        read_only_fields = fields


class CitationSerializer(KnownFieldsOnly, serializers.Serializer):
    """A source the record relies on, and where in it to look."""

    source = BriefRelatedField(SourceBriefSerializer)
    locator = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text="'p. 54', 'Art. 1'"
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class RecordSerializer(KnownFieldsOnly, serializers.HyperlinkedModelSerializer):
    """Writes through the model's own validation, and replaces written lists as a whole.

    Subclasses name in `Meta.nested` the nested lists they write themselves, in
    `save_nested`, once the record itself is saved.
    """

    serializer_url_field = RecordUrlField
    citations = CitationSerializer(
        many=True,
        required=False,
        help_text="The sources this record relies on. Written as a whole.",
    )

    class Meta:
        nested = ["citations"]

    def validate_citations(self, citations: list[dict]) -> list[dict]:
        keys = [(citation["source"].pk, citation["locator"]) for citation in citations]
        if len(keys) != len(set(keys)):
            raise serializers.ValidationError("The same source and locator are cited twice.")
        return citations

    def create(self, validated_data: dict) -> models.Model:
        nested, many = self._split(validated_data)
        instance = self.Meta.model(**validated_data)
        self.clean(instance)
        instance.save()
        return self._save_relations(instance, nested, many)

    def update(self, instance: models.Model, validated_data: dict) -> models.Model:
        nested, many = self._split(validated_data)
        for attribute, value in validated_data.items():
            setattr(instance, attribute, value)
        self.clean(instance)
        instance.save()
        return self._save_relations(instance, nested, many)

    def save_nested(self, instance: models.Model, nested: dict) -> None:
        if "citations" in nested:
            instance.citations.all().delete()
            instance.citations.bulk_create(
                instance.citations.model(record=instance, **citation)
                for citation in nested["citations"]
            )

    def clean(self, instance: models.Model) -> None:
        """Run the model's validation and report its errors under the API's field names."""
        try:
            instance.full_clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(self._api_errors(instance, error)) from error

    def _split(self, validated_data: dict) -> tuple[dict, dict]:
        nested = {
            name: validated_data.pop(self.fields[name].source)
            for name in self.Meta.nested
            if self.fields[name].source in validated_data
        }
        many = {
            field.name: validated_data.pop(field.name)
            for field in self.Meta.model._meta.many_to_many
            if field.name in validated_data
        }
        return nested, many

    def _save_relations(self, instance: models.Model, nested: dict, many: dict) -> models.Model:
        for name, values in many.items():
            getattr(instance, name).set(values)
        self.save_nested(instance, nested)
        return instance

    @staticmethod
    def _api_errors(instance: models.Model, error: DjangoValidationError) -> dict:
        dates = [
            field.name.removesuffix("_edtf")
            for field in instance._meta.fields
            if field.name.endswith("_edtf")
        ]
        errors: dict[str, list[ErrorDetail]] = {}
        for key, field_errors in error.error_dict.items():
            name = next((prefix for prefix in dates if key.startswith(f"{prefix}_")), key)
            if key == NON_FIELD_ERRORS:
                name = api_settings.NON_FIELD_ERRORS_KEY
            errors.setdefault(name, []).extend(
                ErrorDetail(message, code=field_error.code or "invalid")
                for field_error in field_errors
                for message in field_error
            )
        return errors


class NamedRecordSerializer(RecordSerializer):
    """The fields every named record shares."""

    name = DisplayNameField(max_length=200)
    names = names_field()

    class Meta(RecordSerializer.Meta):
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
    existed = HistoricalDateField(help_text="When it existed.")

    class Meta(NamedRecordSerializer.Meta):
        model = Polity
        fields = [*NamedRecordSerializer.Meta.fields, "kind", "existed"]


class PlaceSerializer(NamedRecordSerializer):
    part_of = BriefRelatedField(PlaceBriefSerializer, required=False, allow_null=True)

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
    date = HistoricalDateField(help_text="When it happened, as precisely as the sources allow.")
    part_of = BriefRelatedField(
        EventBriefSerializer, required=False, allow_null=True, help_text="The larger event."
    )
    places = BriefRelatedField(PlaceBriefSerializer, many=True, required=False)
    polities = BriefRelatedField(PolityBriefSerializer, many=True, required=False)
    people = BriefRelatedField(PersonBriefSerializer, many=True, required=False)

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
