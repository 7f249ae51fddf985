"""Query parameters of the historical record's collections: related slugs, kinds, plain search."""

import functools
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from events.choices import EventKind, PlaceKind, PolityKind, SourceKind
from events.dates import HistoricalDate, InvalidDate
from events.models import Event, Person, Place, Polity, Source
from events.search import InvalidQuery, search


class HistoricalDateFormField(forms.CharField):
    """A query parameter read as an EDTF date: `1855`, `1858-05`, `1858-05-28`, `-1259`, `185X`."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return parsed(value)
        except InvalidDate as error:
            raise forms.ValidationError(str(error)) from error


@functools.lru_cache(maxsize=4096)
def parsed(text: str) -> HistoricalDate:
    """A query parameter's date, read once: the EDTF grammar takes milliseconds a date."""
    return HistoricalDate.parse(text)


@extend_schema_field(OpenApiTypes.STR)
class DateBoundFilter(django_filters.Filter):
    """One end of a date range: records whose dates overlap the range are kept.

    `date_from=1855` keeps what may have happened on 1 January 1855 or later;
    `date_to=1856` what may have happened by 31 December 1856. With both, an
    event of `185X` or `1850/1864` matches. The record's dates are the `span`
    column (a range with a GiST index), or run from `start` to `end` (open
    where empty).
    """

    field_class = HistoricalDateFormField

    def __init__(self, *, bound: str, span: str = "", start: str = "", end: str = "", **kwargs):
        assert bound in ("from", "to")
        self.bound, self.span, self.start, self.end = bound, span, start, end
        kwargs.setdefault(
            "label",
            "Overlapping from this date on (EDTF: 1855, 1858-05, 1858-05-28, -1259)"
            if bound == "from"
            else "Overlapping up to this date (EDTF: 1856, 1858-05, 1858-05-28, -1259)",
        )
        super().__init__(**kwargs)

    def filter(self, queryset, value: HistoricalDate | None):
        # With both ends given, the `from` filter applies the whole range as one condition
        # (one selective GiST search); the `to` filter then has nothing left to do.
        other = self.parent.form.cleaned_data.get(self._sibling()) if value is not None else None
        if value is None or (self.bound == "to" and other is not None):
            return queryset
        low, high = (value, other) if self.bound == "from" else (None, value)
        first = low.earliest if low is not None else None
        last = high.latest if high is not None else None
        if first is None and last is None:
            return queryset
        if self.span:
            if first is not None and self.parent.request is not None:
                sort = self.span.removesuffix("_span") + "_sort"
                self.parent.request.date_window = DateWindow(sort, self.span, first)
            return queryset.filter(
                **{f"{self.span}__overlap": (first, last + 1 if last is not None else None)}
            )
        if first is not None:
            queryset = queryset.filter(
                Q(**{f"{self.end}__gte": first}) | Q(**{f"{self.end}__isnull": True})
            )
        if last is not None:
            queryset = queryset.filter(
                Q(**{f"{self.start}__lte": last}) | Q(**{f"{self.start}__isnull": True})
            )
        return queryset

    def _sibling(self) -> str:
        name = self.field_name
        return (
            name[: -len("_from")] + "_to" if self.bound == "from" else name[: -len("_to")] + "_from"
        )


@dataclass(frozen=True)
class DateWindow:
    """How to read, in date order, the records whose dates overlap a range from `first` on.

    Asked for them in date order, PostgreSQL reads the date index from the very
    first record and tests each one: seconds, at a million records, for a range
    late in their history. In date order, though, the records that started
    before `first` and still ran on that day (few, found by the GiST index)
    all come before those that started from `first` on, which the date index
    gives in order from `first`. The pagination reads them so, through `take`.
    """

    sort: str
    span: str
    first: int

    def orders(self, queryset) -> bool | None:
        """True if `queryset` is in date order, False if in reverse, None if neither."""
        ordering = queryset.query.order_by or queryset.model._meta.ordering
        lead = ordering[0] if ordering else None
        return {self.sort: True, f"-{self.sort}": False}.get(lead)

    def take(self, queryset, start: int, stop: int, forward: bool = True) -> list:
        """Rows `start` to `stop` of `queryset` (in date order, or reverse if not `forward`)."""
        before = queryset.filter(
            **{f"{self.sort}__lt": self.first, f"{self.span}__contains": self.first}
        )
        since = queryset.filter(**{f"{self.sort}__gte": self.first})
        head, tail = (before, since) if forward else (since, before)
        rows = list(head[start:stop])
        if len(rows) == stop - start:
            return rows
        skipped = start + len(rows) if rows or not start else head.count()
        return rows + list(tail[max(0, start - skipped) : stop - skipped])


class SearchFilter(django_filters.CharFilter):
    """`q`: records found by any of their names, in any spelling or script, or their text,
    the best matches first unless `ordering` says otherwise."""

    def __init__(self, *, names: bool = True, **kwargs):
        self.names = names
        kwargs.setdefault(
            "label",
            "Search: a name in any language, script or spelling, or words of the text"
            if names
            else "Search: words of the text, in English or French",
        )
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        try:
            found = search(queryset, value, names=self.names)
        except InvalidQuery as error:
            raise ValidationError({self.field_name: [str(error)]}) from error
        return found.order_by("-search_rank", *queryset.query.order_by, "pk")


class NamedRecordFilterSet(django_filters.FilterSet):
    q = SearchFilter()


class SourceFilterSet(NamedRecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices, label="Kind of source")

    class Meta:
        model = Source
        fields = ["q", "kind"]


class PolityFilterSet(NamedRecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=PolityKind.choices, label="Kind of polity")
    date_from = DateBoundFilter(bound="from", span="existed_span")
    date_to = DateBoundFilter(bound="to", span="existed_span")

    class Meta:
        model = Polity
        fields = ["q", "kind", "date_from", "date_to"]


class PlaceFilterSet(NamedRecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=PlaceKind.choices, label="Kind of place")
    part_of = django_filters.CharFilter(
        field_name="part_of__slug", label="Part of the place with this slug"
    )

    class Meta:
        model = Place
        fields = ["q", "kind", "part_of"]


class PersonFilterSet(NamedRecordFilterSet):
    date_from = DateBoundFilter(
        bound="from", start="born_earliest", end="died_latest", label="Alive from this date on"
    )
    date_to = DateBoundFilter(
        bound="to", start="born_earliest", end="died_latest", label="Alive up to this date"
    )

    class Meta:
        model = Person
        fields = ["q", "date_from", "date_to"]


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
    date_from = DateBoundFilter(bound="from", span="date_span")
    date_to = DateBoundFilter(bound="to", span="date_span")

    class Meta:
        model = Event
        fields = ["q", "kind", "place", "polity", "person", "part_of", "date_from", "date_to"]
