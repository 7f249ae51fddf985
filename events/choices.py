"""Enumerations of the historical record, stored as text and checked by the database."""

from django.db import models


class NameKind(models.TextChoices):
    NATIVE = "native", "native"
    TRANSLITERATION = "transliteration", "transliteration"
    HISTORICAL = "historical", "historical"
    TRANSLATION = "translation", "translation"
    ALIAS = "alias", "alias"


class SourceKind(models.TextChoices):
    PRIMARY = "primary", "primary source"
    SECONDARY = "secondary", "secondary source"
    REFERENCE = "reference", "reference work"
    SEED = "seed", "seed text"


class PlaceKind(models.TextChoices):
    RIVER = "river", "river"
    SEA = "sea", "sea"
    LAKE = "lake", "lake"
    TOWN = "town", "town"
    FORT = "fort", "fort or post"
    REGION = "region", "region"
    CONFLUENCE = "confluence", "confluence"
    MOUNTAINS = "mountains", "mountains"


class PolityKind(models.TextChoices):
    EMPIRE = "empire", "empire"
    KINGDOM = "kingdom", "kingdom"
    KHANATE = "khanate", "khanate"
    REPUBLIC = "republic", "republic"
    OTHER = "other", "other"


class EventKind(models.TextChoices):
    CAMPAIGN = "campaign", "military campaign"
    EXPEDITION = "expedition", "expedition"
    SETTLEMENT = "settlement", "settlement or foundation"
    PROTEST = "protest", "diplomatic protest"
    REBELLION = "rebellion", "rebellion"
    WAR = "war", "war"
    NEGOTIATION = "negotiation", "negotiation"
    SIGNATURE = "signature", "signature"
    RATIFICATION = "ratification", "ratification"
    REFUSAL_TO_RATIFY = "refusal_to_ratify", "refusal to ratify"
    EXCHANGE_OF_RATIFICATIONS = "exchange_of_ratifications", "exchange of ratifications"
    ENTRY_INTO_FORCE = "entry_into_force", "entry into force"
    TERMINATION = "termination", "termination"
    APPOINTMENT = "appointment", "appointment or title"
    OTHER = "other", "other"
