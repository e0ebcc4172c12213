"""Reading a body no further than its limit, and JSON with bounded integers and nesting."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from typing import Any

import pytest

from server.body import RequestError, bounded_body, decoded_json, longest_list


def read(chunks: Iterable[bytes], length: str | None, limit: int) -> tuple[bytes, int]:
    """The body `bounded_body` returns, and how many chunks it took."""
    taken = 0

    async def stream() -> AsyncIterator[bytes]:
        nonlocal taken
        for chunk in chunks:
            taken += 1
            yield chunk

    body = asyncio.run(bounded_body(stream(), length, limit))
    return body, taken


def refused(chunks: Iterable[bytes], length: str | None, limit: int) -> tuple[int | None, str]:
    with pytest.raises(RequestError) as raised:
        read(chunks, length, limit)
    return raised.value.status, raised.value.message


def test_a_body_at_its_limit_is_read_whole() -> None:
    assert read([b"ab", b"cd"], "4", 4) == (b"abcd", 2)


def test_a_body_past_its_limit_stops_at_the_chunk_that_passes_it() -> None:
    taken: list[int] = []

    def chunks() -> Iterable[bytes]:
        for n in range(100):
            taken.append(n)
            yield b"xx"

    status, message = refused(chunks(), None, 5)
    assert (status, message.split(":")[0]) == (413, "the request body is larger than 5 bytes")
    assert len(taken) == 3


@pytest.mark.parametrize(("length", "status"), [("6", 413), ("9" * 30, 413), ("x", 400)])
def test_a_declared_length_is_checked_before_reading(length: str, status: int) -> None:
    def nothing() -> Iterable[bytes]:
        raise AssertionError("read")
        yield b""

    assert refused(nothing(), length, 5)[0] == status


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xc3", "it is not UTF-8 (byte 0 is not)"),
        (
            b"{",
            "it is not JSON: Expecting property name enclosed in double quotes (at character 1)",
        ),  # noqa: E501
        (b"[Infinity]", "it is not JSON: Infinity is not a JSON number"),
        (b"[" * 33 + b"]" * 33, "it nests arrays or objects more than 32 levels deep"),
        (b"[" * 5000 + b"]" * 5000, "it nests arrays or objects more than 32 levels deep"),
        (b"-" + b"1" * 51, "it has an integer of 51 digits, more than 50"),
    ],
)
def test_json_refusals(raw: bytes, message: str) -> None:
    with pytest.raises(RequestError) as raised:
        decoded_json(raw, "it")
    assert raised.value.message == message


def nested(levels: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(levels - 1):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (b"[" * 32 + b"]" * 32, nested(32)),
        (b"1" * 50, int("1" * 50)),
        ('{"é": "ü"}'.encode(), {"é": "ü"}),
        (b"1e999", float("inf")),
    ],
)
def test_json_within_the_bounds(raw: bytes, value: Any) -> None:
    assert decoded_json(raw, "it") == value


def test_longest_list_looks_everywhere() -> None:
    assert longest_list({"a": [1, 2], "b": {"c": [[1, 2, 3]]}}) == 3
    assert longest_list({"a": 1}) == 0
