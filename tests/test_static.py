"""The service's own pages: GraphiQL and the explorer, from the package's files only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from graph.kinds import ServesMethod
from server.assets import PACKAGES
from server.static import STATIC, graphiql_page

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def referenced(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_graphiql_loads_every_file_from_the_service(api_client: TestClient) -> None:
    page = api_client.get("/graphql", headers={"Accept": BROWSER})
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    urls = referenced(page.text)
    assert all(u.startswith("/") and not u.startswith("//") for u in urls if u != "data:,")
    vendored = [u for u in urls if u.startswith("/static/vendor/")]
    assert {u.split("/")[3] for u in vendored} >= {"react@18.3.1", "graphiql@4.1.2"}
    for url in vendored:
        file = api_client.get(url)
        assert file.status_code == 200, url
        assert file.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_a_link_with_a_query_opens_graphiql_in_a_browser(api_client: TestClient) -> None:
    query = {"query": "{ portfolios { name } }"}
    page = api_client.get("/graphql", params=query, headers={"Accept": BROWSER})
    assert page.headers["content-type"].startswith("text/html")
    assert "graphiql-page.js" in page.text
    answer = api_client.get("/graphql", params=query, headers={"Accept": "application/json"})
    assert (
        answer.json()["data"]["portfolios"][0]["name"] == "Immigration et Communautés culturelles"
    )


def test_graphiql_says_which_files_set_up_did_not_install(tmp_path: Path) -> None:
    page = graphiql_page(tmp_path)
    assert page.status_code == 503
    text = bytes(page.body).decode()
    assert "python -m server.assets" in text
    for chosen in PACKAGES:
        for file in chosen.files:
            assert f"<code>{chosen.folder}/{file}</code>" in text


def test_explore_is_a_page_of_the_service_own_files(api_client: TestClient) -> None:
    page = api_client.get("/explore")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-cache"
    assert "connect-src 'self'" in page.headers["content-security-policy"]
    scripts = sorted(p.name for p in (STATIC / "explore" / "js").glob("*.js"))
    for name in scripts:
        script = api_client.get(f"/static/explore/js/{name}")
        assert script.status_code == 200
        assert script.headers["content-type"].startswith(
            ("text/javascript", "application/javascript")
        )
        again = api_client.get(
            f"/static/explore/js/{name}", headers={"If-None-Match": script.headers["etag"]}
        )
        assert again.status_code == 304


def test_the_explorer_calls_only_the_graphql_api() -> None:
    code = "\n".join(
        p.read_text(encoding="utf-8") for p in (STATIC / "explore" / "js").glob("*.js")
    )
    assert re.findall(r"fetch\(([^,)]+)", code) == ['"/graphql"']
    assert "http://" not in code.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in code


def explorer_queries() -> dict[str, str]:
    """The explorer's GraphQL documents, as its api.js sends them."""
    source = (STATIC / "explore" / "js" / "api.js").read_text(encoding="utf-8")
    lines = re.search(r'const LINES = "([^"]+)";', source)
    assert lines is not None
    found = re.findall(r"export const (\w+) = `(.*?)`;", source, re.S)
    return {name: text.replace("${LINES}", lines.group(1)) for name, text in found}


@pytest.mark.parametrize("name", sorted(explorer_queries()))
def test_explorer_queries_pass_the_default_limits(api_client: TestClient, name: str) -> None:
    query = explorer_queries()[name]
    answer = api_client.post(
        "/graphql", json={"query": query}, headers={"Accept": "application/json"}
    )
    codes = {e["extensions"]["code"] for e in answer.json().get("errors", [])}
    # Missing variables may be refused; the document itself must be valid and within limits.
    assert codes <= {"BAD_USER_INPUT"}, answer.json()


def test_explorer_colours_every_serves_method() -> None:
    """The serves view's legend and edges have a colour for each method the graph gives."""
    source = (STATIC / "explore" / "js" / "serves.js").read_text(encoding="utf-8")
    table = re.search(r"const METHOD_COLOURS = \{(.*?)\};", source, re.S)
    assert table is not None
    coloured = set(re.findall(r"^\s*([A-Z_]+):", table.group(1), re.M))
    assert coloured == {method.name for method in ServesMethod}
