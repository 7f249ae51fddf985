"""The instruments: treaties, their clauses, parties, negotiators, milestones and relations."""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q

from events.history import tracked, tracked_links
from events.models import (
    Citation,
    Event,
    NamedRecord,
    Person,
    Place,
    Polity,
    WellFormedNames,
    date_constraints,
    date_indexes,
    dated,
)
from events.search import search_indexes, search_vector
from treaties.choices import (
    PARTY_MILESTONES,
    ClauseEffect,
    MilestoneKind,
    NegotiatorRole,
    PartyRole,
    RelationKind,
    ThirdParties,
    Topic,
    TreatyKind,
    TreatyStatus,
)


@tracked
class Treaty(dated("signed"), NamedRecord):
    """A legal instrument between polities: the Treaty of Aigun, the Convention of Peking."""

    kind = models.CharField(max_length=30, choices=TreatyKind.choices, default=TreatyKind.TREATY)
    status = models.CharField(max_length=20, choices=TreatyStatus.choices)
    signed_at = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="treaties_signed_here",
        help_text="Where it was signed.",
    )
    authentic_languages = ArrayField(
        models.CharField(max_length=20),
        default=list,
        blank=True,
        help_text="Language tags of the authentic texts: ru, mnc (Manchu), mn, la.",
    )
    parties = models.ManyToManyField(Polity, through="TreatyParty", related_name="treaties")
    related_events = models.ManyToManyField(
        Event,
        blank=True,
        related_name="related_treaties",
        help_text="Context: the crisis that led to it, the negotiation, its consequences.",
    )

    class Meta(NamedRecord.Meta):
        verbose_name_plural = "treaties"
        ordering = ["signed_sort", "id"]  # on one index
        indexes = [*NamedRecord.Meta.indexes, *date_indexes("signed")]
        constraints = [
            *NamedRecord.Meta.constraints,
            *date_constraints("signed"),
            models.CheckConstraint(
                condition=Q(kind__in=TreatyKind.values), name="treaties_treaty_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=TreatyStatus.values), name="treaties_treaty_status_valid"
            ),
        ]


