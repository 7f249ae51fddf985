"""The historical record: sources, polities, places, people and events."""

from django.contrib.postgres.fields import BigIntegerRangeField
from django.contrib.postgres.indexes import GistIndex
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

from events.choices import EventKind, NameKind, PlaceKind, PolityKind, SourceKind
from events.dates import Calendar, HistoricalDate, InvalidDate, Precision
from events.history import tracked, tracked_links
from events.names import search_text, validate_names
from events.search import search_indexes, search_vector

_NAME_KINDS = " || ".join(f'@.kind == "{kind}"' for kind in NameKind.values)
_BAD_NAME = (
    '$[*] ? (@.type() != "object"'
    ' || !exists(@.text ? (@.type() == "string" && @ != ""))'
    ' || !exists(@.lang ? (@.type() == "string"'
    ' && @ like_regex "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"))'
    f" || (exists(@.kind) && !({_NAME_KINDS})))"
)


class WellFormedNames(models.Func):
    """True when a names list holds only objects with a text, a language tag and a known kind."""

    output_field = models.BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        names, params = compiler.compile(self.get_source_expressions()[0])
        sql = f"(jsonb_typeof({names}) = 'array' AND NOT jsonb_path_exists({names}, '{_BAD_NAME}'))"
        return sql, (*params, *params)


RANGE = BigIntegerRangeField()
# Where an open start (`../1860`) sorts: before any day a date can name.
OPEN_START = -(2**62)


def dated(prefix: str) -> type[models.Model]:
    """An abstract model holding one historical date in the columns `<prefix>_*`.

    `record.<prefix>` reads a `HistoricalDate` (or None) and takes one (or an
    EDTF string, read as Gregorian, or None) to set every column at once.
    """
    edtf, earliest, latest = f"{prefix}_edtf", f"{prefix}_earliest", f"{prefix}_latest"
    precision, calendar = f"{prefix}_precision", f"{prefix}_calendar"
    as_recorded = f"{prefix}_as_recorded"
    approximate, uncertain = f"{prefix}_approximate", f"{prefix}_uncertain"

    def get(self) -> HistoricalDate | None:
        if not getattr(self, edtf):
            return None
        return HistoricalDate(
            edtf=getattr(self, edtf),
            earliest=getattr(self, earliest),
            latest=getattr(self, latest),
            precision=getattr(self, precision),
            approximate=getattr(self, approximate),
            uncertain=getattr(self, uncertain),
            calendar=getattr(self, calendar),
            as_recorded=getattr(self, as_recorded),
        )

    def assign(self, value: HistoricalDate | str | None) -> None:
        if isinstance(value, str):
            value = HistoricalDate.parse(value)
        for column, column_value in date_columns(prefix, value).items():
            setattr(self, column, column_value)

    def clean_date(self) -> None:
        """Recompute the derived columns from the date as entered, or say what is wrong.

        In the Gregorian calendar the EDTF text is what was entered; in the Julian
        one, the date as recorded is, and the EDTF text is its Gregorian equivalent.
        """
        julian = getattr(self, calendar) == Calendar.JULIAN
        field = as_recorded if julian else edtf
        text = getattr(self, field)
        if not text:
            if julian and getattr(self, edtf):
                raise ValidationError({as_recorded: "Give the Julian date as the source has it."})
            assign(self, None)
            return
        try:
            assign(self, HistoricalDate.parse(text, getattr(self, calendar)))
        except InvalidDate as error:
            raise ValidationError({field: str(error)}) from error

    label = prefix
    day_help = "Julian Day Number (proleptic Gregorian) of the {} possible day; empty if open."
    attributes = {
        "__module__": __name__,
        edtf: models.CharField(
            f"{label} (EDTF)",
            max_length=100,
            blank=True,
            help_text="Extended Date/Time Format, proleptic Gregorian calendar.",
        ),
        calendar: models.CharField(
            f"{label}: calendar of the source",
            max_length=10,
            choices=Calendar.choices,
            default=Calendar.GREGORIAN,
        ),
        as_recorded: models.CharField(
            f"{label} as recorded",
            max_length=100,
            blank=True,
            help_text="The date as the source gave it, in the source's calendar.",
        ),
        earliest: models.BigIntegerField(
            f"{label}: earliest day",
            null=True,
            blank=True,
            editable=False,
            help_text=day_help.format("earliest"),
        ),
        latest: models.BigIntegerField(
            f"{label}: latest day",
            null=True,
            blank=True,
            editable=False,
            help_text=day_help.format("latest"),
        ),
        precision: models.CharField(
            f"{label}: precision",
            max_length=10,
            choices=Precision.choices,
            blank=True,
            editable=False,
        ),
        f"{prefix}_month_day": models.PositiveSmallIntegerField(
            f"{label}: month and day",
            null=True,
            blank=True,
            editable=False,
            help_text="MMDD of the one day it names, Gregorian; empty unless a single day.",
        ),
        f"{prefix}_julian_month_day": models.PositiveSmallIntegerField(
            f"{label}: Julian month and day",
            null=True,
            blank=True,
            editable=False,
            help_text="MMDD of the one day it names, in the Julian calendar.",
        ),
        # Sorts an open start (`../1860`) first, and gives range filters one GiST index.
        f"{prefix}_sort": models.GeneratedField(
            expression=Coalesce(F(earliest), Value(OPEN_START)),
            output_field=models.BigIntegerField(),
            db_persist=True,
        ),
        f"{prefix}_span": models.GeneratedField(
            # Empty rather than an error for reversed bounds: the check constraint names those.
            expression=models.Case(
                models.When(**{f"{latest}__lt": F(earliest)}, then=None),
                default=models.Func(
                    F(earliest), F(latest) + 1, function="int8range", output_field=RANGE
                ),
                output_field=RANGE,
            ),
            output_field=RANGE,
            db_persist=True,
        ),
        approximate: models.BooleanField(f"{label}: approximate", default=False, editable=False),
        uncertain: models.BooleanField(f"{label}: uncertain", default=False, editable=False),
        prefix: property(get, assign),
        f"clean_{prefix}": clean_date,
        "Meta": type("Meta", (), {"abstract": True}),
    }
    return type(f"Dated_{prefix}", (models.Model,), attributes)


