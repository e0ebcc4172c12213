"""The exports over HTTP: /export/graph.graphml, /export/graph.json, /export/figures.csv."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from starlette.testclient import TestClient

from graph.export import render
from server.data import Loaded
from tests.documents import MICC
from tests.stated import read_tables

FILES = {
    "graph.graphml": ("graphml", "application/graphml+xml"),
    "graph.json": ("json", "application/json"),
    "figures.csv": ("csv", "text/csv; charset=utf-8; header=present"),
}


@pytest.mark.parametrize("file", FILES)
def test_export_answers_the_file_with_an_etag(
    api_client: TestClient, served: Loaded, file: str
) -> None:
    fmt, media_type = FILES[file]
    response = api_client.get(f"/export/{file}")
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.headers["content-disposition"] == f'attachment; filename="{file}"'
    assert response.content == render(served.graph, fmt)
    etag = response.headers["etag"]
    again = api_client.get(f"/export/{file}", headers={"If-None-Match": f'W/"x", {etag}'})
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag)
    other = api_client.get(f"/export/{file}", headers={"If-None-Match": '"another"'})
    assert other.status_code == 200


def test_exports_have_different_etags(api_client: TestClient) -> None:
    tags = {api_client.get(f"/export/{file}").headers["etag"] for file in FILES}
    assert len(tags) == len(FILES)


def test_the_csv_over_http_sums_to_the_portfolio_total(api_client: TestClient) -> None:
    text = api_client.get("/export/figures.csv").content.decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(text))
    year = "2007-2008"
    leaves = [
        Decimal(r["amount"])
        for r in rows
        if (r["level"], r["measure"], r["input"], r["year"])
        == ("element", "expenditure", "true", year)
    ]
    assert sum(leaves) == read_tables(MICC.read_text(encoding="utf-8")).total[0]


def test_the_json_export_is_node_link_data(api_client: TestClient, served: Loaded) -> None:
    data = json.loads(api_client.get("/export/graph.json").content)
    assert len(data["nodes"]) == served.graph.number_of_nodes()
    assert data["graph"]["documents"] == [MICC.name]


def test_an_unknown_export_is_not_found(api_client: TestClient) -> None:
    assert api_client.get("/export/graph.xml").status_code == 404
