from django.contrib import admin
from django.db import models

from events.models import (
    Event,
    EventCitation,
    Person,
    PersonCitation,
    Place,
    PlaceCitation,
    Polity,
    PolityCitation,
    Source,
    SourceCitation,
)


def citation_inline(citation_model):
    """An inline for a record's citations: source and locator, sources found by search."""
    return type(
        f"{citation_model.__name__}Inline",
        (admin.TabularInline,),
        {
            "__module__": __name__,
            "model": citation_model,
            "fk_name": "record",
            "extra": 0,
            "autocomplete_fields": ["source"],
        },
    )


class NamedRecordAdmin(admin.ModelAdmin):
    """Search by slug and every name; dates show as their label."""

    search_fields = ["slug", "name", "names", "description"]
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Source)
class SourceAdmin(NamedRecordAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = [*NamedRecordAdmin.search_fields, "citation"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [citation_inline(SourceCitation)]


@admin.register(Polity)
class PolityAdmin(NamedRecordAdmin):
    list_display = ["name", "kind", "existed_edtf", "slug"]
    list_filter = ["kind"]
    inlines = [citation_inline(PolityCitation)]


@admin.register(Place)
class PlaceAdmin(NamedRecordAdmin):
    list_display = ["name", "kind", "latitude", "longitude", "slug"]
    list_filter = ["kind"]
    autocomplete_fields = ["part_of"]
    inlines = [citation_inline(PlaceCitation)]


@admin.register(Person)
class PersonAdmin(NamedRecordAdmin):
    list_display = ["name", "born_edtf", "died_edtf", "slug"]
    inlines = [citation_inline(PersonCitation)]


@admin.register(Event)
class EventAdmin(NamedRecordAdmin):
    list_display = ["name", "kind", "date_edtf", "date_calendar", "slug"]
    list_filter = ["kind", "date_precision", "date_calendar"]
    autocomplete_fields = ["part_of", "places", "polities", "people"]
    inlines = [citation_inline(EventCitation)]
