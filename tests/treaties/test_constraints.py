"""Treaty integrity lives in the database: the ORM's validation is bypassed here."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from events.models import Event
from tests.events.test_constraints import refused
from tests.factories import (
    ClauseFactory,
    EventFactory,
    NegotiatorFactory,
    PolityFactory,
    TreatyFactory,
    TreatyPartyFactory,
)
from treaties.models import Clause, Treaty, TreatyMilestone, TreatyRelation

pytestmark = pytest.mark.django_db


def test_clause_numbers_are_unique_within_a_treaty():
    clause = ClauseFactory(number=1)
    ClauseFactory(number=1)  # another treaty may have its own article 1

    with pytest.raises(IntegrityError):
        ClauseFactory(treaty=clause.treaty, number=1)


@pytest.mark.parametrize(
    "values",
    [{"number": 0}, {"topics": ["boundary", "gossip"]}, {"third_parties": "maybe"}],
)
def test_database_refuses_a_malformed_clause(values):
    clause = ClauseFactory()

    assert refused(Clause.objects.filter(pk=clause.pk), **values)


def test_a_person_has_one_role_per_treaty_and_polity():
    negotiator = NegotiatorFactory()

    with pytest.raises(IntegrityError):
        NegotiatorFactory(
            treaty=negotiator.treaty, person=negotiator.person, polity=negotiator.polity,
            role="signatory",
        )  # fmt: skip


def test_a_polity_is_party_to_a_treaty_once():
    party = TreatyPartyFactory()

    with pytest.raises(IntegrityError):
        TreatyPartyFactory(treaty=party.treaty, polity=party.polity)


@pytest.mark.parametrize("values", [{"status": "forgotten"}, {"kind": "memo"}])
def test_database_refuses_a_malformed_treaty(values):
    treaty = TreatyFactory()

    assert refused(Treaty.objects.filter(pk=treaty.pk), **values)


def test_a_treaty_cannot_relate_to_itself():
    treaty = TreatyFactory()

    with pytest.raises(IntegrityError):
        TreatyRelation.objects.create(source=treaty, target=treaty, kind="confirms")


def test_a_relation_is_recorded_once():
    peking, aigun = TreatyFactory(), TreatyFactory()
    TreatyRelation.objects.create(source=peking, target=aigun, kind="confirms")

    with pytest.raises(IntegrityError):
        TreatyRelation.objects.create(source=peking, target=aigun, kind="confirms")


def test_a_ratification_names_its_party_and_a_signature_does_not():
    treaty = TreatyFactory()
    polity = PolityFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        TreatyMilestone.objects.create(treaty=treaty, event=EventFactory(), kind="ratification")
    with pytest.raises(IntegrityError), transaction.atomic():
        TreatyMilestone.objects.create(
            treaty=treaty, event=EventFactory(), kind="signature", party=polity
        )


def test_a_treaty_is_signed_once_and_ratified_once_per_party():
    treaty = TreatyFactory()
    russia, qing = PolityFactory(), PolityFactory()
    TreatyMilestone.objects.create(treaty=treaty, event=EventFactory(), kind="signature")
    TreatyMilestone.objects.create(
        treaty=treaty, event=EventFactory(), kind="ratification", party=russia
    )
    TreatyMilestone.objects.create(
        treaty=treaty, event=EventFactory(), kind="ratification", party=qing
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        TreatyMilestone.objects.create(treaty=treaty, event=EventFactory(), kind="signature")
    with pytest.raises(IntegrityError), transaction.atomic():
        TreatyMilestone.objects.create(
            treaty=treaty, event=EventFactory(), kind="ratification", party=russia
        )


def test_a_polity_that_is_party_to_a_treaty_cannot_be_deleted():
    party = TreatyPartyFactory()

    with pytest.raises(ProtectedError):
        party.polity.delete()


def test_deleting_a_treaty_deletes_its_clauses_but_not_its_events():
    clause = ClauseFactory()
    event = EventFactory()
    TreatyMilestone.objects.create(treaty=clause.treaty, event=event, kind="signature")

    clause.treaty.delete()

    assert not Clause.objects.filter(pk=clause.pk).exists()
    assert Event.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize("summaries", ["nope", [{"x": 1}], [{"text": "Résumé", "lang": "French"}]])
def test_database_refuses_malformed_summaries(summaries):
    clause = ClauseFactory()

    assert refused(Clause.objects.filter(pk=clause.pk), summaries=summaries)
