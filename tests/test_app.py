"""The Starlette app: GraphQL over POST and GET, GraphiQL, /health, CORS and gzip."""

from __future__ import annotations

from starlette.testclient import TestClient

from server.app import create_app
from server.data import Loaded
from tests.contract import PORTFOLIO, PORTFOLIO_QUERY, PROGRAMS
from tests.documents import MICC, SYNTHETIC


def test_health(api_client: TestClient, served: Loaded) -> None:
    response = api_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "documents": 1,
        "nodes": 75,
        "edges": served.graph.number_of_edges(),
        "dataVersion": served.version,
    }


def test_graphql_post_contract_programs(api_client: TestClient) -> None:
    response = api_client.post("/graphql", json={"query": PROGRAMS})
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body
    program = body["data"]["programs"][0]
    assert program["budget"]["expenditure"] == "110585.5"
    assert program["budget"]["credits"] == "114745.8"
    assert program["change"]["amount"] == "5421.4"
    assert program["shareOfPortfolio"] == "99.3"
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
    assert "mutations are not allowed when using GET" in response.text


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


def test_lifespan_builds_the_graph_of_the_given_paths() -> None:
    with TestClient(create_app([MICC, SYNTHETIC])) as client:
        health = client.get("/health").json()
        names = client.post("/graphql", json={"query": "{ portfolios { name } }"}).json()
    assert health["documents"] == 2
    assert [p["name"] for p in names["data"]["portfolios"]] == [
        "Immigration et Communautés culturelles",
        "Tourisme et Patrimoine",
    ]
