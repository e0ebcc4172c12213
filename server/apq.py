"""Automatic persisted queries, Apollo's protocol: a client sends a query's sha256 first
and the query itself only when the server does not know the hash yet.

A hash alone that is unknown here answers `PERSISTED_QUERY_NOT_FOUND` (the client then
sends hash and query); a hash with its query is checked (a wrong hash is refused) and
the query kept once it has passed validation. The store is bounded (least recently used
go first) and per process: a worker that does not know a hash asks for the query again.
GET works with the hash alone, so a CDN can cache the answer.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from schema.errors import PERSISTED_QUERY_NOT_FOUND, PERSISTED_QUERY_NOT_SUPPORTED
from server.body import RequestError
from server.protocol import Operation

SHA256 = re.compile(r"[0-9a-f]{64}")


def persisted_hash(operation: Operation) -> str | None:
    """The sha256 an operation's `extensions.persistedQuery` gives (checked), or None."""
    found: Any = (operation.extensions or {}).get("persistedQuery")
    if found is None:
        return None
    if not isinstance(found, dict):
        raise RequestError("`extensions.persistedQuery` must be an object")
    if found.get("version") != 1:
        raise RequestError("unsupported persisted query version: expected 1")
    digest = found.get("sha256Hash")
    if not isinstance(digest, str) or not SHA256.fullmatch(digest.lower()):
        raise RequestError("`persistedQuery.sha256Hash` must be 64 hexadecimal digits")
    return digest.lower()


class PersistedQueries:
    """The queries registered by hash, at most `entries` of them (0: none, APQ is off)."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self.queries: OrderedDict[str, str] = OrderedDict()

    def resolved(self, operation: Operation) -> tuple[Operation, str | None]:
        """The operation with its query, and the hash to keep it under once it is valid."""
        digest = persisted_hash(operation)
        if digest is None:
            return operation, None
        if self.entries == 0:
            raise RequestError(
                "PersistedQueryNotSupported", status=None, code=PERSISTED_QUERY_NOT_SUPPORTED
            )
        if operation.query is None:
            return replace(operation, query=self.known(digest)), None
        if hashlib.sha256(operation.query.encode("utf-8")).hexdigest() != digest:
            raise RequestError("provided sha does not match query")
        return operation, digest

    def known(self, digest: str) -> str:
        query = self.queries.get(digest)
        if query is None:
            raise RequestError(
                "PersistedQueryNotFound", status=None, code=PERSISTED_QUERY_NOT_FOUND
            )
        self.queries.move_to_end(digest)
        return query

    def keep(self, digest: str, query: str) -> None:
        self.queries[digest] = query
        self.queries.move_to_end(digest)
        while len(self.queries) > self.entries:
            self.queries.popitem(last=False)
