"""The database itself refuses bad rows, whatever wrote them (no model validation here)."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import F

from events.models import Event, Person, Place, Polity
from tests.factories import EventFactory, PersonFactory, PlaceFactory, PolityFactory

pytestmark = pytest.mark.django_db


def refused(queryset, **values):
    """True when the database rejects writing `values` into the rows of `queryset`."""
    try:
        with transaction.atomic():
            queryset.update(**values)
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize(
    "values",
    [
        {"slug": ""},
        {"name": ""},
        {"wikidata_id": "12345"},
        {"names": {"text": "Amur", "lang": "en"}},
        {"names": [{"text": "Amur"}]},
        {"names": [{"text": "", "lang": "en"}]},
        {"names": [{"text": "Amur", "lang": "English"}]},
        {"names": [{"text": "Amur", "lang": "en", "kind": "nickname"}]},
        {"names": ["Amur"]},
        {"kind": "volcano"},
        {"latitude": 91},
        {"longitude": -181},
        {"latitude": None},
    ],
)
def test_database_refuses_a_malformed_place(values):
    place = PlaceFactory()

    assert refused(Place.objects.filter(pk=place.pk), **values)


def test_database_accepts_names_in_any_script_and_kind():
    place = PlaceFactory()
    names = [
        {"text": "黑龍江", "lang": "zh-Hant", "kind": "native"},
        {"text": "Амур", "lang": "ru"},
        {"text": "Amour", "lang": "fr", "kind": "translation"},
    ]

    assert not refused(Place.objects.filter(pk=place.pk), names=names)


def test_slugs_are_unique():
    PolityFactory(slug="qing-china")

    with pytest.raises(IntegrityError):
        PolityFactory(slug="qing-china")


@pytest.mark.parametrize(
    "values",
    [
        {"date_latest": F("date_earliest") - 1},
        {"date_calendar": "chinese"},
        {"date_precision": "week"},
        {"date_precision": ""},
        {"date_edtf": "", "date_precision": ""},
        {"kind": "picnic"},
    ],
)
def test_database_refuses_an_inconsistent_event_date(values):
    event = EventFactory(date="1850/1864")

    assert refused(Event.objects.filter(pk=event.pk), **values)


def test_an_event_cannot_be_part_of_itself():
    event = EventFactory()

    assert refused(Event.objects.filter(pk=event.pk), part_of=event.pk)


def test_a_person_cannot_die_before_being_born():
    person = PersonFactory(born="1809", died="1881")

    assert refused(Person.objects.filter(pk=person.pk), died_latest=F("born_earliest") - 400)


def test_a_polity_without_a_date_has_no_bounds():
    polity = PolityFactory(existed=None)

    assert refused(Polity.objects.filter(pk=polity.pk), existed_earliest=2400000)
