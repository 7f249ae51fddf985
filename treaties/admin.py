from django.contrib import admin

from events.admin import NamedRecordAdmin, citation_inline
from treaties.models import (
    Clause,
    ClauseCitation,
    ClausePolity,
    Negotiator,
    NegotiatorCitation,
    Treaty,
    TreatyCitation,
    TreatyMilestone,
    TreatyMilestoneCitation,
    TreatyParty,
    TreatyPartyCitation,
    TreatyRelation,
    TreatyRelationCitation,
)


class TreatyPartyInline(admin.TabularInline):
    model = TreatyParty
    extra = 0
    autocomplete_fields = ["polity"]


class ClauseInline(admin.StackedInline):
    model = Clause
    extra = 0
    fields = ["number", "label", "summary", "topics", "third_parties"]
    show_change_link = True


class NegotiatorInline(admin.TabularInline):
    model = Negotiator
    extra = 0
    autocomplete_fields = ["person", "polity"]


class TreatyMilestoneInline(admin.TabularInline):
    model = TreatyMilestone
    extra = 0
    autocomplete_fields = ["event", "party"]


class TreatyRelationInline(admin.TabularInline):
    model = TreatyRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]
    verbose_name = "relation to another treaty"


@admin.register(Treaty)
class TreatyAdmin(NamedRecordAdmin):
    list_display = ["name", "kind", "status", "signed_edtf", "signed_calendar", "slug"]
    list_filter = ["kind", "status", "signed_calendar"]
    autocomplete_fields = ["signed_at", "related_events"]
    inlines = [
        TreatyPartyInline,
        ClauseInline,
        NegotiatorInline,
        TreatyMilestoneInline,
        TreatyRelationInline,
        citation_inline(TreatyCitation),
    ]


class ClausePolityInline(admin.TabularInline):
    model = ClausePolity
    extra = 0
    autocomplete_fields = ["polity"]


@admin.register(Clause)
class ClauseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "number", "third_parties"]
    list_filter = ["treaty", "third_parties"]
    search_fields = ["label", "text", "summary", "treaty__name"]
    autocomplete_fields = ["treaty", "places"]
    inlines = [ClausePolityInline, citation_inline(ClauseCitation)]


@admin.register(Negotiator)
class NegotiatorAdmin(admin.ModelAdmin):
    list_display = ["person", "polity", "role", "signed", "treaty"]
    list_filter = ["role", "signed", "polity"]
    search_fields = ["person__name", "treaty__name", "title"]
    autocomplete_fields = ["treaty", "person", "polity"]
    inlines = [citation_inline(NegotiatorCitation)]


@admin.register(TreatyParty)
class TreatyPartyAdmin(admin.ModelAdmin):
    list_display = ["treaty", "polity", "role"]
    list_filter = ["role"]
    search_fields = ["treaty__name", "polity__name"]
    autocomplete_fields = ["treaty", "polity"]
    inlines = [citation_inline(TreatyPartyCitation)]


@admin.register(TreatyMilestone)
class TreatyMilestoneAdmin(admin.ModelAdmin):
    list_display = ["treaty", "kind", "party", "contested", "event"]
    list_filter = ["kind", "contested"]
    search_fields = ["treaty__name", "event__name"]
    autocomplete_fields = ["treaty", "event", "party"]
    inlines = [citation_inline(TreatyMilestoneCitation)]


@admin.register(TreatyRelation)
class TreatyRelationAdmin(admin.ModelAdmin):
    list_display = ["source", "kind", "target"]
    list_filter = ["kind"]
    search_fields = ["source__name", "target__name", "note"]
    autocomplete_fields = ["source", "target"]
    inlines = [citation_inline(TreatyRelationCitation)]
