"""The result cache: a repeated request is answered with the bytes of its first answer,
without running again; another data version, other variables or another operation name
are other answers; an error is never kept."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send
from strawberry.types import ExecutionResult

from graph.attributes import Graph
from graph.queries import portfolio_names
from schema.limits import OutOfTime
from server import endpoint, protocol
from server.data import Loaded
from server.endpoint import GraphQLEndpoint
from server.results import Answer, ResultCache
from server.settings import Settings

NAMES = "{ portfolios { name } }"
URL = "http://testserver/graphql"
JSON_BODY = {"content-type": "application/json"}


class Served:
    """The endpoint over data a test may replace, as a reload does, and a count of the
    operations that ran."""

    def __init__(self, loaded: Loaded, settings: Settings) -> None:
        self.loaded = loaded
        self.endpoint = GraphQLEndpoint(settings)
        self.runs = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":  # nothing to start: the data is given
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        scope["state"] = {"loaded": self.loaded}
        await self.endpoint(scope, receive, send)


@pytest.fixture
def served_app(served: Loaded, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    app = Served(served, Settings())
    execute = endpoint.execute

    def counted(*args: Any) -> ExecutionResult:
        app.runs += 1
        return execute(*args)

    monkeypatch.setattr(endpoint, "execute", counted)
    yield app


def post(client: TestClient, query: str, **more: Any) -> Any:
    return client.post("http://testserver/graphql", json={"query": query, **more})


def test_a_repeated_query_runs_once(served_app: Served) -> None:
    with TestClient(served_app) as client:
        first, second = post(client, NAMES), post(client, NAMES)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"]
    assert served_app.runs == 1


def test_the_same_bytes_are_answered_before_they_are_read(
    served_app: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[bytes] = []
    read = protocol.read_request

    def counted(request: Any, media: str, settings: Settings, raw: bytes) -> Any:
        reads.append(raw)
        return read(request, media, settings, raw)

    monkeypatch.setattr(endpoint, "read_request", counted)
    body = json.dumps({"query": NAMES}).encode()
    with TestClient(served_app) as client:
        answers = [client.post(URL, content=body, headers=JSON_BODY) for _ in range(3)]
        elsewise = client.post(URL, content=body.replace(b"{ ", b"{  "), headers=JSON_BODY)
        typed = client.post(URL, content=body, headers={"content-type": "text/plain"})
        revalidated = client.post(
            URL, content=body, headers={**JSON_BODY, "if-none-match": answers[0].headers["etag"]}
        )
    assert len({a.content for a in answers}) == 1 and elsewise.content == answers[0].content
    assert reads == [body, body.replace(b"{ ", b"{  ")]
    assert served_app.runs == 2  # other bytes, other text: run once more
    assert typed.status_code == 415
    assert revalidated.status_code == 304


def test_another_data_version_is_answered_anew(
    served_app: Served, synthetic_graph: Graph, served: Loaded
) -> None:
    with TestClient(served_app) as client:
        before = post(client, NAMES).json()
        served_app.loaded = Loaded(synthetic_graph, served.paths, "another-version")
        after = post(client, NAMES).json()
    assert before != after
    names = {p["name"] for p in after["data"]["portfolios"]}
    assert names == set(portfolio_names(synthetic_graph))
    assert served_app.runs == 2


def test_variables_are_part_of_the_key(served_app: Served, served: Loaded) -> None:
    query = "query($name: String!) { portfolio(name: $name) { name } }"
    name = portfolio_names(served.graph)[0]
    with TestClient(served_app) as client:
        found = post(client, query, variables={"name": name}).json()
        missing = post(client, query, variables={"name": "Nulle part"}).json()
        again = post(client, query, variables={"name": name}).json()
    assert found["data"]["portfolio"]["name"] == name
    assert missing["data"]["portfolio"] is None
    assert again == found
    assert served_app.runs == 2


def test_the_operation_name_is_part_of_the_key(served_app: Served) -> None:
    query = "query Names { portfolios { name } } query Count { documentsCount }"
    with TestClient(served_app) as client:
        names = post(client, query, operationName="Names").json()
        count = post(client, query, operationName="Count").json()
        post(client, query, operationName="Count")
    assert "portfolios" in names["data"] and "documentsCount" in count["data"]
    assert served_app.runs == 2


def test_an_error_of_a_limit_is_not_kept(served: Loaded, monkeypatch: pytest.MonkeyPatch) -> None:
    app = Served(served, Settings(max_depth=2))
    runs: list[str] = []
    execute = endpoint.execute

    def counted(*args: Any) -> ExecutionResult:
        runs.append(args[0].query)
        return execute(*args)

    monkeypatch.setattr(endpoint, "execute", counted)
    deep = "{ portfolios { programs { number } } }"
    with TestClient(app) as client:
        for _ in range(2):
            (error,) = post(client, deep).json()["errors"]
            assert "nests 3 levels" in error["message"]
    assert runs == [deep, deep]


def test_a_timeout_is_not_kept(served_app: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    execute = endpoint.execute
    outcomes = iter([ExecutionResult(data=None, errors=[OutOfTime(5.0)])])

    def slow_once(*args: Any) -> ExecutionResult:
        return next(outcomes, None) or execute(*args)

    monkeypatch.setattr(endpoint, "execute", slow_once)
    with TestClient(served_app) as client:
        assert post(client, NAMES).status_code == 503
        answer = post(client, NAMES)
    assert answer.status_code == 200 and answer.json()["data"]["portfolios"]


def answer(size: int) -> Answer:
    return Answer(200, b"x" * size, ())


def test_the_cache_is_bounded_by_bytes() -> None:
    cache = ResultCache(capacity=1000)
    for key in "abc":
        cache.put("v1", key, answer(200))
    assert cache.get("v1", "a") is not None  # now the most recently used
    cache.put("v1", "d", answer(200))
    assert cache.held <= 1000
    assert cache.get("v1", "b") is None and cache.get("v1", "a") is not None
    cache.put("v1", "huge", answer(5000))
    assert cache.get("v1", "huge") is None


def test_another_version_empties_the_cache() -> None:
    cache = ResultCache(capacity=10_000)
    cache.put("v1", "a", answer(10))
    assert cache.get("v2", "a") is None
    assert cache.held == 0
    assert cache.get("v1", "a") is None
