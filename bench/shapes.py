"""The API's objects, from the rows of bench.queries, as its serializers write them."""

import functools

import orjson

from bench.parameters import Request
from bench.queries import KINDS
from events.dates import HistoricalDate, day_to_iso
from events.names import display_name, matched_name
from events.names import fold as fold_name


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A name or query as search compares it (events.names.fold), worked out once per text."""
    return fold_name(text)


@functools.lru_cache(maxsize=1 << 16)
def _date(edtf, earliest, latest, precision, approximate, uncertain, calendar, as_recorded):
    """The API's date object (events.api.fields.HistoricalDateField), or None."""
    if not edtf:
        return None
    date = HistoricalDate(
        edtf, earliest, latest, precision, approximate, uncertain, calendar, as_recorded
    )
    return {
        "edtf": edtf,
        "earliest": day_to_iso(earliest),
        "latest": day_to_iso(latest),
        "precision": precision,
        "approximate": approximate,
        "uncertain": uncertain,
        "calendar": calendar,
        "as_recorded": as_recorded or edtf,
        "label": date.label,
    }


def _names(names: list[dict]) -> list[dict]:
    """A record's names as NameSerializer writes them: text, lang and kind, in that order."""
    return [
        {"text": entry["text"], "lang": entry["lang"], "kind": entry["kind"]}
        if "kind" in entry
        else {"text": entry["text"], "lang": entry["lang"]}
        for entry in names
    ]


