"""HTTP caching: ETags, `If-None-Match` answered with 304, and `Cache-Control`.

A GraphQL answer's ETag is derived before anything runs, from what the answer depends
on: the data version, the settings, the media type and the normalized request (so a
revalidation costs no execution). Every other GET answer of status 200 without an ETag
of its own (`/health`, exports) gets one from its bytes (`ConditionalGet`). The ETags are
weak (`W/"…"`): gzip may change the bytes, not the meaning.
"""

from __future__ import annotations

import hashlib
import json

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

BUFFERED = 32 * 1024 * 1024
"""A GET answer larger than this streams without an ETag rather than sit in memory."""


def etag_of(*parts: object) -> str:
    """A weak ETag for the JSON of `parts` (keys sorted: the order of variables aside)."""
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return 'W/"' + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + '"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether `If-None-Match` names `etag` (compared weakly) or is `*`."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return "*" in tags or wanted in tags


def cache_headers(etag: str | None, cache_control: str) -> dict[str, str]:
    """ETag and Cache-Control for an answer that may be cached; `no-store` without ETag."""
    if etag is None:
        return {"Cache-Control": "no-store"}
    return {"ETag": etag, "Cache-Control": cache_control}


class ConditionalGet:
    """ETag and Cache-Control on every GET answer of status 200 that has no ETag yet, and
    304 when the client's `If-None-Match` names it."""

    def __init__(self, app: ASGIApp, cache_control: str) -> None:
        self.app = app
        self.cache_control = cache_control

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, _Tagging(send, self.cache_control, Headers(scope=scope)))


class _Tagging:
    """The `send` of one GET: holds a 200 answer back until its body is complete."""

    def __init__(self, send: Send, cache_control: str, request: Headers) -> None:
        self.send = send
        self.cache_control = cache_control
        self.if_none_match = request.get("if-none-match")
        self.start: Message | None = None
        self.body = bytearray()

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = Headers(raw=message["headers"])
            if message["status"] != 200 or "etag" in headers:
                await self.send(message)
            else:
                self.start = message
            return
        if self.start is None or message["type"] != "http.response.body":
            await self.send(message)
            return
        self.body += message.get("body", b"")
        if len(self.body) > BUFFERED:
            await self.release(message.get("more_body", False))
        elif not message.get("more_body", False):
            await self.finish()

    async def release(self, more: bool) -> None:
        """Too large to tag: send what is held and let the rest stream."""
        assert self.start is not None
        await self.send(self.start)
        await self.send({"type": "http.response.body", "body": bytes(self.body), "more_body": more})
        self.start = None

    async def finish(self) -> None:
        assert self.start is not None
        etag = 'W/"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'
        headers = MutableHeaders(scope=self.start)
        headers["ETag"] = etag
        headers.setdefault("Cache-Control", self.cache_control)
        if matches(self.if_none_match, etag):
            await self.send(_not_modified(self.start))
            await self.send({"type": "http.response.body", "body": b""})
            return
        await self.send(self.start)
        await self.send({"type": "http.response.body", "body": bytes(self.body)})


def _not_modified(start: Message) -> Message:
    kept = {b"etag", b"cache-control", b"vary", b"content-location", b"date", b"expires"}
    headers = [(k, v) for k, v in start["headers"] if k.lower() in kept]
    return {"type": "http.response.start", "status": 304, "headers": headers}
