"""Multilingual names: a record's `names` list, checked before the database checks it again."""

import re

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
