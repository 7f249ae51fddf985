"""Query parameters of the treaty collections, and the treaty filters of the historical record's."""

import django_filters
from django.db.models import Q
from rest_framework.exceptions import ValidationError

from events import filtersets as events_filtersets
from events.dates import Calendar
from events.models import Event, Person, Place, Polity
from treaties.choices import NegotiatorRole, ThirdParties, Topic, TreatyKind, TreatyStatus
from treaties.models import Clause, Negotiator, Treaty


def treaty_filter(field_name: str, label: str) -> django_filters.CharFilter:
    """A filter by the slug of a treaty, through `field_name`; a record matches once."""

    def matches(queryset, name, value):
        return queryset.filter(pk__in=queryset.model.objects.filter(**{field_name: value}))

    return django_filters.CharFilter(method=matches, label=label)


class TreatyFilterSet(events_filtersets.NamedRecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=TreatyKind.choices, label="Kind of instrument")
    status = django_filters.ChoiceFilter(choices=TreatyStatus.choices, label="Status")
    polity = treaty_filter("treaty_parties__polity__slug", "With the polity as a party (slug)")
    person = treaty_filter("negotiators__person__slug", "Negotiated by the person (slug)")
    place = treaty_filter("clauses__places__slug", "With a clause about the place (slug)")
    signed_at = django_filters.CharFilter(
        field_name="signed_at__slug", label="Signed at the place (slug)"
    )
    topic = django_filters.ChoiceFilter(
        choices=Topic.choices, method="filter_topic", label="With a clause on the topic"
    )
    date_from = events_filtersets.DateBoundFilter(
        bound="from", span="signed_span", label="Signed on or after this date (EDTF)"
    )
    date_to = events_filtersets.DateBoundFilter(
        bound="to", span="signed_span", label="Signed on or before this date (EDTF)"
    )

    class Meta:
        model = Treaty
        fields = [
            "q", "kind", "status", "polity", "person", "place", "signed_at", "topic",
            "date_from", "date_to",
        ]  # fmt: skip

    def filter_topic(self, queryset, name, value):
        return queryset.filter(pk__in=Treaty.objects.filter(clauses__topics__contains=[value]))


class ClauseFilterSet(django_filters.FilterSet):
    q = events_filtersets.SearchFilter(names=False)
    treaty = django_filters.CharFilter(field_name="treaty__slug", label="Of the treaty (slug)")
    topic = django_filters.ChoiceFilter(
        choices=Topic.choices, method="filter_topic", label="On the topic"
    )
    place = django_filters.CharFilter(field_name="places__slug", label="About the place (slug)")
    polity = treaty_filter("clause_polities__polity__slug", "Affecting the polity (slug)")
    third_parties = django_filters.ChoiceFilter(
        choices=ThirdParties.choices, label="What it says of third parties"
    )

    class Meta:
        model = Clause
        fields = ["q", "treaty", "topic", "place", "polity", "third_parties"]

    def filter_topic(self, queryset, name, value):
        return queryset.filter(topics__contains=[value])


class NegotiatorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q", label="Search the person's names, the treaty's name and the title"
    )
    treaty = django_filters.CharFilter(field_name="treaty__slug", label="Of the treaty (slug)")
    person = django_filters.CharFilter(field_name="person__slug", label="The person (slug)")
    polity = django_filters.CharFilter(field_name="polity__slug", label="For the polity (slug)")
    role = django_filters.ChoiceFilter(choices=NegotiatorRole.choices, label="In the role")
    signed = django_filters.BooleanFilter(label="Whether they signed")

    class Meta:
        model = Negotiator
        fields = ["q", "treaty", "person", "polity", "role", "signed"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(person__name__icontains=value)
            | Q(person__names__icontains=value)
            | Q(treaty__name__icontains=value)
            | Q(title__icontains=value)
        )


class PersonFilterSet(events_filtersets.PersonFilterSet):
    treaty = treaty_filter("negotiations__treaty__slug", "Negotiated the treaty (slug)")
    polity = treaty_filter("negotiations__polity__slug", "Negotiated for the polity (slug)")

    class Meta(events_filtersets.PersonFilterSet.Meta):
        model = Person
        fields = [*events_filtersets.PersonFilterSet.Meta.fields, "treaty", "polity"]


class PlaceFilterSet(events_filtersets.PlaceFilterSet):
    treaty = treaty_filter("clauses__treaty__slug", "Concerned by a clause of the treaty (slug)")

    class Meta(events_filtersets.PlaceFilterSet.Meta):
        model = Place
        fields = [*events_filtersets.PlaceFilterSet.Meta.fields, "treaty"]


class PolityFilterSet(events_filtersets.PolityFilterSet):
    treaty = treaty_filter("treaty_parties__treaty__slug", "Party to the treaty (slug)")

    class Meta(events_filtersets.PolityFilterSet.Meta):
        model = Polity
        fields = [*events_filtersets.PolityFilterSet.Meta.fields, "treaty"]


class EventFilterSet(events_filtersets.EventFilterSet):
    treaty = django_filters.CharFilter(
        method="filter_treaty", label="Related to the treaty, or one of its milestones (slug)"
    )

    class Meta(events_filtersets.EventFilterSet.Meta):
        model = Event
        fields = [*events_filtersets.EventFilterSet.Meta.fields, "treaty"]

    def filter_treaty(self, queryset, name, value):
        related = Event.objects.filter(
            Q(related_treaties__slug=value) | Q(milestone__treaty__slug=value)
        )
        return queryset.filter(pk__in=related)


class TimelineFilterSet(EventFilterSet):
    """The events' filters, and "on this day": a month and day in either calendar."""

    month = django_filters.NumberFilter(
        method="filter_on_this_day", label="On this day: month (1-12)", min_value=1, max_value=12
    )
    day = django_filters.NumberFilter(
        method="filter_on_this_day",
        label="On this day: day of the month",
        min_value=1,
        max_value=31,
    )
    calendar = django_filters.ChoiceFilter(
        choices=Calendar.choices,
        method="filter_on_this_day",
        label="Calendar of month and day: gregorian (default) or julian (Old Style)",
    )

    class Meta(EventFilterSet.Meta):
        fields = [*EventFilterSet.Meta.fields, "month", "day", "calendar"]

    def filter_on_this_day(self, queryset, name, value):
        # month, day and calendar are read together, once, by filter_queryset.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        month, day = data.get("month"), data.get("day")
        if month is None and day is None:
            return queryset
        if month is None:
            raise ValidationError({"month": ["Give the month with the day."]})
        column = (
            "date_julian_month_day" if data.get("calendar") == Calendar.JULIAN else "date_month_day"
        )
        month = int(month)
        if day is None:
            return queryset.filter(**{f"{column}__range": (month * 100 + 1, month * 100 + 31)})
        return queryset.filter(**{column: month * 100 + int(day)})
