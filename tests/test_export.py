"""Exporting the graph as node-link JSON and GraphML, read back by other tools."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest

from graph.attributes import Graph
from graph.export import ExportFormatError, export_graph, jsonable, plain_value
from graph.kinds import Kind
from loaders.records import Measure
from tests.samples import IMMIGRATION_SECTOR, PORTFOLIO, element, program


def test_export_json_reads_back_as_node_link_data(
    two_portfolios_graph: Graph, tmp_path: Path
) -> None:
    out = tmp_path / "graph.json"
    export_graph(two_portfolios_graph, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == two_portfolios_graph.number_of_nodes()
    assert len(data["edges"]) == two_portfolios_graph.number_of_edges()
    back = nx.node_link_graph(data, edges="edges")
    assert back.nodes[element("1.2")]["kind"] == "element"
    inputs = json.loads(back.nodes[element("1.2")]["inputs"])
    assert inputs["expenditure/2006-2007"]["value"] == "45800.0"


def test_export_graphml_reads_back_with_exact_decimals(
    two_portfolios_graph: Graph, tmp_path: Path
) -> None:
    out = tmp_path / "graph.graphml"
    export_graph(two_portfolios_graph, "graphml", out)
    back = nx.read_graphml(out, force_multigraph=True)
    assert back.number_of_nodes() == two_portfolios_graph.number_of_nodes()
    assert back.number_of_edges() == two_portfolios_graph.number_of_edges()
    serves = back.edges[IMMIGRATION_SECTOR, element("1.2"), "serves"]
    original = two_portfolios_graph.edges[IMMIGRATION_SECTOR, element("1.2"), "serves"]
    assert (serves["method"], serves["confidence"]) == ("name_match", str(original["confidence"]))
    stated = json.loads(back.nodes[program(1)]["stated"])
    assert stated[0]["figure"]["value"] == "110585.5"
    assert back.nodes[PORTFOLIO]["label"] == "Immigration et Communautés culturelles"


def test_plain_value_writes_decimals_and_enums_exactly() -> None:
    assert plain_value(Decimal("110585.5")) == "110585.5"
    assert plain_value(Decimal("1E+2")) == "100"
    assert plain_value(Kind.PROGRAM) == "program"
    assert plain_value(3) == 3 and plain_value(True) is True
    assert plain_value({"2007-2008", "2006-2007"}) == '["2006-2007", "2007-2008"]'


def test_jsonable_keys_tuples_by_their_parts() -> None:
    assert jsonable({(Measure.CREDITS, "2006-2007"): Decimal("9.6")}) == {
        "credits/2006-2007": "9.6"
    }


def test_export_graph_refuses_an_unknown_format(real_graph: Graph, tmp_path: Path) -> None:
    with pytest.raises(ExportFormatError, match="use one of json, graphml"):
        export_graph(real_graph, "xml", tmp_path / "graph.xml")
