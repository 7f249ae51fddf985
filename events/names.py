"""Multilingual names: a record's `names` list, checked before the database checks it again."""

import functools
import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher

import opencc
from django.core.exceptions import ValidationError

from events.choices import NameKind

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
NAME_KEYS = {"text", "lang", "kind"}


def validate_names(names: object) -> None:
    """Raise ValidationError, naming the entry, unless `names` is a list of well-formed names."""
    if not isinstance(names, list):
        raise ValidationError({"names": "A list of names is expected."})
    errors = []
    for index, entry in enumerate(names):
        if not isinstance(entry, dict):
            errors.append(f"Entry {index}: an object with text and lang is expected.")
            continue
        unknown = set(entry) - NAME_KEYS
        if unknown:
            errors.append(f"Entry {index}: unknown keys {sorted(unknown)}.")
        text = entry.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"Entry {index}: text must be a non-empty string.")
        lang = entry.get("lang")
        if not isinstance(lang, str) or not LANGUAGE_TAG.match(lang):
            errors.append(f"Entry {index}: lang must be a language tag such as 'en' or 'zh-Hant'.")
        if "kind" in entry and entry["kind"] not in NameKind.values:
            errors.append(f"Entry {index}: kind must be one of {', '.join(NameKind.values)}.")
    if errors:
        raise ValidationError({"names": errors})


# Simplified and traditional Chinese are one search: both are read as simplified.
_TO_SIMPLIFIED = opencc.OpenCC("t2s.json")
_CYRILLIC = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)
# Romanisations of the same sounds in the spellings of several languages, from
# the most specific to the most general: Mouravieff, Muraviev, Muravyov and
# Муравьёв all come to "muravev"; Poutiatine and Putyatin to "putatin".
_SPELLINGS = [
    (r"ou", "u"),
    (r"tch", "ch"),
    (r"kh", "h"),
    (r"ff\b", "v"),
    (r"w", "v"),
    (r"[iy]o", "e"),
    (r"[iy]e", "e"),
    (r"y", "i"),
    (r"i([au])", r"\1"),
    (r"ine\b", "in"),
    (r"([a-z])\1+", r"\1"),
]


@functools.lru_cache(maxsize=2**14)  # search folds each hit's names to say which one matched
def fold(text: str) -> str:
    """A name as search compares it: one script for Chinese, no case, no accents, and
    Latin letters for Cyrillic, with the spellings of several romanisations made one."""
    text = _TO_SIMPLIFIED.convert(text).lower()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = "".join(_CYRILLIC.get(c, c) for c in text).replace("_", "")
    text = re.sub(r"[^\w]+", " ", text)
    for pattern, replacement in _SPELLINGS:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.split())


def search_text(name: str, names: list[dict]) -> str:
    """Every name of a record, folded, one a line: what name search matches against."""
    lines = [
        fold(name),
        *(fold(entry.get("text", "")) for entry in names if isinstance(entry, dict)),
    ]
    return "\n".join(dict.fromkeys(line for line in lines if line))


# Which of several names in the asked language to show first.
_KIND_PREFERENCE = ["native", "translation", "transliteration", None, "alias", "historical"]


def display_name(name: str, names: list[dict], lang: str | None) -> str:
    """The record's name in `lang` (`fr`, `zh`, `zh-Hant`) if it has one, else its name."""
    if not lang or lang.split("-")[0].lower() == "en":
        return name
    wanted = lang.lower()
    candidates = [
        entry
        for entry in names
        if isinstance(entry, dict)
        and (
            entry.get("lang", "").lower() == wanted or entry.get("lang", "").split("-")[0] == wanted
        )
    ]
    if not candidates:
        return name
    exact = [entry for entry in candidates if entry["lang"].lower() == wanted] or candidates
    rank = {kind: position for position, kind in enumerate(_KIND_PREFERENCE)}
    return min(exact, key=lambda entry: rank.get(entry.get("kind"), len(rank)))["text"]


def matched_name(names: Sequence[str], q: str, folded: str) -> str | None:
    """Which of a record's names the query matched: as typed, else as folded, else the closest."""
    for matches in (
        lambda name: name.casefold() == q.casefold(),
        lambda name: fold(name) == folded,
        lambda name: folded in fold(name),
    ):
        candidates = [name for name in names if matches(name)]
        if candidates:
            return min(candidates, key=len)
    score, name = max((SequenceMatcher(None, folded, fold(name)).ratio(), name) for name in names)
    return name if score >= 0.5 else None