@tracked
class TreatyParty(models.Model):
    """A polity's part in a treaty."""

    treaty = models.ForeignKey(Treaty, on_delete=models.CASCADE, related_name="treaty_parties")
    polity = models.ForeignKey(Polity, on_delete=models.PROTECT, related_name="treaty_parties")
    role = models.CharField(max_length=20, choices=PartyRole.choices, default=PartyRole.PARTY)

    class Meta:
        verbose_name_plural = "treaty parties"
        ordering = ["treaty", "id"]
        constraints = [
            models.UniqueConstraint(fields=["treaty", "polity"], name="treaties_party_once"),
            models.CheckConstraint(
                condition=Q(role__in=PartyRole.values), name="treaties_party_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.polity} ({self.role}) in {self.treaty}"


@tracked
class Clause(models.Model):
    """An article or provision of a treaty, in order."""

    treaty = models.ForeignKey(Treaty, on_delete=models.CASCADE, related_name="clauses")
    number = models.PositiveSmallIntegerField(
        help_text="Position in the treaty, from 1.", validators=[MinValueValidator(1)]
    )
    label = models.CharField(max_length=100, help_text="As the treaty names it: 'Article 1'.")
    text = models.TextField(blank=True, help_text="The text, or an English translation of it.")
    text_lang = models.CharField(
        "language of the text", max_length=20, blank=True, help_text="Language tag of `text`."
    )
    summary = models.TextField(blank=True, help_text="What it provides, in English.")
    summaries = models.JSONField(
        default=list,
        blank=True,
        help_text='Summaries in other languages: [{"text": "...", "lang": "fr"}].',
    )
    topics = ArrayField(models.CharField(max_length=20, choices=Topic.choices), default=list)
    third_parties = models.CharField(
        max_length=20,
        choices=ThirdParties.choices,
        default=ThirdParties.NOT_ADDRESSED,
        help_text="Whether the clause excludes or admits states that are not parties.",
    )
    places = models.ManyToManyField(Place, blank=True, related_name="clauses")
    polities = models.ManyToManyField(Polity, through="ClausePolity", related_name="clauses")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = search_vector(
        label=("A", "english"),
        summary=("B", "english"),
        summaries=("B", "french"),
        text=("C", "english"),
    )

    class Meta:
        ordering = ["treaty", "number"]
        indexes = search_indexes(names=False)
        constraints = [
            models.UniqueConstraint(
                fields=["treaty", "number"], name="treaties_clause_number_once"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="treaties_clause_number_from_1"
            ),
            models.CheckConstraint(
                condition=Q(topics__contained_by=Topic.values), name="treaties_clause_topics_valid"
            ),
            models.CheckConstraint(
                condition=Q(third_parties__in=ThirdParties.values),
                name="treaties_clause_third_parties_valid",
            ),
            models.CheckConstraint(
                condition=WellFormedNames("summaries"), name="treaties_clause_summaries_well_formed"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.treaty}, {self.label}"


@tracked
class ClausePolity(models.Model):
    """A polity a clause grants a right to, excludes, or obliges."""

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="clause_polities")
    polity = models.ForeignKey(Polity, on_delete=models.PROTECT, related_name="+")
    effect = models.CharField(max_length=20, choices=ClauseEffect.choices)

    class Meta:
        verbose_name_plural = "clause polities"
        ordering = ["clause", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["clause", "polity", "effect"], name="treaties_clausepolity_once"
            ),
            models.CheckConstraint(
                condition=Q(effect__in=ClauseEffect.values), name="treaties_clausepolity_effect"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.clause} {self.effect} {self.polity}"


@tracked
class Negotiator(models.Model):
    """A person's part in a treaty: for which polity, in which role."""

    treaty = models.ForeignKey(Treaty, on_delete=models.CASCADE, related_name="negotiators")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="negotiations")
    polity = models.ForeignKey(Polity, on_delete=models.PROTECT, related_name="negotiators")
    role = models.CharField(max_length=20, choices=NegotiatorRole.choices)
    signed = models.BooleanField(default=False, help_text="Whether they signed the instrument.")
    title = models.CharField(
        max_length=300, blank=True, help_text="Their style and office as the treaty gives it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["treaty", "polity", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["treaty", "person", "polity"], name="treaties_negotiator_one_role"
            ),
            models.CheckConstraint(
                condition=Q(role__in=NegotiatorRole.values), name="treaties_negotiator_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.role}, {self.polity}) for {self.treaty}"

    def clean(self) -> None:
        super().clean()
        if self.treaty_id and self.polity_id:
            if not TreatyParty.objects.filter(
                treaty=self.treaty_id, polity=self.polity_id
            ).exists():
                raise ValidationError({"polity": "This polity is not a party to the treaty."})


@tracked
class TreatyMilestone(models.Model):
    """A dated step in a treaty's life: signature, ratification by a party, entry into force."""

    treaty = models.ForeignKey(Treaty, on_delete=models.CASCADE, related_name="milestones")
    event = models.OneToOneField(
        Event,
        on_delete=models.CASCADE,
        related_name="milestone",
        help_text="The event that carries the milestone's date, place and people.",
    )
    kind = models.CharField(max_length=30, choices=MilestoneKind.choices)
    party = models.ForeignKey(
        Polity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The party that ratified or refused, for those milestones.",
    )
    contested = models.BooleanField(
        default=False, help_text="Sources disagree on whether or when it happened."
    )

    class Meta:
        ordering = ["treaty", "event__date_sort", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=MilestoneKind.values), name="treaties_milestone_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=PARTY_MILESTONES, party__isnull=False)
                | (~Q(kind__in=PARTY_MILESTONES) & Q(party__isnull=True)),
                name="treaties_milestone_party_when_party_act",
            ),
            models.UniqueConstraint(
                fields=["treaty", "kind"],
                condition=Q(party__isnull=True),
                name="treaties_milestone_once",
            ),
            models.UniqueConstraint(
                fields=["treaty", "kind", "party"],
                condition=Q(party__isnull=False),
                name="treaties_milestone_once_per_party",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.treaty}: {self.get_kind_display()}"

    def clean(self) -> None:
        super().clean()
        if self.party_id and self.treaty_id:
            if not TreatyParty.objects.filter(treaty=self.treaty_id, polity=self.party_id).exists():
                raise ValidationError({"party": "This polity is not a party to the treaty."})


@tracked
class TreatyRelation(models.Model):
    """How one treaty bears on another: Peking (1860) confirms Aigun (1858)."""

    source = models.ForeignKey(Treaty, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Treaty, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=20, choices=RelationKind.choices)
    note = models.TextField(blank=True, help_text="What exactly it does: which articles, how.")

    class Meta:
        ordering = ["source", "target", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="treaties_relation_once"
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")), name="treaties_relation_not_to_itself"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=RelationKind.values), name="treaties_relation_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.target}"


@tracked
class TreatyCitation(Citation):
    record = models.ForeignKey(Treaty, on_delete=models.CASCADE, related_name="citations")


@tracked
class ClauseCitation(Citation):
    record = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="citations")


@tracked
class NegotiatorCitation(Citation):
    record = models.ForeignKey(Negotiator, on_delete=models.CASCADE, related_name="citations")


@tracked
class TreatyPartyCitation(Citation):
    record = models.ForeignKey(TreatyParty, on_delete=models.CASCADE, related_name="citations")


@tracked
class TreatyMilestoneCitation(Citation):
    record = models.ForeignKey(TreatyMilestone, on_delete=models.CASCADE, related_name="citations")


@tracked
class TreatyRelationCitation(Citation):
    record = models.ForeignKey(TreatyRelation, on_delete=models.CASCADE, related_name="citations")


tracked_links(Clause.places.field, "ClausePlaceHistory")
tracked_links(Treaty.related_events.field, "TreatyRelatedEventHistory")
