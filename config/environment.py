"""Typed access to the environment: the one place settings are read from."""

import os
import re
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_MISSING = object()
_RATE = re.compile(r"^\d+/(s|sec|second|m|min|minute|h|hour|d|day)$")


class Environment:
    """Reads typed values; a required value that is missing raises ImproperlyConfigured."""

    def __init__(self, source: Mapping[str, str] | None = None) -> None:
        self.source = os.environ if source is None else source

    def _raw(self, name: str, default: object) -> object:
        required = default is None or default is _MISSING
        # An empty value is as good as none where one is required.
        if name in self.source and not (required and not self.source[name].strip()):
            return self.source[name]
        if required:
            raise ImproperlyConfigured(f"Set the environment variable {name}.")
        return default

    def string(self, name: str, default: object = _MISSING) -> str:
        return str(self._raw(name, default))

    def boolean(self, name: str, default: object = _MISSING) -> bool:
        value = self._raw(name, default)
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")

    def integer(self, name: str, default: object = _MISSING) -> int:
        value = self._raw(name, default)
        try:
            return int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from None

    def strings(self, name: str, default: object = _MISSING) -> list[str]:
        value = self._raw(name, default)
        if isinstance(value, list):
            return value
        return [item.strip() for item in str(value).split(",") if item.strip()]

    def rate(self, name: str, default: object = _MISSING) -> str | None:
        """A request rate such as "300/minute"; None when empty (no limit)."""
        value = self.string(name, default).strip()
        if not value:
            return None
        if not _RATE.match(value):
            raise ImproperlyConfigured(
                f"{name} must be a rate such as 300/minute (per second, minute, hour or day), "
                f"or empty for no limit, not {value!r}."
            )
        return value
