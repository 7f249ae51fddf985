"""Conditional requests (RFC 9110) on records: no lost updates, no needless downloads.

A record's detail, like every list, carries a strong `ETag`, a hash of its
representation, kept with the rendered JSON until the data changes
(events/api/cached.py). A read with `If-None-Match` naming it is a 304 without
a body. A write with `If-Match` is refused with 412 unless the record still has
that tag: the row is locked and its representation rebuilt inside the write's
transaction, so two editors holding the same tag cannot both write.
"""

import hashlib
import json

from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from events.api.cached import representations
from events.api.fields import requested_language
from events.versions import current as current_version

WRITES = ("PUT", "PATCH", "DELETE")


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = (
        "The record changed since you read it (If-Match does not match its ETag): "
        "read it again, and apply your change to what is there now."
    )
    default_code = "precondition_failed"


def etag(data) -> str:
    """A strong entity tag: the same representation, byte for byte, has the same tag."""
    body = json.dumps(data, cls=JSONEncoder, sort_keys=True, separators=(",", ":"))
    return f'"{hashlib.blake2b(body.encode(), digest_size=16).hexdigest()}"'


def matches(header: str, tag: str, *, weak: bool) -> bool:
    """Does the If-Match (strong comparison) or If-None-Match (weak) header name `tag`?"""
    tags = parse_etags(header)
    if "*" in tags:
        return True
    if weak:
        tags = [candidate.removeprefix("W/") for candidate in tags]
    return tag in tags


class ConditionalMixin:
    """ETags on a collection's records; If-None-Match on reads, If-Match on writes.

    A record shown inside another one (a clause inside its treaty) names that
    one in `lock_parent`: its writes lock the parent first, as the parent's own
    writes do before they touch their parts, so that neither overwrites the
    other and they never deadlock.
    """

    kept_reads = True  # lists and records are answered through `kept`
    lock_parent: str | None = None
    writing = False  # inside a write's transaction: read rows to change them

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.writing:
            # Held until the write commits: the If-Match check below sees the
            # last committed version, and no other write slips in after it.
            queryset = queryset.select_for_update(of=("self",))
        return queryset

    def get_object(self):
        if self.writing and self.lock_parent:
            self.writing = False
            parent = getattr(super().get_object(), f"{self.lock_parent}_id")
            self._lock_parent(parent)
            self.writing = True
        instance = super().get_object()
        header = self.request.headers.get("If-Match")
        if self.writing and header and not matches(header, self._etag_of(instance), weak=False):
            raise PreconditionFailed()
        return instance

    def retrieve(self, request, *args, **kwargs):
        return kept(self, lambda: super(ConditionalMixin, self).retrieve(request, *args, **kwargs))

    def list(self, request, *args, **kwargs):
        return kept(self, lambda: super(ConditionalMixin, self).list(request, *args, **kwargs))

    def create(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().create(request, *args, **kwargs)
        return tagged(response, self._etag(response.data))

    def perform_create(self, serializer):
        if self.lock_parent:
            self._lock_parent(serializer.validated_data[self.lock_parent].pk)
        super().perform_create(serializer)

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            self.writing = True
            response = super().update(request, *args, **kwargs)
        return tagged(response, self._etag(response.data))

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            self.writing = True
            return super().destroy(request, *args, **kwargs)

    def _lock_parent(self, pk) -> None:
        model = self.get_queryset().model._meta.get_field(self.lock_parent).related_model
        list(model.objects.select_for_update().filter(pk=pk).values_list("pk"))

    def _etag_of(self, instance) -> str:
        return self._etag(self.get_serializer(instance).data)

    def _etag(self, data) -> str:
        return etag_for(self.request, data)


def etag_for(request, data) -> str:
    # The JSON and the browsable API's page of a record are not the same bytes.
    renderer = getattr(request, "accepted_renderer", None)
    return etag([getattr(renderer, "format", "json"), data])


def tagged(response, tag: str):
    response["ETag"] = tag
    # Names are shown in the language asked for (`lang` or Accept-Language).
    patch_vary_headers(response, ["Accept-Language"])
    return response


def kept(view, build):
    """The answer `build` gives to a read, kept in JSON under the data version, with its ETag.

    While nothing is written, the same URL in the same language is answered
    from what was kept; a client with that ETag gets a 304. The browsable
    API's pages are built each time.
    """
    request = view.request
    renderer, media_type = request.accepted_renderer, request.accepted_media_type
    if renderer.format != "json":
        response = build()
        return not_modified_or(request, response, etag_for(request, response.data))
    # The version is read first: a write committed meanwhile gives newer rows, never older.
    key = (current_version(), request.build_absolute_uri(), requested_language(request), media_type)
    entry = representations.get(key)
    if entry is None:
        data = build().data
        body = renderer.render(data, media_type, view.get_renderer_context())
        entry = (body, media_type, etag_for(request, data))
        representations.put(key, *entry)
    body, content_type, tag = entry
    return not_modified_or(request, HttpResponse(body, content_type=content_type), tag)


def not_modified_or(request, response, tag: str):
    """The response, or a 304 if the client has this representation already."""
    if matches(request.headers.get("If-None-Match", ""), tag, weak=True):
        response = Response(status=status.HTTP_304_NOT_MODIFIED)
    return tagged(response, tag)
