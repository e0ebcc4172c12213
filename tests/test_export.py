"""The exports: GraphML and node-link JSON read back by networkx, the CSV of figures.

Expected figures come from the documents' text (`tests.stated`), not from the graph.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest

from graph.attributes import Graph
from graph.export import FORMATS, ExportFormatError, render
from graph.export.sources import distinct_names
from graph.export.table import COLUMNS
from tests import seed
from tests.documents import MICC, SYNTHETIC
from tests.samples import IMMIGRATION_SECTOR, element, program
from tests.stated import Stated, read_tables

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def stated(path: Path) -> Stated:
    return read_tables(path.read_text(encoding="utf-8"))


def csv_rows(graph: Graph) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(graph, "csv").decode("utf-8-sig"))))


def years_of(path: Path) -> tuple[str, str]:
    """`micc-2007-2008.txt` → ("2007-2008", "2006-2007"): the year and the one before."""
    first, second = path.stem.rsplit("-", 2)[1:]
    return f"{first}-{second}", f"{int(first) - 1}-{first}"


@pytest.mark.parametrize("path", [MICC, SYNTHETIC], ids=lambda p: p.name)
def test_csv_element_figures_sum_to_the_portfolio_totals(
    two_portfolios_graph: Graph, path: Path
) -> None:
    tables = stated(path)
    rows = [r for r in csv_rows(two_portfolios_graph) if r["document"] == path.name]
    for year, total in zip(years_of(path), tables.total, strict=True):
        leaves = [
            Decimal(r["amount"])
            for r in rows
            if (r["level"], r["measure"], r["input"], r["year"])
            == ("element", "expenditure", "true", year)
        ]
        assert sum(leaves) == total
        (portfolio,) = [
            r
            for r in rows
            if (r["level"], r["measure"], r["basis"], r["year"])
            == ("portfolio", "expenditure", "computed", year)
        ]
        assert Decimal(portfolio["amount"]) == total


def test_csv_rows_name_the_line_that_states_each_figure(two_portfolios_graph: Graph) -> None:
    tables = stated(MICC)
    year, _ = years_of(MICC)
    rows = csv_rows(two_portfolios_graph)
    for (program_number, number), expenditure in tables.expenditure.items():
        (row,) = [
            r
            for r in rows
            if (
                r["document"],
                r["level"],
                r["program"],
                r["element"],
                r["measure"],
                r["year"],
                r["input"],
            )
            == (MICC.name, "element", str(program_number), str(number), "expenditure", year, "true")
        ]
        assert Decimal(row["amount"]) == expenditure
        assert (row["basis"], int(row["line"])) == (
            "stated",
            tables.lines[program_number, number][0],
        )


def test_csv_is_utf8_with_a_bom_comma_separated_with_a_header(two_portfolios_graph: Graph) -> None:
    data = render(two_portfolios_graph, "csv")
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert text.split("\r\n")[0] == (
        "portfolio,year,compared_with,level,program,element,name,measure,of,amount,unit,"
        "basis,input,table,document,line,cell"
    )
    assert tuple(text.split("\r\n")[0].split(",")) == COLUMNS
    rows = list(csv.reader(io.StringIO(text)))
    assert {len(r) for r in rows} == {len(COLUMNS)}
    assert {r[COLUMNS.index("basis")] for r in rows[1:]} == {"stated", "computed"}
    assert "Intégration, Régionalisation et Relations interculturelles" in {r[6] for r in rows}


def test_graphml_numbers_equal_their_exact_strings(
    two_portfolios_graph: Graph, tmp_path: Path
) -> None:
    out = tmp_path / "graph.graphml"
    out.write_bytes(render(two_portfolios_graph, "graphml"))
    back = nx.read_graphml(out, force_multigraph=True)
    nodes = [d for _, d in back.nodes(data=True)]  # an export read back, not the graph
    edges = [d for *_, d in back.edges(data=True)]  # an export read back, not the graph
    items = [*nodes, *edges]
    checked = 0
    for attrs in items:
        for name, exact in attrs.items():
            if name.endswith("_exact"):
                number = attrs[name.removesuffix("_exact")]
                assert isinstance(number, float) and number == float(Decimal(exact)), name
                checked += 1
    assert checked > 100
    tables = stated(MICC)
    year, previous = years_of(MICC)
    francisation = back.nodes[element("1.2")]  # an export read back, not the graph
    assert francisation[f"expenditure_{year}_exact"] == str(tables.expenditure[1, 2])
    assert francisation[f"expenditure_{previous}"] == float(tables.previous[1, 2])
    program_one = sum(v for (p, _), v in tables.expenditure.items() if p == 1)
    one = back.nodes[program(1)]  # an export read back, not the graph
    assert one["expenditure_exact"] == str(program_one)


def test_graphml_types_each_amount_as_a_double_beside_its_string(real_graph: Graph) -> None:
    keys = ET.fromstring(render(real_graph, "graphml")).findall(f"{GRAPHML}key")
    types = {k.get("attr.name"): k.get("attr.type") for k in keys}
    assert types["expenditure_2007-2008"] == "double"
    assert types["expenditure_2007-2008_exact"] == "string"
    assert (types["confidence"], types["confidence_exact"]) == ("double", "string")
    assert types["line"] == "long"


def test_graphml_and_json_edge_ids_are_unique(two_portfolios_graph: Graph) -> None:
    edges = ET.fromstring(render(two_portfolios_graph, "graphml")).iter(f"{GRAPHML}edge")
    ids = [e.get("id") for e in edges]
    data = json.loads(render(two_portfolios_graph, "json"))
    json_ids = [e["id"] for e in data["edges"]]
    for found in (ids, json_ids):
        assert len(found) == len(set(found)) == two_portfolios_graph.number_of_edges()


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_name_documents_never_their_paths(two_portfolios_graph: Graph, fmt: str) -> None:
    text = render(two_portfolios_graph, fmt).decode("utf-8-sig")
    for path in (MICC, SYNTHETIC):
        assert path.is_absolute()
        assert str(path.parent) not in text
        assert path.name in text


def test_node_link_json_keeps_records_as_json(two_portfolios_graph: Graph) -> None:
    data = json.loads(render(two_portfolios_graph, "json"))
    nodes = {n["id"]: n for n in data["nodes"]}
    francisation = nodes[element("1.2")]
    assert francisation["provenance"][0] == {
        "document": MICC.name,
        "line_start": stated(MICC).lines[1, 2][0],
        "line_end": stated(MICC).lines[1, 2][0],
        "text": MICC.read_text(encoding="utf-8").splitlines()[stated(MICC).lines[1, 2][0] - 1],
    }
    leaf = next(f for f in francisation["figures"] if f["input"] and f["measure"] == "expenditure")
    spent = seed.PROGRAM_1.elements[1].budget.expenditure
    assert (leaf["value"], leaf["value_exact"]) == (float(spent), str(spent))
    serves = [
        e for e in data["edges"] if e["source"] == IMMIGRATION_SECTOR and e["relation"] == "serves"
    ]
    assert {e["method"] for e in serves} == {"name_match"}
    assert data["graph"]["documents"] == [MICC.name, SYNTHETIC.name]


def test_distinct_names_tell_same_named_files_apart() -> None:
    assert distinct_names(["/srv/a/2008/x.txt", "/srv/b/2009/x.txt", "/srv/y.txt"]) == {
        "/srv/a/2008/x.txt": "2008/x.txt",
        "/srv/b/2009/x.txt": "2009/x.txt",
        "/srv/y.txt": "y.txt",
    }
    assert distinct_names(["data/x.txt", "x.txt"]) == {"data/x.txt": "data/x.txt", "x.txt": "x.txt"}


def test_render_refuses_an_unknown_format(real_graph: Graph) -> None:
    with pytest.raises(ExportFormatError, match="use one of graphml, json, csv"):
        render(real_graph, "xml")
