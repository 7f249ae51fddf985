"""Answers to reads, kept ready in JSON in each worker under the version of the data.

A treaty's detail (with its clauses, negotiators, parties...), a page of a
list, of the timeline or of search results takes a dozen queries and most of
a request's time to build. Each worker keeps the rendered bytes and the ETag
of the answers it gave last, keyed by the version of the data
(events/versions.py), the URL, the language and the media type (see `kept` in
events/api/conditional.py): asked again while nothing was written, it answers
with one small query, and any write makes every key new. Only JSON is kept;
the browsable API's pages are built each time.
"""

import threading
from collections import OrderedDict

from django.conf import settings


class Representations:
    """A least-recently-used store of rendered bodies, bounded by their total size."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[tuple, tuple[bytes, str, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> tuple[bytes, str, str] | None:
        """The body, its content type and its ETag, if kept."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple, body: bytes, content_type: str, tag: str) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= len(previous[0])
            self._entries[key] = (body, content_type, tag)
            self.size += len(body)
            while self.size > self.max_bytes:
                _, (dropped, _, _) = self._entries.popitem(last=False)
                self.size -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.size = 0


representations = Representations(settings.REPRESENTATION_CACHE_BYTES)