def date_columns(prefix: str, value: HistoricalDate | None) -> dict[str, object]:
    """The column values that store `value` in the date `prefix` (all empty for None)."""
    value = value or HistoricalDate("", None, None, "")
    return {
        f"{prefix}_edtf": value.edtf,
        f"{prefix}_earliest": value.earliest,
        f"{prefix}_latest": value.latest,
        f"{prefix}_precision": value.precision,
        f"{prefix}_approximate": value.approximate,
        f"{prefix}_uncertain": value.uncertain,
        f"{prefix}_calendar": value.calendar or Calendar.GREGORIAN,
        f"{prefix}_as_recorded": value.as_recorded,
        f"{prefix}_month_day": value.month_day(Calendar.GREGORIAN),
        f"{prefix}_julian_month_day": value.month_day(Calendar.JULIAN),
    }


def date_indexes(prefix: str) -> list[models.Index]:
    """Indexes for ordering by a date (and paging through it), overlap filters, on this day."""
    return [
        models.Index(fields=[f"{prefix}_sort", "id"], name=f"%(class)s_{prefix}_sort"),
        GistIndex(fields=[f"{prefix}_span"], name=f"%(class)s_{prefix}_span"),
        models.Index(fields=[f"{prefix}_month_day"], name=f"%(class)s_{prefix}_md"),
        models.Index(fields=[f"{prefix}_julian_month_day"], name=f"%(class)s_{prefix}_jmd"),
    ]


def date_constraints(prefix: str) -> list[models.BaseConstraint]:
    """What the database checks of a date's columns, whatever wrote them."""
    edtf, earliest, latest = f"{prefix}_edtf", f"{prefix}_earliest", f"{prefix}_latest"
    precision, calendar = f"{prefix}_precision", f"{prefix}_calendar"
    name = f"%(app_label)s_%(class)s_{prefix}"
    return [
        models.CheckConstraint(
            condition=Q(**{f"{latest}__gte": F(earliest)})
            | Q(**{f"{latest}__isnull": True})
            | Q(**{f"{earliest}__isnull": True}),
            name=f"{name}_latest_not_before_earliest",
        ),
        models.CheckConstraint(
            condition=Q(**{f"{calendar}__in": Calendar.values}), name=f"{name}_calendar_valid"
        ),
        models.CheckConstraint(
            condition=(Q(**{edtf: ""}) & Q(**{precision: ""}))
            | (~Q(**{edtf: ""}) & Q(**{f"{precision}__in": Precision.values})),
            name=f"{name}_precision_matches_edtf",
        ),
        models.CheckConstraint(
            condition=~Q(**{edtf: ""})
            | (Q(**{f"{earliest}__isnull": True}) & Q(**{f"{latest}__isnull": True})),
            name=f"{name}_no_bounds_without_edtf",
        ),
    ]