class Shape:
    """The API's objects for one request: its origin for the URLs, its language for names."""

    def __init__(self, request: Request):
        self.origin, self.lang = request.origin, request.language()

    def url(self, collection: str, key) -> str:
        return f"{self.origin}/api/v1/{collection}/{key}/"

    def name(self, name: str, names: list) -> str:
        return name if self.lang is None else display_name(name, names, self.lang)

    def brief(self, collection: str, item: list) -> dict:
        return {
            "id": item[0],
            "url": self.url(collection, item[1]),
            "slug": item[1],
            "name": item[2] if self.lang is None else display_name(item[2], item[3], self.lang),
        }

    def briefs(self, collection: str, items: list | None) -> list[dict]:
        return [self.brief(collection, item) for item in items or ()]

    def citations(self, items: list | None) -> list[dict]:
        return [
            {"source": self.brief("sources", source), "locator": locator, "note": note}
            for source, locator, note in items or ()
        ]

    def event_brief(self, item: list) -> dict:
        brief, kind, date = item
        return {**self.brief("events", brief), "kind": kind, "date": _date(*date)}

    def treaty_brief(self, item: list) -> dict:
        brief, signed = item
        return {**self.brief("treaties", brief), "signed": _date(*signed)}

    def record(self, collection: str, row: list) -> dict:
        """The fields every named record starts with, from the first eight of `row`."""
        pk, slug, name, names, wikidata_id, description, note, citations = row[:8]
        return {
            "id": pk,
            "url": self.url(collection, slug),
            "slug": slug,
            "name": self.name(name, names),
            "names": _names(names),
            "wikidata_id": wikidata_id,
            "description": description,
            "note": note,
            "citations": self.citations(citations),
        }

    def event(self, row: list) -> dict:
        kind, date, part_of, places, polities, people = row[8:]
        return {
            **self.record("events", row),
            "kind": kind,
            "date": _date(*date),
            "part_of": None if part_of is None else self.event_brief(part_of),
            "places": self.briefs("places", places),
            "polities": self.briefs("polities", polities),
            "people": self.briefs("people", people),
        }

    def treaty(self, row: list) -> dict:
        kind, status, signed, signed_at, languages, parties, *detail = row[8:]
        treaty = {
            **self.record("treaties", row),
            "kind": kind,
            "status": status,
            "signed": _date(*signed),
            "signed_at": None if signed_at is None else self.brief("places", signed_at),
            "authentic_languages": languages,
            "parties": [
                {
                    "polity": self.brief("polities", polity),
                    "role": role,
                    **({"citations": self.citations(more[0])} if more else {}),
                }
                for polity, role, *more in parties or ()
            ],
        }
        if detail:
            treaty.update(self._treaty_detail(*detail))
        return treaty

    def _treaty_detail(self, clauses, negotiators, milestones, relations, related_by, events):
        def related(items):
            return [
                {
                    "kind": kind,
                    "treaty": self.treaty_brief(treaty),
                    "note": note,
                    "citations": self.citations(citations),
                }
                for kind, treaty, note, citations in items or ()
            ]

        return {
            "clauses": [self._clause(clause) for clause in clauses or ()],
            "negotiators": [
                {
                    "id": pk,
                    "url": self.url("negotiators", pk),
                    "person": self.brief("people", person),
                    "polity": self.brief("polities", polity),
                    "role": role,
                    "signed": signed,
                    "title": title,
                    "citations": self.citations(citations),
                }
                for pk, person, polity, role, signed, title, citations in negotiators or ()
            ],
            "milestones": [
                {
                    "kind": kind,
                    "event": self.event_brief(event),
                    "party": None if party is None else self.brief("polities", party),
                    "contested": contested,
                    "citations": self.citations(citations),
                }
                for kind, event, party, contested, citations in milestones or ()
            ],
            "relations": related(relations),
            "related_by": related(related_by),
            "related_events": [self.event_brief(event) for event in events or ()],
        }

    def _clause(self, row: list) -> dict:
        (pk, number, label, text, text_lang, summary, summaries, topics, third_parties, places,
         polities, citations) = row  # fmt: skip
        return {
            "id": pk,
            "url": self.url("clauses", pk),
            "number": number,
            "label": label,
            "text": text,
            "text_lang": text_lang,
            "summary": summary,
            "summaries": [{"text": item["text"], "lang": item["lang"]} for item in summaries],
            "topics": topics,
            "third_parties": third_parties,
            "places": self.briefs("places", places),
            "polities": [
                {"polity": self.brief("polities", polity), "effect": effect}
                for polity, effect in polities or ()
            ],
            "citations": self.citations(citations),
        }

    def timeline_entry(self, row: list) -> dict:
        pk, slug, name, kind, date, milestone, treaties, places, polities, people = row
        if milestone is not None:
            milestone_kind, treaty, contested = milestone
            milestone = {
                "kind": milestone_kind,
                "treaty": self.treaty_brief(treaty),
                "contested": contested,
            }
        return {
            "id": pk,
            "url": self.url("events", slug),
            "slug": slug,
            "name": name,  # the model's own field here, not a display name
            "kind": kind,
            "date": _date(*date),
            "milestone": milestone,
            "treaties": [self.treaty_brief(treaty) for treaty in treaties or ()],
            "places": self.briefs("places", places),
            "polities": self.briefs("polities", polities),
            "people": self.briefs("people", people),
        }

    def search_hits(self, rows, q: str, folded: str) -> tuple[list[dict], int]:
        """Search hits (treaties.api.search), and how many records of every kind match."""
        hits, totals = [], {}
        for kind, pk, slug, name, names, label, rank, snippet, total in rows:
            totals[kind] = total
            names = orjson.loads(names)
            shown = display_name(name, names, self.lang)
            others = tuple(entry["text"] for entry in names)
            hits.append(
                {
                    "kind": kind,
                    "id": pk,
                    "slug": slug,
                    "name": f"{shown}, {label}" if kind == "clause" else shown,
                    "url": self.url(KINDS[kind][1], slug or pk),
                    "matched": None if kind == "clause" else _matched_name(name, others, q, folded),
                    "snippet": snippet or "",
                    "rank": round(rank, 4),
                }
            )
        return hits, sum(totals.values())


@functools.lru_cache(maxsize=1 << 16)
def _matched_name(name: str, others: tuple[str, ...], q: str, folded: str) -> str | None:
    """The name the query matched, as the API works it out, once for a record's names."""
    return matched_name([name, *others], q, folded)
