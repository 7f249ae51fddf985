"""What `make bench` asks for: the requests of each endpoint, drawn from the data loaded."""

import random
from urllib.parse import urlencode

from events.api.pagination import cursor
from events.models import Event, Person
from treaties.models import Treaty

PAGE = 20
DEEP_PAGE = 10_000  # or as deep as the data goes
REQUESTS = 200  # different requests per endpoint, asked in turn
SEARCHES = 10  # fewer: an uncached search can take seconds


def endpoints(seed: int = 1858) -> dict[str, list[str]]:
    """The paths to request, for each endpoint measured."""
    rng = random.Random(seed)
    events = Event.objects.count()
    deep = max(1, min(DEEP_PAGE, events // PAGE // 2))
    treaty_pages = max(1, min(5, Treaty.objects.count() // PAGE))
    return {
        "treaty list": [f"/api/v1/treaties/?page={page}" for page in range(1, treaty_pages + 1)],
        "event list by date range": [
            "/api/v1/events/?" + urlencode({"date_from": _year(year), "date_to": _year(year + 50)})
            for year in range(-900, 1900, 100)
        ],
        "treaty detail": [f"/api/v1/treaties/{slug}/" for slug in _treaties(rng)],
        "search by fuzzy name": [
            "/api/v1/search/?" + urlencode({"q": _misspelt(name, rng)})
            for name in _names(rng)[:SEARCHES]
        ],
        "timeline, page 1": ["/api/v1/timeline/"],
        f"timeline, page {deep:,}": [
            "/api/v1/timeline/?" + urlencode({"cursor": cursor(position)})
            for position in _timeline_positions(deep * PAGE)
        ],
        "event list, page 1": ["/api/v1/events/"],
        f"event list, page {deep:,}": [f"/api/v1/events/?page={deep}"],
    }


def _year(year: int) -> str:
    """A year as EDTF writes it: four digits, a minus sign before the era (-0900)."""
    return f"{'-' if year < 0 else ''}{abs(year):04d}"


def _treaties(rng: random.Random) -> list[str]:
    """Treaties that have clauses, in no particular order."""
    slugs = list(
        Treaty.objects.filter(clauses__isnull=False)
        .order_by("id")
        .values_list("slug", flat=True)
        .distinct()[: REQUESTS * 10]
    )
    return rng.sample(slugs, min(REQUESTS, len(slugs)))


def _names(rng: random.Random) -> list[str]:
    names = list(Person.objects.order_by("id").values_list("name", flat=True)[: REQUESTS * 10])
    return rng.sample(names, min(REQUESTS, len(names)))


def _misspelt(name: str, rng: random.Random) -> str:
    """The name with one letter of its longest word dropped, as a hurried reader types it."""
    words = name.split()
    longest = max(range(len(words)), key=lambda index: len(words[index]))
    word = words[longest]
    if len(word) > 4:
        cut = rng.randrange(1, len(word) - 1)
        words[longest] = word[:cut] + word[cut + 1 :]
    return " ".join(words)


def _timeline_positions(depth: int) -> list[list[int]]:
    """Where pages `depth` entries into the timeline start."""
    keys = Event.objects.order_by("date_sort", "id").values_list("date_sort", "id")
    return [list(key) for key in keys[depth : depth + PAGE * 5 : PAGE]]
