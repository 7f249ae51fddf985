"""Query parameters of the historical record's collections: related slugs, kinds, plain search."""

import django_filters
from django.db.models import Q

from events.choices import EventKind, PlaceKind, PolityKind, SourceKind
from events.models import Event, Person, Place, Polity, Source


class NamedRecordFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q", label="Search: part of a name in any language, the slug or description"
    )

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(slug__icontains=value)
            | Q(names__icontains=value)
            | Q(description__icontains=value)
        )


class SourceFilterSet(NamedRecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices, label="Kind of source")

    class Meta:
        model = Source
        fields = ["q", "kind"]


class PolityFilterSet(NamedRecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=PolityKind.choices, label="Kind of polity")

    class Meta:
        model = Polity
        fields = ["q", "kind"]


class PlaceFilterSet(NamedRecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=PlaceKind.choices, label="Kind of place")
    part_of = django_filters.CharFilter(
        field_name="part_of__slug", label="Part of the place with this slug"
    )

    class Meta:
        model = Place
        fields = ["q", "kind", "part_of"]


class PersonFilterSet(NamedRecordFilterSet):
    class Meta:
        model = Person
        fields = ["q"]


class EventFilterSet(NamedRecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, label="Kind of event")
    place = django_filters.CharFilter(field_name="places__slug", label="At the place (slug)")
    polity = django_filters.CharFilter(
        field_name="polities__slug", label="Involving the polity (slug)"
    )
    person = django_filters.CharFilter(
        field_name="people__slug", label="Involving the person (slug)"
    )
    part_of = django_filters.CharFilter(
        field_name="part_of__slug", label="Part of the event with this slug"
    )

    class Meta:
        model = Event
        fields = ["q", "kind", "place", "polity", "person", "part_of"]
