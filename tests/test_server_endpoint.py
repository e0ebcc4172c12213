"""GraphQL over HTTP through the ASGI app: every case's status, content type, code and
message; persisted queries; ETags and 304; the time budget."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph import queries
from graph.attributes import Graph
from schema.schema import schema
from server.app import create_app
from server.settings import Settings
from tests.contract import PORTFOLIO, PORTFOLIOS
from tests.documents import MICC, SYNTHETIC

MODERN = "application/graphql-response+json"
JSON = {"content-type": "application/json"}
PREFERS_MODERN = {"accept": f"{MODERN}, application/json;q=0.9"}


def answer(client: TestClient, *args: Any, **kwargs: Any) -> tuple[int, str, Any]:
    response = client.request(*args, **kwargs)
    return response.status_code, response.headers["content-type"], response.json()


@pytest.mark.parametrize("accept", [None, "application/json", "*/*", "application/*"])
def test_json_when_the_client_does_not_name_the_modern_type(
    api_client: TestClient, accept: str | None
) -> None:
    headers = {"accept": accept} if accept else {}
    status, kind, body = answer(
        api_client, "POST", "/graphql", json={"query": PORTFOLIOS}, headers=headers
    )  # noqa: E501
    assert (status, kind) == (200, "application/json; charset=utf-8")
    assert body["data"]["portfolios"][0]["name"] == PORTFOLIO


@pytest.mark.parametrize(
    "accept", [MODERN, f"{MODERN}, application/json;q=0.9", f"application/json, {MODERN}"]
)
def test_graphql_response_json_when_accepted(api_client: TestClient, accept: str) -> None:
    status, kind, body = answer(
        api_client, "POST", "/graphql", json={"query": PORTFOLIOS}, headers={"accept": accept}
    )
    assert (status, kind) == (200, f"{MODERN}; charset=utf-8")
    assert "data" in body


DEEP = "{ entities { edges { node { ... on Portfolio { programs { elements { program { number } } } } } } } }"  # noqa: E501
REQUEST_ERRORS = [
    ("parse", {"query": "{"}, "GRAPHQL_PARSE_FAILED", "Syntax Error: Expected Name, found <EOF>."),
    (
        "validation",
        {"query": "{ portfolioz { name } }"},
        "GRAPHQL_VALIDATION_FAILED",
        "Cannot query field 'portfolioz' on type 'Query'.",
    ),
    (
        "variables",
        {"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": None}},
        "BAD_USER_INPUT",
        "Variable '$id' has invalid value: Expected value of non-null type 'ID!' not to be None.",
    ),
    (
        "two operations",
        {"query": "query A { __typename } query B { __typename }"},
        "OPERATION_RESOLUTION_FAILURE",
        "the document holds 2 operations (A, B): say which one to run with `operationName`",
    ),
    (
        "unknown operation",
        {"query": "query A { __typename }", "operationName": "B"},
        "OPERATION_RESOLUTION_FAILURE",
        "the document has no operation named `B`",
    ),
    (
        "depth",
        {"query": DEEP},
        "GRAPHQL_VALIDATION_FAILED",
        "the query nests 7 levels of fields, more than 6",
    ),
]


@pytest.mark.parametrize(
    ("params", "code", "message"),
    [case[1:] for case in REQUEST_ERRORS],
    ids=[case[0] for case in REQUEST_ERRORS],
)
@pytest.mark.parametrize(("headers", "status"), [(PREFERS_MODERN, 400), ({}, 200)])
def test_request_errors_have_no_data(
    api_client: TestClient,
    params: dict[str, Any],
    code: str,
    message: str,
    headers: dict[str, str],
    status: int,
) -> None:
    """A request error: 400 with the modern type, 200 with application/json (the spec)."""
    got, kind, body = answer(api_client, "POST", "/graphql", json=params, headers=headers)
    assert got == status
    assert kind.startswith(MODERN if headers else "application/json")
    assert "data" not in body
    assert body["errors"][0]["extensions"] == {"code": code}
    assert body["errors"][0]["message"].startswith(message)


BIG = 1_048_576
REFUSALS = [
    ("number", {"content": b"42"}, 400, "BAD_REQUEST", "the body must be a JSON object"),
    ("string", {"content": b'"x"'}, 400, "BAD_REQUEST", "the body must be a JSON object"),
    ("null", {"content": b"null"}, 400, "BAD_REQUEST", "the body must be a JSON object"),
    ("true", {"content": b"true"}, 400, "BAD_REQUEST", "the body must be a JSON object"),
    (
        "not json",
        {"content": b'{"query": '},
        400,
        "BAD_REQUEST",
        "the body is not JSON: Expecting value (at character 10)",
    ),  # noqa: E501
    ("empty", {"content": b""}, 400, "BAD_REQUEST", "the body is not JSON"),
    (
        "not utf-8",
        {"content": b'{"query": "\xff"}'},
        400,
        "BAD_REQUEST",
        "the body is not UTF-8 (byte 11 is not)",
    ),  # noqa: E501
    (
        "nested",
        {"content": b"[" * 969 + b"]" * 969},
        400,
        "BAD_REQUEST",
        "the body nests arrays or objects more than 32 levels deep",
    ),  # noqa: E501
    (
        "nested more",
        {"content": b"[" * 100_000},
        400,
        "BAD_REQUEST",
        "the body nests arrays or objects more than 32 levels deep",
    ),  # noqa: E501
    (
        "integer",
        {"content": b'{"query": "{ __typename }", "variables": {"n": 1' + b"0" * 4400 + b"}}"},
        400,
        "BAD_USER_INPUT",
        "the body has an integer of 4401 digits, more than 50",
    ),  # noqa: E501
    (
        "NaN",
        {"content": b'{"query": "{ __typename }", "variables": {"n": NaN}}'},
        400,
        "BAD_REQUEST",
        "the body is not JSON: NaN is not a JSON number",
    ),  # noqa: E501
    (
        "query type",
        {"json": {"query": 1}},
        400,
        "BAD_REQUEST",
        "`query` must be a string or null, if given",
    ),  # noqa: E501
    (
        "variables type",
        {"json": {"query": "{ __typename }", "variables": [1]}},
        400,
        "BAD_REQUEST",
        "`variables` must be an object or null",
    ),  # noqa: E501
    (
        "name type",
        {"json": {"query": "{ __typename }", "operationName": 0}},
        400,
        "BAD_REQUEST",
        "`operationName` must be a string or null",
    ),  # noqa: E501
    (
        "extensions type",
        {"json": {"query": "{ __typename }", "extensions": "x"}},
        400,
        "BAD_REQUEST",
        "`extensions` must be an object or null",
    ),  # noqa: E501
    (
        "empty query",
        {"json": {"query": ""}},
        400,
        "BAD_REQUEST",
        "no GraphQL query in the request: give `query`",
    ),
    (
        "no query",
        {"json": {"variables": {}}},
        400,
        "BAD_REQUEST",
        "no GraphQL query in the request: give `query`",
    ),  # noqa: E501
    (
        "list items",
        {
            "json": {
                "query": "query($k: [Kind!]) { entities(kinds: $k) { totalCount } }",
                "variables": {"k": ["PROGRAM"] * 101},
            }
        },
        400,
        "BAD_USER_INPUT",
        "a list in `variables` has 101 items, more than 100: ask for fewer at a time",
    ),  # noqa: E501
    (
        "characters",
        {"json": {"query": "{ __typename }" + " " * 15_000}},
        400,
        "GRAPHQL_VALIDATION_FAILED",
        "the query has 15014 characters, more than 15000: shorten it",
    ),  # noqa: E501
    (
        "body size",
        {"content": b" " * (BIG + 1)},
        413,
        "BAD_REQUEST",
        f"the request body is larger than {BIG} bytes",
    ),  # noqa: E501
    (
        "empty batch",
        {"json": []},
        400,
        "BAD_REQUEST",
        "a batch holds 0 operations: send 1 to 10 a request",
    ),  # noqa: E501
    (
        "batch",
        {"json": [{"query": "{ __typename }"}] * 11},
        400,
        "BAD_REQUEST",
        "a batch holds 11 operations: send 1 to 10 a request",
    ),  # noqa: E501
    (
        "batch item",
        {"json": [{"query": "{ __typename }"}, 42]},
        400,
        "BAD_REQUEST",
        "the body must be a JSON object",
    ),  # noqa: E501
]


@pytest.mark.parametrize(
    ("request_args", "status", "code", "message"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
@pytest.mark.parametrize("headers", [PREFERS_MODERN, {}], ids=["modern", "json"])
def test_refusals_keep_their_status_whatever_the_accept(
    api_client: TestClient,
    request_args: dict[str, Any],
    status: int,
    code: str,
    message: str,
    headers: dict[str, str],
) -> None:
    sent = {**request_args, "headers": {**headers, **JSON}}
    got, kind, body = answer(api_client, "POST", "/graphql", **sent)
    assert got == status
    assert kind.startswith(MODERN if headers else "application/json")
    assert body == {
        "errors": [{"message": body["errors"][0]["message"], "extensions": {"code": code}}]
    }  # noqa: E501
    assert body["errors"][0]["message"].startswith(message)


HTTP_ERRORS = [
    (
        "text",
        "POST",
        {"content": PORTFOLIOS, "headers": {"content-type": "text/plain"}},
        415,
        "a POST must send its body as application/json",
    ),  # noqa: E501
    (
        "no type",
        "POST",
        {"content": json.dumps({"query": PORTFOLIOS})},
        415,
        "a POST must send its body as application/json",
    ),  # noqa: E501
    (
        "latin-1",
        "POST",
        {"content": b"{}", "headers": {"content-type": "application/json; charset=latin-1"}},
        415,
        "the body must be UTF-8, not charset=latin-1",
    ),  # noqa: E501
    (
        "method",
        "PUT",
        {"json": {"query": PORTFOLIOS}},
        405,
        "GraphQL only supports GET and POST requests",
    ),  # noqa: E501
    (
        "mutation",
        "GET",
        {"params": {"query": "mutation { x }"}},
        405,
        "mutations are not allowed when using GET",
    ),  # noqa: E501
    (
        "get variables",
        "GET",
        {"params": {"query": PORTFOLIOS, "variables": "{year"}},
        400,
        "`variables` is not JSON",
    ),  # noqa: E501
    (
        "twice",
        "GET",
        {"params": [("query", PORTFOLIOS), ("query", PORTFOLIOS)]},
        400,
        "`query` is given 2 times: give it once",
    ),  # noqa: E501
    ("no query", "GET", {"params": {}}, 400, "no GraphQL query in the request"),
    (
        "accept",
        "POST",
        {"json": {"query": PORTFOLIOS}, "headers": {"accept": "text/plain"}},
        406,
        "the client accepts neither application/graphql-response+json nor application/json",
    ),  # noqa: E501
]


@pytest.mark.parametrize(
    ("method", "request_args", "status", "message"),
    [case[1:] for case in HTTP_ERRORS],
    ids=[case[0] for case in HTTP_ERRORS],
)
def test_http_errors_have_the_graphql_shape(
    api_client: TestClient, method: str, request_args: dict[str, Any], status: int, message: str
) -> None:
    got, kind, body = answer(api_client, method, "/graphql", **request_args)
    assert (got, kind) == (status, "application/json; charset=utf-8")
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "BAD_REQUEST"}
    assert error["message"].startswith(message)
    assert "data" not in body


def test_method_errors_say_what_is_allowed(api_client: TestClient) -> None:
    put = api_client.put("/graphql", json={"query": PORTFOLIOS})
    mutation = api_client.get("/graphql", params={"query": "mutation { x }"})
    assert (put.headers["allow"], mutation.headers["allow"]) == ("GET, POST", "POST")


def test_a_declared_body_over_the_limit_is_refused_unread(api_client: TestClient) -> None:
    headers = {**JSON, "content-length": str(BIG + 1)}
    response = api_client.post("/graphql", content=b"{}", headers=headers)
    assert response.status_code == 413


def test_a_batch_answers_each_operation(api_client: TestClient) -> None:
    batch = [{"query": PORTFOLIOS}, {"query": "{ portfolioz }"}, {"query": "{ __typename }"}]
    status, _, body = answer(api_client, "POST", "/graphql", json=batch, headers=PREFERS_MODERN)
    assert status == 200
    assert [sorted(item) for item in body] == [["data"], ["errors"], ["data"]]
    assert body[2] == {"data": {"__typename": "Query"}}


def test_batches_can_be_turned_off() -> None:
    with TestClient(create_app(settings=Settings(max_batch=0))) as client:
        status, _, body = answer(client, "POST", "/graphql", json=[{"query": "{ __typename }"}])
    assert status == 400
    assert body["errors"][0]["message"].startswith("Operation batching disabled")


def persisted(query: str) -> dict[str, Any]:
    digest = hashlib.sha256(query.encode()).hexdigest()
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def test_persisted_query_flow() -> None:
    """Hash alone: not found; hash and query: runs and is kept; hash alone by GET: runs."""
    query = "{ portfolios { name years } }"
    with TestClient(create_app()) as client:
        unknown = client.post(
            "/graphql", json={"extensions": persisted(query)}, headers=PREFERS_MODERN
        )  # noqa: E501
        kept = client.post("/graphql", json={"query": query, "extensions": persisted(query)})
        params = {"extensions": json.dumps(persisted(query))}
        again = client.get("/graphql", params=params, headers=PREFERS_MODERN)
    assert unknown.status_code == 400
    assert unknown.json() == {
        "errors": [
            {
                "message": "PersistedQueryNotFound",
                "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
            }  # noqa: E501
        ]
    }
    assert unknown.headers["cache-control"] == "no-store" and "etag" not in unknown.headers
    assert kept.status_code == again.status_code == 200
    assert (
        kept.json()
        == again.json()
        == {"data": {"portfolios": [{"name": PORTFOLIO, "years": ["2006-2007", "2007-2008"]}]}}
    )
    assert again.headers["cache-control"] == "no-cache" and "etag" in again.headers


def test_persisted_query_not_found_is_200_for_application_json(api_client: TestClient) -> None:
    status, _, body = answer(
        api_client, "POST", "/graphql", json={"extensions": persisted("{ x }")}
    )  # noqa: E501
    assert status == 200
    assert body["errors"][0]["extensions"] == {"code": "PERSISTED_QUERY_NOT_FOUND"}


@pytest.mark.parametrize(
    ("extensions", "message"),
    [
        (
            {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}},
            "provided sha does not match query",
        ),  # noqa: E501
        (
            {"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}},
            "unsupported persisted query version: expected 1",
        ),  # noqa: E501
        (
            {"persistedQuery": {"version": 1, "sha256Hash": "xyz"}},
            "`persistedQuery.sha256Hash` must be 64 hexadecimal digits",
        ),  # noqa: E501
        ({"persistedQuery": "x"}, "`extensions.persistedQuery` must be an object"),
    ],
)
def test_persisted_query_refusals(
    api_client: TestClient, extensions: dict[str, Any], message: str
) -> None:
    status, _, body = answer(
        api_client, "POST", "/graphql", json={"query": "{ __typename }", "extensions": extensions}
    )
    assert status == 400
    assert body["errors"] == [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]


def test_an_invalid_query_is_not_kept() -> None:
    query = "{ portfolioz }"
    with TestClient(create_app()) as client:
        client.post("/graphql", json={"query": query, "extensions": persisted(query)})
        again = client.post("/graphql", json={"extensions": persisted(query)})
    assert again.json()["errors"][0]["extensions"] == {"code": "PERSISTED_QUERY_NOT_FOUND"}


def test_persisted_queries_can_be_turned_off() -> None:
    query = "{ __typename }"
    with TestClient(create_app(settings=Settings(apq_entries=0))) as client:
        body = client.post("/graphql", json={"query": query, "extensions": persisted(query)}).json()  # noqa: E501
    assert body["errors"] == [
        {
            "message": "PersistedQueryNotSupported",
            "extensions": {"code": "PERSISTED_QUERY_NOT_SUPPORTED"},
        }  # noqa: E501
    ]


@pytest.fixture
def executions(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The queries the schema executes, from now on."""
    ran: list[str | None] = []
    execute_sync = schema.execute_sync

    def spy(query: str | None, *args: Any, **kwargs: Any) -> Any:
        ran.append(query)
        return execute_sync(query, *args, **kwargs)

    monkeypatch.setattr(schema, "execute_sync", spy)
    return ran


