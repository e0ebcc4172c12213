"""A cache of encoded GraphQL answers: the graph does not change between reloads, so an
answer is a function of the data version, the settings, the media type and the
normalized operations (their text, variables and operation name) — what the ETag
already hashes (`server.caching.etag_of`), which is its key.

A hit answers with the bytes of the first answer, before anything parses or runs. Only
answers without any error are kept: an error may have come from a limit, the time
budget or a fault, none of which is a fact of the data. The cache is bounded by the
bytes it holds (least recently used go first), and emptied as soon as a request comes
with another data version than the one it holds answers of (a reload).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Answer:
    """An encoded answer: its status, body bytes and headers (as ASGI sends them)."""

    status: int
    content: bytes
    headers: tuple[tuple[bytes, bytes], ...]

    @property
    def size(self) -> int:
        return len(self.content) + sum(len(k) + len(v) for k, v in self.headers) + 100


RequestKey = tuple[str, str, str, bytes]
"""A request's method, answered media type, content type and bytes (body or query string)."""
ALIASES = 4096
ALIASED_BYTES = 16 * 1024
"""Requests at most this long are remembered by their bytes (see `alias`)."""


class ResultCache:
    """At most `capacity` bytes of answers, all of one data version (0 bytes: off).

    A request's bytes may also name the key of its answer (`alias`): a request that
    sends the same bytes again is then answered before they are even decoded.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.version: str | None = None
        self.answers: OrderedDict[str, Answer] = OrderedDict()
        self.held = 0
        self.aliases: OrderedDict[RequestKey, str] = OrderedDict()

    def by_request(self, version: str, request: RequestKey) -> tuple[str, Answer] | None:
        """The key and answer the request's bytes were last answered with, if still held."""
        self.follow(version)
        key = self.aliases.get(request)
        answer = None if key is None else self.get(version, key)
        return None if key is None or answer is None else (key, answer)

    def alias(self, request: RequestKey, key: str) -> None:
        if len(request[3]) > ALIASED_BYTES or key not in self.answers:
            return
        self.aliases[request] = key
        self.aliases.move_to_end(request)
        while len(self.aliases) > ALIASES:
            self.aliases.popitem(last=False)

    def get(self, version: str, key: str) -> Answer | None:
        self.follow(version)
        answer = self.answers.get(key)
        if answer is not None:
            self.answers.move_to_end(key)
        return answer

    def put(self, version: str, key: str, answer: Answer) -> None:
        self.follow(version)
        if answer.size > self.capacity:
            return
        if key in self.answers:
            self.held -= self.answers.pop(key).size
        self.answers[key] = answer
        self.held += answer.size
        while self.held > self.capacity:
            _, dropped = self.answers.popitem(last=False)
            self.held -= dropped.size

    def follow(self, version: str) -> None:
        """Drop every answer when the data version changes."""
        if version != self.version:
            self.answers.clear()
            self.aliases.clear()
            self.held = 0
            self.version = version
