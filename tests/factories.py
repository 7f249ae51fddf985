"""factory_boy factories: valid records, with dates that never end before they start."""

import factory

from events.choices import EventKind, PlaceKind, SourceKind
from events.models import Event, Person, Place, Polity, Source
from treaties.choices import NegotiatorRole, TreatyStatus
from treaties.models import Clause, Negotiator, Treaty, TreatyParty


class NamedFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"record-{n}")
    name = factory.Sequence(lambda n: f"Record {n}")
    names = factory.LazyAttribute(lambda record: [{"text": record.name, "lang": "en"}])

    class Meta:
        abstract = True


class SourceFactory(NamedFactory):
    kind = SourceKind.SECONDARY
    citation = factory.LazyAttribute(lambda source: f"{source.name}. Somewhere, 1900.")

    class Meta:
        model = Source


class PolityFactory(NamedFactory):
    existed = "1644/1912"

    class Meta:
        model = Polity


class PlaceFactory(NamedFactory):
    kind = PlaceKind.TOWN
    latitude = 50
    longitude = 127

    class Meta:
        model = Place


class PersonFactory(NamedFactory):
    born = "1809-08-23"
    died = "1881-11-30"

    class Meta:
        model = Person


class EventFactory(NamedFactory):
    kind = EventKind.NEGOTIATION
    date = "1858-05"

    class Meta:
        model = Event


class TreatyFactory(NamedFactory):
    status = TreatyStatus.IN_FORCE
    signed = "1858-05-28"
    signed_at = factory.SubFactory(PlaceFactory)

    class Meta:
        model = Treaty


class TreatyPartyFactory(factory.django.DjangoModelFactory):
    treaty = factory.SubFactory(TreatyFactory)
    polity = factory.SubFactory(PolityFactory)

    class Meta:
        model = TreatyParty


class ClauseFactory(factory.django.DjangoModelFactory):
    treaty = factory.SubFactory(TreatyFactory)
    number = factory.Sequence(lambda n: n + 1)
    label = factory.LazyAttribute(lambda clause: f"Article {clause.number}")
    summary = "What the article provides."
    topics = factory.LazyFunction(lambda: ["boundary"])

    class Meta:
        model = Clause


class NegotiatorFactory(factory.django.DjangoModelFactory):
    treaty = factory.SubFactory(TreatyFactory)
    person = factory.SubFactory(PersonFactory)
    polity = factory.SubFactory(PolityFactory)
    role = NegotiatorRole.PLENIPOTENTIARY

    class Meta:
        model = Negotiator
        skip_postgeneration_save = True

    @factory.post_generation
    def party(negotiator, create, extracted, **kwargs):
        """A negotiator acts for a party to the treaty."""
        if create:
            TreatyParty.objects.get_or_create(treaty=negotiator.treaty, polity=negotiator.polity)
