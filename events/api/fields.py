"""Serializer fields shared by every resource: historical dates, names, related records."""

import functools
from collections.abc import Mapping
from urllib.parse import quote

from django.urls import reverse
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from events.choices import NameKind
from events.dates import Calendar, HistoricalDate, InvalidDate, Precision, day_to_iso
from events.names import LANGUAGE_TAG, display_name

DATE_SCHEMA = inline_serializer(
    "HistoricalDate",
    fields={
        "edtf": serializers.CharField(help_text="EDTF, proleptic Gregorian calendar."),
        "earliest": serializers.CharField(
            allow_null=True,
            help_text="Earliest possible day, ISO 8601, proleptic Gregorian (BCE as -YYYY); "
            "null when open.",
        ),
        "latest": serializers.CharField(
            allow_null=True, help_text="Latest possible day; null when open."
        ),
        "precision": serializers.ChoiceField(choices=Precision.choices),
        "approximate": serializers.BooleanField(),
        "uncertain": serializers.BooleanField(),
        "calendar": serializers.ChoiceField(
            choices=Calendar.choices, help_text="Calendar the source used."
        ),
        "as_recorded": serializers.CharField(
            help_text="The date as the source gave it, in that calendar."
        ),
        "label": serializers.CharField(help_text="A reading for people."),
    },
)
DATE_INPUT_SCHEMA = {
    "oneOf": [
        {"type": "string", "description": "EDTF in the Gregorian calendar.", "example": "1858-05"},
        {
            "type": "object",
            "properties": {
                "edtf": {"type": "string", "example": "1858-05-16"},
                "calendar": {"type": "string", "enum": Calendar.values, "default": "gregorian"},
                "as_recorded": {
                    "type": "string",
                    "description": "With calendar julian, the Julian date; wins over edtf.",
                },
            },
            "required": ["edtf"],
        },
    ],
    "description": (
        "An EDTF string (Gregorian), or an object with the EDTF as the source wrote it and "
        'its calendar: {"edtf": "1858-05-16", "calendar": "julian"} is stored as 1858-05-28 '
        "with the Julian date kept as recorded."
    ),
}


