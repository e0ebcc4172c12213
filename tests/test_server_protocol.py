"""GraphQL over HTTP: which media type answers, and the status of each kind of answer."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.requests import Request

from server.body import RequestError
from server.protocol import (
    GRAPHQL_RESPONSE,
    JSON,
    answer_of,
    media_type,
    refusal,
    wants_ide,
)

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
GRAPHIQL = "application/graphql-response+json, application/json, multipart/mixed"


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        ("application/json", JSON),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE};charset=utf-8", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, application/json;q=0.9", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE};q=0.5", JSON),
        (GRAPHIQL, GRAPHQL_RESPONSE),
        (BROWSER, JSON),
        ("text/plain", None),
        (f"{GRAPHQL_RESPONSE};q=0, application/json;q=0", None),
        ("application/json;q=nonsense", None),
    ],
)
def test_media_type(accept: str | None, chosen: str | None) -> None:
    assert media_type(accept) == chosen


def get(accept: str, method: str = "GET") -> Request:
    headers = [(b"accept", accept.encode())]
    return Request({"type": "http", "method": method, "headers": headers, "query_string": b""})


@pytest.mark.parametrize(
    ("accept", "method", "ide"),
    [
        (BROWSER, "GET", True),
        ("text/html", "GET", True),
        (BROWSER, "POST", False),
        (GRAPHIQL, "GET", False),
        ("*/*", "GET", False),
        ("application/json, text/html;q=0.5", "GET", False),
    ],  # noqa: E501
)
def test_graphiql_for_a_browser_only(accept: str, method: str, ide: bool) -> None:
    assert wants_ide(get(accept, method)) is ide


ERROR = {"message": "m", "extensions": {"code": "GRAPHQL_PARSE_FAILED"}}
FIELD_ERROR = {"message": "m", "path": ["programs"], "extensions": {"code": "BAD_USER_INPUT"}}
TIMEOUT = {"message": "m", "extensions": {"code": "EXECUTION_TIMEOUT"}}


@pytest.mark.parametrize(
    ("formatted", "media", "status", "body"),
    [
        ({"data": {"a": 1}}, GRAPHQL_RESPONSE, 200, {"data": {"a": 1}}),
        ({"data": None, "errors": [ERROR]}, GRAPHQL_RESPONSE, 400, {"errors": [ERROR]}),
        ({"data": None, "errors": [ERROR]}, JSON, 200, {"errors": [ERROR]}),
        (
            {"data": None, "errors": [FIELD_ERROR]},
            GRAPHQL_RESPONSE,
            200,
            {"data": None, "errors": [FIELD_ERROR]},
        ),  # noqa: E501
        ({"data": None, "errors": [TIMEOUT]}, JSON, 503, {"errors": [TIMEOUT]}),
    ],
    ids=["data", "request error", "request error json", "field error", "timeout"],
)
def test_answer_of(formatted: dict[str, Any], media: str, status: int, body: Any) -> None:
    assert answer_of(formatted, media) == (status, body)


def test_a_refusal_without_status_follows_the_media_type() -> None:
    error = RequestError("PersistedQueryNotFound", status=None, code="PERSISTED_QUERY_NOT_FOUND")
    assert refusal(error, GRAPHQL_RESPONSE)[0] == 400
    assert refusal(error, JSON)[0] == 200
    assert refusal(RequestError("big", 413), JSON)[0] == 413