def test_if_none_match_answers_304_without_running(
    api_client: TestClient, executions: list[str | None]
) -> None:
    query = PORTFOLIOS + " # not yet in the result cache"
    first = api_client.get("/graphql", params={"query": query})
    etag = first.headers["etag"]
    again = api_client.get("/graphql", params={"query": query}, headers={"if-none-match": etag})  # noqa: E501
    posted = api_client.post("/graphql", json={"query": query}, headers={"if-none-match": etag})  # noqa: E501
    assert etag.startswith('W/"') and first.headers["cache-control"] == "no-cache"
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag)
    assert posted.status_code == 304
    assert executions == [query]
    assert "Accept" in first.headers["vary"]


def test_etag_follows_the_request_and_the_data(api_client: TestClient) -> None:
    query = 'query($y: String!) { portfolio(name: "immigration") { budget(year: $y) { credits } } }'  # noqa: E501

    def etag(client: TestClient, variables: dict[str, str], **headers: str) -> str:
        params = {"query": query, "variables": json.dumps(variables)}
        return client.get("/graphql", params=params, headers=headers).headers["etag"]

    one = etag(api_client, {"y": "2007-2008"})
    with TestClient(create_app([MICC, SYNTHETIC])) as other_data:
        elsewhere = etag(other_data, {"y": "2007-2008"})
    assert one == etag(api_client, {"y": "2007-2008"})
    assert one != etag(api_client, {"y": "2006-2007"})
    assert one != etag(api_client, {"y": "2007-2008"}, accept=MODERN)
    assert one != elsewhere


