"""GraphQL over HTTP: from a request to the operations it asks for, and from results to
the status and body of the answer.

`application/graphql-response+json` is answered when the client accepts it (and prefers
it, or names it as much as `application/json`), `application/json` otherwise. A request
error (nothing ran: parse, validation, variables, no operation chosen) has no `data`;
with `application/graphql-response+json` it is a 400, with `application/json` a 200, as
the spec asks. A request refused before GraphQL reads it (body, JSON, batch, sizes) keeps
its own 4xx status with either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from starlette.requests import Request
from strawberry.http.types import HTTPMethod

from schema.errors import BAD_USER_INPUT, TIMEOUT, VALIDATION_FAILED
from server.body import RequestError, bounded_body, decoded_json, longest_list
from server.settings import Settings

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
HTML = "text/html"
PARAMETERS = ("query", "variables", "operationName", "extensions")


@dataclass(frozen=True, slots=True)
class Operation:
    """One GraphQL request: a document (absent: a persisted query's hash) and its values."""

    query: str | None
    variables: dict[str, Any] | None = None
    operation_name: str | None = None
    extensions: dict[str, Any] | None = None

    def key(self) -> list[object]:
        """What its answer depends on, besides the data and the settings."""
        return [self.query, self.operation_name, self.variables]


@dataclass(frozen=True, slots=True)
class GraphQLRequest:
    method: HTTPMethod
    media_type: str
    operations: tuple[Operation, ...]
    batch: bool = False


@lru_cache(maxsize=256)  # clients send a handful of Accept headers: each parsed once
def accepted(accept: str | None) -> Mapping[str, float]:
    """The quality the Accept header gives each media range (`*/*` when there is none)."""
    found: dict[str, float] = {}
    for part in (accept or "*/*").split(","):
        media, *params = (p.strip().lower() for p in part.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                quality = _quality(param[2:])
        if media:
            found[media] = max(found.get(media, 0.0), quality)
    return MappingProxyType(found)


def _quality(text: str) -> float:
    try:
        return min(max(float(text[:8]), 0.0), 1.0)
    except ValueError:
        return 0.0


def quality(ranges: Mapping[str, float], media: str) -> tuple[float, bool]:
    """How much `media` is accepted, and whether it is named (not only by a wildcard)."""
    if media in ranges:
        return ranges[media], True
    family = media.split("/")[0] + "/*"
    return ranges.get(family, ranges.get("*/*", 0.0)), False


def media_type(accept: str | None) -> str | None:
    """The media type to answer with, or None when the client accepts neither."""
    ranges = accepted(accept)
    modern, named = quality(ranges, GRAPHQL_RESPONSE)
    legacy, _ = quality(ranges, JSON)
    if modern > 0 and (modern > legacy or (modern == legacy and named)):
        return GRAPHQL_RESPONSE
    return JSON if legacy > 0 else None


def wants_ide(request: Request) -> bool:
    """A browser opening /graphql: a GET that prefers HTML to JSON."""
    if request.method != "GET":
        return False
    ranges = accepted(request.headers.get("accept"))
    html, named = quality(ranges, HTML)
    others = max(quality(ranges, JSON)[0], quality(ranges, GRAPHQL_RESPONSE)[0])
    return named and html > 0 and html >= others


def answered_media(request: Request) -> str:
    """The media type of the answer (refused with 406 when the client accepts neither)."""
    media = media_type(request.headers.get("accept"))
    if media is None:
        raise RequestError(f"the client accepts neither {GRAPHQL_RESPONSE} nor {JSON}", 406)
    return media


async def raw_request(request: Request, settings: Settings) -> bytes:
    """What a GET or POST sends, as bytes (a POST's body, checked for its type and size;
    a GET's query string): the same bytes ask for the same operations."""
    if request.method == "GET":
        return request.scope["query_string"] or b""
    if request.method != "POST":
        allow = {"Allow": "GET, POST"}
        raise RequestError("GraphQL only supports GET and POST requests", 405, headers=allow)
    return await _raw_body(request, settings)


def read_request(request: Request, media: str, settings: Settings, raw: bytes) -> GraphQLRequest:
    """The operations a GET or POST asks for (`raw`: its `raw_request`), checked against
    the settings' sizes."""
    if request.method == "GET":
        return GraphQLRequest("GET", media, (operation_of(_query_parameters(request), settings),))
    body = decoded_json(raw, "the body")
    if isinstance(body, list):
        return GraphQLRequest("POST", media, _batch(body, settings), batch=True)
    return GraphQLRequest("POST", media, (operation_of(body, settings),))


def _query_parameters(request: Request) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in PARAMETERS:
        values = request.query_params.getlist(name)
        if len(values) > 1:
            raise RequestError(f"`{name}` is given {len(values)} times: give it once")
        if values:
            json_valued = name in ("variables", "extensions")
            found[name] = decoded_json(values[0], f"`{name}`") if json_valued else values[0]
    return found


async def _raw_body(request: Request, settings: Settings) -> bytes:
    kind, _, params = request.headers.get("content-type", "").partition(";")
    if kind.strip().lower() != JSON:
        raise RequestError(f"a POST must send its body as {JSON}", 415)
    charset = params.strip().lower().removeprefix("charset=").strip('"')
    if params.strip() and charset not in ("utf-8", "utf8"):
        raise RequestError(f"the body must be UTF-8, not {params.strip()}", 415)
    length = request.headers.get("content-length")
    return await bounded_body(request.stream(), length, settings.max_body_bytes)


def _batch(body: list[Any], settings: Settings) -> tuple[Operation, ...]:
    if settings.max_batch == 0:
        raise RequestError("Operation batching disabled: send one operation per request")
    if not 0 < len(body) <= settings.max_batch:
        raise RequestError(
            f"a batch holds {len(body)} operations: send 1 to {settings.max_batch} a request"
        )
    return tuple(operation_of(item, settings) for item in body)


def operation_of(params: Any, settings: Settings) -> Operation:
    """The parameters of one operation, each of its type, its variables within the limits."""
    if not isinstance(params, dict):
        raise RequestError("the body must be a JSON object (or a list of them: a batch)")
    query = _typed(params, "query", str, "a string")
    variables = _typed(params, "variables", dict, "an object")
    operation_name = _typed(params, "operationName", str, "a string")
    extensions = _typed(params, "extensions", dict, "an object")
    if variables and longest_list(variables) > settings.max_list_items:
        raise RequestError(
            f"a list in `variables` has {longest_list(variables)} items, more than "
            f"{settings.max_list_items}: ask for fewer at a time",
            code=BAD_USER_INPUT,
        )
    return Operation(query, variables, operation_name, extensions)


def _typed(params: dict[str, Any], name: str, kind: type, article: str) -> Any:
    value = params.get(name)
    if value is not None and not isinstance(value, kind):
        raise RequestError(f"`{name}` must be {article} or null, if given")
    return value


def checked_query(operation: Operation, settings: Settings) -> str:
    """The operation's document, present and within the characters limit."""
    if not operation.query:
        raise RequestError("no GraphQL query in the request: give `query`")
    if len(operation.query) > settings.max_characters:
        raise RequestError(
            f"the query has {len(operation.query)} characters, more than "
            f"{settings.max_characters}: shorten it, or split it into several queries",
            code=VALIDATION_FAILED,
        )
    return operation.query


def answer_of(formatted: dict[str, Any], media: str) -> tuple[int, dict[str, Any]]:
    """The status and body of one operation's formatted result."""
    errors = formatted.get("errors") or []
    if any(e.get("extensions", {}).get("code") == TIMEOUT for e in errors):
        return 503, {"errors": errors}
    if formatted.get("data") is None and errors and not any("path" in e for e in errors):
        return (400 if media == GRAPHQL_RESPONSE else 200), {"errors": errors}
    return 200, formatted


def error_body(message: str, code: str) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": code}}]}


def refusal(error: RequestError, media: str) -> tuple[int, dict[str, Any]]:
    """The status and body of a refused request."""
    status = error.status or (400 if media == GRAPHQL_RESPONSE else 200)
    return status, error_body(error.message, error.code)