class HistoricalDateField(serializers.Field):
    """A historical date: read as one object, written as EDTF text or {edtf, calendar}."""

    default_error_messages = {
        "invalid": "Expected an EDTF string or an object with 'edtf' and 'calendar'.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
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

    def to_internal_value(self, data) -> HistoricalDate:
        if isinstance(data, str):
            text, calendar = data, Calendar.GREGORIAN
        elif isinstance(data, dict) and isinstance(data.get("edtf"), str):
            calendar = data.get("calendar") or Calendar.GREGORIAN
            recorded = data.get("as_recorded")
            # A date read from the API and sent back keeps the Julian text it came with.
            use_recorded = calendar == Calendar.JULIAN and isinstance(recorded, str) and recorded
            text = recorded if use_recorded else data["edtf"]
        else:
            self.fail("invalid")
        try:
            return HistoricalDate.parse(text, calendar)
        except InvalidDate as error:
            raise serializers.ValidationError(str(error)) from error


# What the browsable API's forms send besides the fields.
FORM_KEYS = {"csrfmiddlewaretoken"}


# Refuses fields the serializer does not know, which DRF would silently drop.
# Read-only fields are known: a client may send back what it read. (A comment,
# not a docstring: the schema would show a docstring as every serializer's.)
class KnownFieldsOnly:
    def to_internal_value(self, data):
        unknown = {
            key: [f"Unknown field: the fields are {', '.join(self.fields)}."]
            for key in (data if isinstance(data, Mapping) else ())
            if key not in self.fields and key not in FORM_KEYS
        }
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if unknown and isinstance(error.detail, dict):
                raise serializers.ValidationError({**unknown, **error.detail}) from error
            raise
        if unknown:
            raise serializers.ValidationError(unknown)
        return value


class WholeItemSerializer(KnownFieldsOnly, serializers.Serializer):
    """An item of a list written as a whole: its fields are required even in a PATCH,
    which DRF would otherwise pass down to nested serializers as partial."""

    def validate(self, attrs: dict) -> dict:
        missing = [
            name for name, field in self.fields.items() if field.required and name not in attrs
        ]
        if missing:
            raise serializers.ValidationError(
                {name: ["This field is required."] for name in missing}
            )
        return attrs


class NameSerializer(WholeItemSerializer):
    """One name of a record, in one language and script."""

    text = serializers.CharField(max_length=500)
    lang = serializers.RegexField(
        LANGUAGE_TAG, max_length=35, help_text="Language tag: en, fr, ru, zh-Hant, mnc..."
    )
    kind = serializers.ChoiceField(choices=NameKind.choices, required=False)


class LocalisedTextSerializer(WholeItemSerializer):
    """A text in one language."""

    text = serializers.CharField()
    lang = serializers.RegexField(
        LANGUAGE_TAG, max_length=35, help_text="Language tag: fr, ru, zh-Hant..."
    )


def names_field(**kwargs) -> serializers.ListField:
    """The `names` list, written as a whole."""
    return serializers.ListField(
        child=NameSerializer(),
        required=False,
        help_text="Every name of the record, in several languages and scripts. "
        "Written as a whole: the list sent replaces the list stored.",
        **kwargs,
    )


class RecordUrlField(serializers.HyperlinkedIdentityField):
    """A record's own URL, from its route reversed once and filled in.

    Lists show dozens of URLs, and reversing a route each time costs more than
    everything else a brief record shows.
    """

    def get_url(self, obj, view_name, request, format):
        value = getattr(obj, self.lookup_field)
        if format or value in (None, ""):
            return super().get_url(obj, view_name, request, format)
        path = url_template(view_name, self.lookup_url_kwarg).format(quote(str(value), safe=""))
        return request.build_absolute_uri(path) if request else path


@functools.cache
def url_template(view_name: str, kwarg: str) -> str:
    """The path of `view_name` with `{}` where the lookup goes (slugs and ids alike)."""
    placeholder = "9876543210"  # a slug and an id alike
    head, _, tail = reverse(view_name, kwargs={kwarg: placeholder}).rpartition(placeholder)
    return head.replace("{", "{{").replace("}", "}}") + "{}" + tail.replace("{", "{{")


class BriefRelatedField(serializers.RelatedField):
    """A related record: read in its brief form, written by slug or by id."""

    default_error_messages = {
        "does_not_exist": "No {model} with {lookup} {value!r}.",
        "incorrect_type": "Give a slug or an id, not {data_type}.",
    }

    def __init__(self, brief_serializer, **kwargs):
        self.brief_serializer = brief_serializer
        if "queryset" not in kwargs and not kwargs.get("read_only"):
            kwargs["queryset"] = brief_serializer.Meta.model._default_manager.all()
        super().__init__(**kwargs)

    def use_pk_only_optimization(self) -> bool:
        return False

    def to_representation(self, value) -> dict:
        # One serializer for every value this field shows in a response: building its
        # fields is most of the cost of showing a value.
        if getattr(self, "_brief", None) is None:
            self._brief = self.brief_serializer(context=self.context)
        return self._brief.to_representation(value)

    def to_internal_value(self, data):
        queryset = self.get_queryset()
        model = queryset.model
        if isinstance(data, dict):
            data = data.get("slug") or data.get("id")
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        has_slug = any(field.name == "slug" for field in model._meta.fields)
        if isinstance(data, int) or (isinstance(data, str) and data.isdigit()) or not has_slug:
            lookup, value = "id", data
        else:
            lookup, value = "slug", data
        try:
            return queryset.get(**{"pk" if lookup == "id" else lookup: value})
        except (model.DoesNotExist, ValueError, TypeError):
            self.fail("does_not_exist", model=model._meta.verbose_name, lookup=lookup, value=value)

    def get_choices(self, cutoff=None):
        queryset = self.get_queryset()
        if queryset is None:
            return {}
        if cutoff is not None:
            queryset = queryset[:cutoff]
        return {getattr(item, "slug", item.pk): str(item) for item in queryset}


def requested_language(request) -> str | None:
    """The language asked for: `?lang=fr`, else the first of Accept-Language; None for English."""
    if request is None:
        return None
    cached = getattr(request, "_annales_lang", False)
    if cached is not False:
        return cached
    lang = request.query_params.get("lang") if hasattr(request, "query_params") else None
    if not lang:
        header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
        lang = next(
            (part.split(";")[0].strip() for part in header.split(",") if part.strip()), None
        )
        lang = None if lang == "*" else lang
    request._annales_lang = lang
    return lang


class DisplayNameField(serializers.CharField):
    """`name`: read in the language asked for by `lang` or Accept-Language (English by
    default), from the record's names; written as the English display name."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "Display name, in the language asked for with `lang` (or Accept-Language) where "
            "the record has one, else in English. Written in English.",
        )
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance) -> str:
        lang = requested_language(self.context.get("request"))
        return display_name(instance.name, instance.names, lang)