def test_cache_control_is_configurable() -> None:
    settings = Settings(cache_control="public, max-age=60")
    with TestClient(create_app(settings=settings)) as client:
        graphql = client.get("/graphql", params={"query": PORTFOLIOS})
        health = client.get("/health")
    assert (
        graphql.headers["cache-control"] == health.headers["cache-control"] == "public, max-age=60"
    )  # noqa: E501


def test_health_has_an_etag_and_answers_304(api_client: TestClient) -> None:
    first = api_client.get("/health")
    again = api_client.get("/health", headers={"if-none-match": first.headers["etag"]})
    assert first.headers["cache-control"] == "no-cache"
    assert (again.status_code, again.content) == (304, b"")
    assert again.headers["etag"] == first.headers["etag"]


def test_an_internal_error_is_masked_and_never_cached(
    api_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("/srv/secret/path went wrong")

    monkeypatch.setattr(queries, "portfolios", broken)
    query = PORTFOLIOS + " # not in the result cache"
    response = api_client.post("/graphql", json={"query": query})
    assert response.status_code == 200
    assert response.json()["errors"][0]["message"] == "internal error (logged on the server)"
    assert "secret" not in response.text
    assert response.headers["cache-control"] == "no-store" and "etag" not in response.headers


@pytest.fixture
def blocked(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """`portfolios` blocks until the test lets it go (after the answer came)."""
    release = threading.Event()
    portfolios = queries.portfolios

    def waiting(graph: Graph) -> list[str]:
        release.wait(timeout=30)
        return portfolios(graph)

    monkeypatch.setattr(queries, "portfolios", waiting)
    yield release
    release.set()


def test_past_the_time_budget_the_answer_is_503_while_work_is_stopped(
    blocked: threading.Event,
) -> None:
    """The resolver is still blocked when the answer comes: the answer does not wait."""
    with TestClient(create_app(settings=Settings(time_budget=0.05))) as client:
        response = client.post("/graphql", json={"query": PORTFOLIOS}, headers=PREFERS_MODERN)
        still_running = not blocked.is_set()
        blocked.set()
    assert still_running
    assert response.status_code == 503
    assert response.headers["cache-control"] == "no-store"
    assert response.json() == {
        "errors": [
            {
                "message": "the query ran longer than 0.05 s (the time budget) and was stopped: "
                "ask for fewer items or levels, or split it",
                "extensions": {"code": "EXECUTION_TIMEOUT"},
            }
        ]
    }