class NamedRecord(models.Model):
    """What every named record has: a slug, a display name, its names in other languages."""

    slug = models.SlugField(max_length=100, unique=True, help_text="Stable identifier in URLs.")
    name = models.CharField(max_length=200, help_text="Display name, in English where we have one.")
    names = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            'Names in several languages and scripts: [{"text": "Traité d\'Aigun", "lang": "fr", '
            '"kind": "translation"}]. Kind is one of: ' + ", ".join(NameKind.values) + "."
        ),
    )
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, help_text="Such as Q12345; empty if unknown."
    )
    description = models.TextField(blank=True)
    note = models.TextField(
        blank=True, help_text="Editorial note: where sources disagree and what we followed."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_names = models.TextField(
        blank=True,
        editable=False,
        help_text="Every name, folded for search (one script, no accents, one romanisation).",
    )
    search_vector = search_vector(
        name=("A", "english"), description=("B", "english"), note=("D", "english")
    )

    class Meta:
        abstract = True
        ordering = ["name", "id"]
        indexes = search_indexes()
        constraints = [
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=r"^Q[1-9][0-9]*$"),
                name="%(app_label)s_%(class)s_wikidata_id_format",
            ),
            models.CheckConstraint(
                condition=~Q(name="") & ~Q(slug=""), name="%(app_label)s_%(class)s_named"
            ),
            models.CheckConstraint(
                condition=WellFormedNames("names"), name="%(app_label)s_%(class)s_names_well_formed"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_names = search_text(self.name, self.names)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name", "names"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_names"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()

        validate_names(self.names)
        for field in self._meta.concrete_fields:
            if field.name.endswith("_edtf"):
                getattr(self, f"clean_{field.name.removesuffix('_edtf')}")()


@tracked
class Source(NamedRecord):
    """A bibliographic source. Facts cite their sources, with a locator."""

    kind = models.CharField(max_length=20, choices=SourceKind.choices)
    citation = models.TextField(help_text="Full bibliographic reference.")
    link = models.URLField(max_length=500, blank=True, help_text="Where to read it online.")

    class Meta(NamedRecord.Meta):
        constraints = [
            *NamedRecord.Meta.constraints,
            models.CheckConstraint(
                condition=Q(kind__in=SourceKind.values), name="events_source_kind_valid"
            ),
        ]


class Citation(models.Model):
    """A record's debt to a source, and where in the source to look."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    locator = models.CharField(
        max_length=200, blank=True, help_text="Page, article or line: 'p. 54', 'Art. 1'."
    )
    note = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["record", "source", "locator"], name="%(app_label)s_%(class)s_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.locator}".strip()


@tracked
class Polity(dated("existed"), NamedRecord):
    """A state or power: the Russian Empire, Qing China, the British Empire."""

    kind = models.CharField(max_length=20, choices=PolityKind.choices, default=PolityKind.OTHER)

    class Meta(NamedRecord.Meta):
        verbose_name_plural = "polities"
        indexes = [*NamedRecord.Meta.indexes, *date_indexes("existed")]
        constraints = [
            *NamedRecord.Meta.constraints,
            *date_constraints("existed"),
            models.CheckConstraint(
                condition=Q(kind__in=PolityKind.values), name="events_polity_kind_valid"
            ),
        ]


@tracked
class Place(NamedRecord):
    """A river, sea, town or region, with its coordinates where known (WGS 84)."""

    kind = models.CharField(max_length=20, choices=PlaceKind.choices)
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    part_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="parts"
    )

    class Meta(NamedRecord.Meta):
        constraints = [
            *NamedRecord.Meta.constraints,
            models.CheckConstraint(
                condition=Q(kind__in=PlaceKind.values), name="events_place_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90) | Q(latitude__isnull=True),
                name="events_place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180) | Q(longitude__isnull=True),
                name="events_place_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="events_place_coordinates_paired",
            ),
            models.CheckConstraint(
                condition=~Q(part_of=F("pk")), name="events_place_not_part_of_itself"
            ),
        ]


@tracked
class Person(dated("born"), dated("died"), NamedRecord):
    """A historical person: Nikolay Muravyov, Yishan, Putyatin, Ignatiev."""

    class Meta(NamedRecord.Meta):
        verbose_name_plural = "people"
        indexes = [*NamedRecord.Meta.indexes, *date_indexes("born"), *date_indexes("died")]
        constraints = [
            *NamedRecord.Meta.constraints,
            *date_constraints("born"),
            *date_constraints("died"),
            models.CheckConstraint(
                condition=Q(died_latest__gte=F("born_earliest"))
                | Q(died_latest__isnull=True)
                | Q(born_earliest__isnull=True),
                name="events_person_not_dead_before_born",
            ),
        ]


@tracked
class Event(dated("date"), NamedRecord):
    """Something that happened over a (fuzzy) span of time, possibly part of a larger event."""

    kind = models.CharField(max_length=30, choices=EventKind.choices)
    part_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="parts"
    )
    places = models.ManyToManyField(Place, blank=True, related_name="events")
    polities = models.ManyToManyField(Polity, blank=True, related_name="events")
    people = models.ManyToManyField(Person, blank=True, related_name="events")

    class Meta(NamedRecord.Meta):
        ordering = ["date_sort", "id"]  # as the timeline, on one index
        indexes = [*NamedRecord.Meta.indexes, *date_indexes("date")]
        constraints = [
            *NamedRecord.Meta.constraints,
            *date_constraints("date"),
            models.CheckConstraint(
                condition=Q(kind__in=EventKind.values), name="events_event_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(part_of=F("pk")), name="events_event_not_part_of_itself"
            ),
        ]


@tracked
class SourceCitation(Citation):
    record = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="citations")


@tracked
class PolityCitation(Citation):
    record = models.ForeignKey(Polity, on_delete=models.CASCADE, related_name="citations")


@tracked
class PlaceCitation(Citation):
    record = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="citations")


@tracked
class PersonCitation(Citation):
    record = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="citations")


@tracked
class EventCitation(Citation):
    record = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="citations")


tracked_links(Event.places.field, "EventPlaceHistory")
tracked_links(Event.polities.field, "EventPolityHistory")
tracked_links(Event.people.field, "EventPersonHistory")
