"""The Starlette app: GraphQL over POST and GET, GraphiQL, /health, CORS and gzip."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest
from starlette.testclient import TestClient

from loaders import Document
from schema.schema import schema
from server.app import CORS_ENV, app_factory, create_app, origins_from_env
from server.data import PATHS_ENV, Loaded
from server.settings import DEFAULT_CORS_HEADERS, Settings
from tests import counted, seed
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


def test_health(api_client: TestClient, served: Loaded, micc: Document) -> None:
    response = api_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "documents": 1,
        "nodes": counted.kinds(micc).total(),
        "edges": served.graph.number_of_edges(),  # pinned per relation in test_build
        "dataVersion": served.version,
        "pid": os.getpid(),
        "lastReload": None,
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
    before = str(seed.EXPENDITURE_TOTAL.before)
    assert body == {"data": {"portfolio": {"budget": {"expenditure": before}}}}


def test_graphql_limits_over_http(api_client: TestClient) -> None:
    """The query that ran 145 s before there were limits: refused for its depth and cost."""
    response = api_client.post("/graphql", json={"query": NESTED})
    assert response.status_code == 200
    depth, cost = response.json()["errors"]
    assert depth["message"].startswith("the query nests 11 levels of fields, more than 6")
    assert cost["message"].startswith("the query costs")
    assert depth["extensions"] == cost["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}


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


def test_cors_allows_apollo_and_authorization_headers_by_default() -> None:
    asked = "content-type, authorization, apollo-require-preflight, if-none-match"
    with TestClient(create_app(cors_origins=[ORIGIN])) as client:
        preflight = client.options(
            "/graphql", headers={**PREFLIGHT, "Access-Control-Request-Headers": asked}
        )
        answer = client.get("/graphql", params={"query": PORTFOLIOS}, headers={"Origin": ORIGIN})
    assert preflight.status_code == 200
    assert {"Authorization", "Apollo-Require-Preflight"} <= set(DEFAULT_CORS_HEADERS)
    assert answer.headers["access-control-expose-headers"] == "ETag"


def test_cors_headers_are_configurable() -> None:
    settings = Settings(cors_origins=(ORIGIN,), cors_headers=("Content-Type", "X-Team"))
    asked = {**PREFLIGHT, "Access-Control-Request-Headers": "x-team"}
    refused = {**PREFLIGHT, "Access-Control-Request-Headers": "authorization"}
    with TestClient(create_app(settings=settings)) as client:
        assert client.options("/graphql", headers=asked).status_code == 200
        assert client.options("/graphql", headers=refused).status_code == 400


@pytest.mark.parametrize("path", ["/graphql/", "/health/", "/nothing"])
def test_no_redirect_built_from_the_host_header(api_client: TestClient, path: str) -> None:
    response = api_client.get(path, headers={"Host": "evil.example"}, follow_redirects=False)
    assert response.status_code == 404
    assert "location" not in response.headers
    assert response.json() == {
        "errors": [{"message": "Not Found", "extensions": {"code": "BAD_REQUEST"}}]
    }


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
