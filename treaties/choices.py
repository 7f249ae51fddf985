"""Enumerations of treaties and their parts, stored as text and checked by the database."""

from django.db import models


class TreatyKind(models.TextChoices):
    TREATY = "treaty", "treaty"
    CONVENTION = "convention", "convention"
    SUPPLEMENTARY_TREATY = "supplementary_treaty", "supplementary treaty"
    PROTOCOL = "protocol", "protocol"
    AGREEMENT = "agreement", "agreement"
    DECLARATION = "declaration", "declaration"


class TreatyStatus(models.TextChoices):
    SIGNED = "signed", "signed, not ratified"
    IN_FORCE = "in_force", "in force"
    CONTESTED = "contested", "contested"
    SUPERSEDED = "superseded", "superseded"
    TERMINATED = "terminated", "terminated"
    HISTORICAL = "historical", "historical (no longer applied)"


class PartyRole(models.TextChoices):
    PARTY = "party", "party"
    GUARANTOR = "guarantor", "guarantor"
    MEDIATOR = "mediator", "mediator"


class NegotiatorRole(models.TextChoices):
    PLENIPOTENTIARY = "plenipotentiary", "plenipotentiary"
    SIGNATORY = "signatory", "signatory"
    ENVOY = "envoy", "envoy"
    DELEGATE = "delegate", "delegate"
    INTERPRETER = "interpreter", "interpreter"
    MEDIATOR = "mediator", "mediator"
    WITNESS = "witness", "witness"


class MilestoneKind(models.TextChoices):
    SIGNATURE = "signature", "signature"
    RATIFICATION = "ratification", "ratification"
    REFUSAL_TO_RATIFY = "refusal_to_ratify", "refusal to ratify"
    EXCHANGE_OF_RATIFICATIONS = "exchange_of_ratifications", "exchange of ratifications"
    ENTRY_INTO_FORCE = "entry_into_force", "entry into force"
    TERMINATION = "termination", "termination"


# Milestones that one party performs; the others concern the treaty as a whole.
PARTY_MILESTONES = [MilestoneKind.RATIFICATION, MilestoneKind.REFUSAL_TO_RATIFY]


class RelationKind(models.TextChoices):
    SUPERSEDES = "supersedes", "supersedes"
    AMENDS = "amends", "amends"
    CONFIRMS = "confirms", "confirms"
    ABROGATES = "abrogates", "abrogates"
    SUPPLEMENTS = "supplements", "supplements"


class Topic(models.TextChoices):
    BOUNDARY = "boundary", "boundary"
    CONDOMINIUM = "condominium", "territory held in common"
    NAVIGATION = "navigation", "navigation"
    TRADE = "trade", "trade"
    JURISDICTION = "jurisdiction", "jurisdiction over inhabitants"
    DIPLOMACY = "diplomacy", "diplomatic relations"
    RELIGION = "religion", "religion and missions"
    EXTRADITION = "extradition", "fugitives and extradition"
    EXECUTION = "execution", "execution, texts and publication"


class ClauseEffect(models.TextChoices):
    GRANTS = "grants", "grants a right to"
    EXCLUDES = "excludes", "excludes"
    OBLIGES = "obliges", "places an obligation on"


class ThirdParties(models.TextChoices):
    NOT_ADDRESSED = "not_addressed", "not addressed"
    EXCLUDED = "excluded", "excluded"
    ADMITTED = "admitted", "admitted"
