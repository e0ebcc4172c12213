"""Reading what a request carries without trusting it: a body read no further than its
limit, JSON decoded with its integers, nesting and lists bounded.

Whatever is wrong raises `RequestError`, which the endpoint answers with its status in
GraphQL's error shape, never a 500.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

from schema.errors import BAD_REQUEST, BAD_USER_INPUT
from schema.limits import INTEGER_DIGITS

JSON_DEPTH = 32
"""The deepest nesting of arrays and objects a request's JSON may have."""


class RequestError(Exception):
    """A request the server refuses: its message, code and status.

    `status` None is a GraphQL request error (a document or value GraphQL refuses): 200
    for `application/json`, 400 for `application/graphql-response+json`, as the
    GraphQL-over-HTTP spec asks; any other status is the same for both.
    """

    def __init__(
        self,
        message: str,
        status: int | None = 400,
        code: str = BAD_REQUEST,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.headers = dict(headers or {})


def too_large(limit: int) -> RequestError:
    return RequestError(
        f"the request body is larger than {limit} bytes: send a shorter query "
        "(or its persisted hash) and fewer variables",
        413,
    )


async def bounded_body(
    chunks: AsyncIterator[bytes], content_length: str | None, limit: int
) -> bytes:
    """The body, read chunk by chunk and refused at the first byte past `limit` (or at
    once, unread, when its declared length is over)."""
    if content_length is not None:
        if not content_length.isdigit():
            raise RequestError("the Content-Length header is not a number")
        if len(content_length) > 18 or int(content_length) > limit:
            raise too_large(limit)
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if len(body) > limit:
            raise too_large(limit)
    return bytes(body)


class _TooManyDigits(Exception):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > INTEGER_DIGITS:
        raise _TooManyDigits(digits)
    return int(text)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def decoded_json(raw: bytes | str, what: str) -> Any:
    """`raw` as JSON (UTF-8), its integers at most `INTEGER_DIGITS` long and its nesting
    at most `JSON_DEPTH` deep."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise RequestError(f"{what} is not UTF-8 (byte {exc.start} is not)") from None
    try:
        value = json.loads(text, parse_int=_integer, parse_constant=_no_constant)
    except RecursionError:
        raise _too_deep(what) from None
    except _TooManyDigits as exc:
        raise RequestError(
            f"{what} has an integer of {exc.digits} digits, more than {INTEGER_DIGITS}",
            code=BAD_USER_INPUT,
        ) from None
    except json.JSONDecodeError as exc:
        raise RequestError(f"{what} is not JSON: {exc.msg} (at character {exc.pos})") from None
    except ValueError as exc:
        raise RequestError(f"{what} is not JSON: {exc}") from None
    if _depth_over(value, JSON_DEPTH):
        raise _too_deep(what)
    return value


def _too_deep(what: str) -> RequestError:
    return RequestError(f"{what} nests arrays or objects more than {JSON_DEPTH} levels deep")


def _depth_over(value: Any, most: int) -> bool:
    """Whether `value` nests arrays and objects more than `most` levels (no recursion)."""
    return any(depth > most for depth, _ in _containers(value))


def longest_list(value: Any) -> int:
    """The length of the longest array anywhere in `value` (0 without any)."""
    return max((len(c) for _, c in _containers(value) if isinstance(c, list)), default=0)


def _containers(value: Any) -> Iterator[tuple[int, dict[str, Any] | list[Any]]]:
    """Each array and object in `value`, with its depth (1 for `value` itself)."""
    pending = [(1, value)] if isinstance(value, dict | list) else []
    while pending:
        depth, item = pending.pop()
        yield depth, item
        children = list(item.values()) if isinstance(item, dict) else item
        if not set(map(type, children)).isdisjoint((dict, list)):  # fast for flat lists
            pending.extend((depth + 1, c) for c in children if isinstance(c, dict | list))
