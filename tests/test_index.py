"""The index built once per graph answers as a scan of every node would."""

from __future__ import annotations

from graph import attributes
from graph.attributes import Graph
from graph.index import build_index, index_of
from graph.kinds import Kind, kind_of
from graph.queries import find_by_name, in_portfolio, nodes_of_kind
from tests.samples import PORTFOLIO, TOURISME_PORTFOLIO, YEAR


def test_index_by_kind_is_every_node_of_the_kind(two_portfolios_graph: Graph) -> None:
    graph = two_portfolios_graph
    for kind in Kind:
        assert nodes_of_kind(graph, kind) == sorted(n for n in graph if kind_of(n) is kind)


def test_index_by_portfolio_and_year_is_the_filtered_scan(two_portfolios_graph: Graph) -> None:
    graph = two_portfolios_graph
    for portfolio in (PORTFOLIO, TOURISME_PORTFOLIO):
        scanned = [
            n
            for n in sorted(graph)
            if kind_of(n) is Kind.ORG_UNIT and attributes.portfolio(graph, n) == portfolio
        ]
        assert in_portfolio(graph, Kind.ORG_UNIT, portfolio) == scanned
    assert in_portfolio(graph, Kind.PROGRAM, PORTFOLIO, YEAR) == [
        n for n in nodes_of_kind(graph, Kind.PROGRAM) if n.startswith(f"program:{PORTFOLIO[10:]}")
    ]


def test_find_by_name_across_case_accents_and_articles(real_graph: Graph) -> None:
    (found,) = find_by_name(real_graph, Kind.ORG_UNIT, "le *Secrétariat du Ministère*")
    assert attributes.name(real_graph, found) == "Secrétariat du ministère"
    assert find_by_name(real_graph, Kind.ORG_UNIT, "Secrétariat inconnu") == []


def test_index_is_kept_only_once_the_graph_is_built(real_graph: Graph) -> None:
    assert index_of(real_graph) is index_of(real_graph)
    partial = attributes.new_graph([])
    attributes.add_node(partial, "program:x/2007-2008/1", Kind.PROGRAM, "X")
    assert index_of(partial).by_kind[Kind.PROGRAM] == ("program:x/2007-2008/1",)
    attributes.add_node(partial, "program:x/2007-2008/2", Kind.PROGRAM, "Y")
    assert len(index_of(partial).by_kind[Kind.PROGRAM]) == 2
    assert build_index(real_graph) == index_of(real_graph)
