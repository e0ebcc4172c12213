"""Hostile requests, bounded in count and size: each is answered with a 4xx before any
resolver runs (resolver calls counted: zero) and without reading the body past its
limit (bytes handed to the app counted). Nothing here is timed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.types import Message

from server.app import create_app
from server.data import Loaded
from server.settings import Settings
from tests.contract import fields_run
from tests.test_schema_limits import NESTED_FRAGMENTS

MODERN = "application/graphql-response+json"
CHUNK = 65_536
LIMIT = Settings().max_body_bytes


class Sent:
    """What one ASGI call was handed and answered."""

    def __init__(self) -> None:
        self.pulled = 0
        self.status = 0
        self.body = b""

    def json(self) -> Any:
        return json.loads(self.body)


def call(
    loaded: Loaded,
    chunks: Iterator[bytes],
    headers: dict[str, str],
    settings: Settings | None = None,
) -> Sent:
    """POST /graphql straight to the ASGI app, the body handed over chunk by chunk."""
    app = create_app(loaded=loaded, settings=settings)
    sent = Sent()
    pending = next(chunks, None)

    async def receive() -> Message:
        nonlocal pending
        chunk, pending = pending or b"", next(chunks, None)
        sent.pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": pending is not None}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            sent.status = message["status"]
        else:
            sent.body += message.get("body", b"")

    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"accept", MODERN.encode()), *raw],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "state": {"loaded": loaded},
    }
    asyncio.run(app(scope, receive, send))
    return sent


def pieces(body: bytes) -> Iterator[bytes]:
    return (body[i : i + CHUNK] for i in range(0, len(body), CHUNK))


def spaces(size: int) -> Iterator[bytes]:
    """`size` bytes of a body (JSON whitespace), made as they are read."""
    for start in range(0, size, CHUNK):
        yield b" " * min(CHUNK, size - start)


@pytest.fixture
def resolved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return fields_run(monkeypatch)


def test_nested_fragments(served: Loaded, resolved: list[str]) -> None:
    body = json.dumps({"query": NESTED_FRAGMENTS}).encode()
    sent = call(served, pieces(body), {})
    assert sent.status == 400
    assert sent.json()["errors"][0]["message"].startswith("the query costs 30000002")
    assert resolved == []
    assert sent.pulled == len(body)


def test_a_million_items_in_a_list_variable(served: Loaded, resolved: list[str]) -> None:
    """With the default body limit, refused at 1 MiB; with a larger one, for its items."""
    query = "query($k: [Kind!]) { entities(kinds: $k) { totalCount } }"
    body = json.dumps({"query": query, "variables": {"k": ["PROGRAM"] * 10**6}}).encode()
    bounded = call(served, pieces(body), {})
    larger = call(served, pieces(body), {}, Settings(max_body_bytes=len(body)))
    assert (bounded.status, larger.status) == (413, 400)
    assert larger.json()["errors"] == [
        {
            "message": "a list in `variables` has 1000000 items, more than 100: ask for fewer "
            "at a time",
            "extensions": {"code": "BAD_USER_INPUT"},
        }
    ]
    assert resolved == []
    assert LIMIT < bounded.pulled <= LIMIT + CHUNK


def test_a_million_ids(served: Loaded, resolved: list[str]) -> None:
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    body = json.dumps({"query": query, "variables": {"ids": ["x"] * 10**6}}).encode()
    sent = call(served, pieces(body), {}, Settings(max_body_bytes=len(body)))
    assert sent.status == 400
    assert resolved == []


def test_fifty_megabytes_streamed(served: Loaded, resolved: list[str]) -> None:
    """No declared length: read until one chunk past the limit, no further."""
    sent = call(served, spaces(50 * 2**20), {})
    assert sent.status == 413
    assert sent.json()["errors"][0]["extensions"] == {"code": "BAD_REQUEST"}
    assert LIMIT < sent.pulled <= LIMIT + CHUNK
    assert resolved == []


def test_fifty_megabytes_declared(served: Loaded, resolved: list[str]) -> None:
    """A declared length over the limit: refused before a byte is read."""
    sent = call(served, spaces(50 * 2**20), {"content-length": str(50 * 2**20)})
    assert sent.status == 413
    assert sent.pulled == 0
    assert resolved == []


@pytest.mark.parametrize("body", [b"42", b'"x"', b"null", b"true", b"[42]", b"{" * 10_000])
def test_a_body_that_is_no_request(served: Loaded, resolved: list[str], body: bytes) -> None:
    sent = call(served, pieces(body), {})
    assert sent.status == 400
    assert sent.json()["errors"][0]["extensions"] == {"code": "BAD_REQUEST"}
    assert resolved == []


def test_the_time_budget_is_cooperative(served: Loaded, resolved: list[str]) -> None:
    """A well-formed but wide query with a budget already spent: not one resolver runs."""
    body = json.dumps({"query": "{ entities(first: 100) { edges { node { name } } } }"}).encode()
    sent = call(served, pieces(body), {}, Settings(time_budget=1e-9))
    assert sent.status == 503
    assert sent.json()["errors"][0]["extensions"] == {"code": "EXECUTION_TIMEOUT"}
    assert resolved == []
