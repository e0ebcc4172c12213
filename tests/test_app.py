"""The Starlette app: GraphQL over POST and GET, GraphiQL, /health, CORS and gzip."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest
from starlette.testclient import TestClient

from schema.extensions import DEPTH
from schema.schema import schema
from server.app import CORS_ENV, app_factory, create_app, origins_from_env
from server.data import PATHS_ENV, Loaded
from tests.contract import (
    AUDIT,
    NESTED,
    PORTFOLIO,
    PORTFOLIO_QUERY,
    PORTFOLIOS,
    PROGRAMS,
    program_one_over_http,
)
from tests.documents import MICC, SYNTHETIC

ORIGIN = "https://budget.example"
PREFLIGHT = {
    "Origin": ORIGIN,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type",
}


def test_health(api_client: TestClient, served: Loaded) -> None:
    response = api_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "documents": 1,
        "nodes": 75,
        "edges": served.graph.number_of_edges(),  # pinned per relation in test_build
        "dataVersion": served.version,
    }


def test_graphql_post_contract_programs(api_client: TestClient) -> None:
    response = api_client.post("/graphql", json={"query": PROGRAMS})
    assert response.status_code == 200
    program = program_one_over_http(response.json())
    assert program["directorates"][0] == {"name": "HAUTE DIRECTION"}


def test_graphql_get_contract_portfolio(api_client: TestClient) -> None:
    response = api_client.get("/graphql", params={"query": PORTFOLIO_QUERY})
    assert response.status_code == 200
    portfolio = response.json()["data"]["portfolio"]
    assert portfolio["change"] == {"amount": "5423.0", "percent": "5.1"}


def test_graphql_get_with_variables(api_client: TestClient) -> None:
    query = """query($year: String!) {
      portfolio(name: "immigration et communautes culturelles") {
        budget(year: $year) { expenditure } } }"""
    params = {"query": query, "variables": '{"year": "2006-2007"}'}
    body = api_client.get("/graphql", params=params).json()
    assert body == {"data": {"portfolio": {"budget": {"expenditure": "105890.3"}}}}


def test_graphql_get_refuses_mutations(api_client: TestClient) -> None:
    response = api_client.get("/graphql", params={"query": "mutation { x }"})
    assert response.status_code == 400
    assert response.json() == {
        "data": None,
        "errors": [
            {
                "message": "mutations are not allowed when using GET",
                "extensions": {"code": "BAD_REQUEST"},
            }
        ],
    }


JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("method", "request_args", "status", "message"),
    [
        ("POST", {"content": b'{"query": ', "headers": JSON}, 400, "Unable to parse request"),
        ("GET", {"params": {"query": PORTFOLIOS, "variables": "{year"}}, 400, "Unable to parse"),
        ("POST", {"json": {"query": PORTFOLIOS, "variables": [1]}}, 400, "`variables` must be"),
        (
            "POST",
            {"content": PORTFOLIOS, "headers": {"Content-Type": "text/plain"}},
            400,
            "content",
        ),
        ("POST", {"json": {"variables": {}}}, 400, "No GraphQL query found in the request"),
        ("PUT", {"json": {"query": PORTFOLIOS}}, 405, "only supports GET and POST"),
    ],
    ids=["body", "get-variables", "variables", "content-type", "no-query", "method"],
)
def test_http_errors_have_the_graphql_shape(
    api_client: TestClient, method: str, request_args: dict[str, Any], status: int, message: str
) -> None:
    response = api_client.request(method, "/graphql", **request_args)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "BAD_REQUEST"}
    assert message in error["message"]


def test_graphql_limits_over_http(api_client: TestClient) -> None:
    response = api_client.post("/graphql", json={"query": NESTED})
    assert response.status_code == 200
    (error,) = response.json()["errors"]
    assert (error["message"], error["extensions"]) == (DEPTH, {"code": "BAD_USER_INPUT"})


def running_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def test_graphql_runs_in_a_worker_thread(
    api_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Off the event loop, so /health answers while a long query runs."""
    on_loop: list[bool] = []
    execute_sync = schema.execute_sync

    def spy(*args: Any, **kwargs: Any) -> Any:
        on_loop.append(running_loop())
        return execute_sync(*args, **kwargs)

    monkeypatch.setattr(schema, "execute_sync", spy)
    body = api_client.post("/graphql", json={"query": PORTFOLIOS}).json()
    assert on_loop == [False]
    assert body == {
        "data": {"portfolios": [{"name": PORTFOLIO, "years": ["2006-2007", "2007-2008"]}]}
    }


