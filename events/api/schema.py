"""How the shared serializer fields read in the OpenAPI schema (imported when the app is ready)."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes

from events.api.fields import DATE_INPUT_SCHEMA


class HistoricalDateFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "events.api.fields.HistoricalDateField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return DATE_INPUT_SCHEMA
        from events.api.fields import DATE_SCHEMA

        return auto_schema.resolve_serializer(DATE_SCHEMA, direction).ref


class BriefRelatedFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "events.api.fields.BriefRelatedField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "response":
            return auto_schema.resolve_serializer(self.target.brief_serializer, direction).ref
        model = self.target.brief_serializer.Meta.model
        by_slug = any(field.name == "slug" for field in model._meta.fields)
        schema = build_basic_type(OpenApiTypes.INT) | {"description": "id"}
        if by_slug:
            slug = build_basic_type(OpenApiTypes.STR) | {"description": "slug"}
            schema = {"oneOf": [slug, schema]}
        name = model._meta.verbose_name
        return schema | {"description": f"The {name}, by {'slug or ' if by_slug else ''}id."}