def test_graphql_error_shape(api_client: TestClient) -> None:
    query = f'{{ programs(portfolio: "{PORTFOLIO}", year: "1990-1991") {{ number }} }}'
    body = api_client.post("/graphql", json={"query": query}).json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    assert error["path"] == ["programs"]
    assert error["message"].startswith('no figures for year "1990-1991"')


def test_graphiql_in_a_browser(api_client: TestClient) -> None:
    response = api_client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "GraphiQL" in response.text


def test_gzip_on_a_get_answer(api_client: TestClient) -> None:
    response = api_client.get(
        "/graphql", params={"query": AUDIT}, headers={"Accept-Encoding": "gzip"}
    )
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["vary"]
    assert len(response.json()["data"]["audit"]) > 50


def test_gzip_for_large_answers(api_client: TestClient) -> None:
    query = "{ audit { identity status stated computed } }"
    response = api_client.post(
        "/graphql", json={"query": query}, headers={"Accept-Encoding": "gzip"}
    )
    assert response.headers["content-encoding"] == "gzip"
    assert len(response.json()["data"]["audit"]) > 50


def test_cors_allows_configured_origins_only() -> None:
    app = create_app(cors_origins=["https://budget.example"])
    with TestClient(app) as client:
        allowed = client.get("/health", headers={"Origin": "https://budget.example"})
        other = client.get("/health", headers={"Origin": "https://elsewhere.example"})
        preflight = client.options(
            "/graphql",
            headers={
                "Origin": "https://budget.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
    assert allowed.headers["access-control-allow-origin"] == "https://budget.example"
    assert "access-control-allow-origin" not in other.headers
    assert preflight.status_code == 200


def test_cors_preflight_refused_when_no_origin_is_configured(api_client: TestClient) -> None:
    response = api_client.options("/graphql", headers=PREFLIGHT)
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


def test_cors_preflight_allowed_for_a_configured_origin() -> None:
    with TestClient(create_app(cors_origins=[ORIGIN])) as client:
        response = client.options("/graphql", headers=PREFLIGHT)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"].lower()


def test_origins_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CORS_ENV, raising=False)
    assert origins_from_env() == []
    monkeypatch.setenv(CORS_ENV, f" {ORIGIN} , ,https://other.example,")
    assert origins_from_env() == [ORIGIN, "https://other.example"]


def test_app_factory_reads_paths_and_origins_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PATHS_ENV, f"{MICC}{os.pathsep}{SYNTHETIC}")
    monkeypatch.setenv(CORS_ENV, ORIGIN)
    with TestClient(app_factory()) as client:
        health = client.get("/health", headers={"Origin": ORIGIN})
        preflight = client.options("/graphql", headers=PREFLIGHT)
    assert health.json()["documents"] == 2
    assert health.headers["access-control-allow-origin"] == ORIGIN
    assert preflight.status_code == 200


def test_lifespan_builds_the_graph_of_the_given_paths() -> None:
    with TestClient(create_app([MICC, SYNTHETIC])) as client:
        health = client.get("/health").json()
        names = client.post("/graphql", json={"query": "{ portfolios { name } }"}).json()
    assert health["documents"] == 2
    assert [p["name"] for p in names["data"]["portfolios"]] == [
        "Immigration et Communautés culturelles",
        "Tourisme et Patrimoine",
    ]
