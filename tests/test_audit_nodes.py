"""The audit of one entity is the global audit filtered: the same findings, in order."""

from __future__ import annotations

from graph.attributes import Graph
from graph.audit import Status, audit
from graph.audit.nodes import below, node_findings, status_counts
from graph.kinds import Kind, kind_of
from graph.queries import nodes_of_kind
from tests.analyst import labels
from tests.samples import PORTFOLIO, element, program

BUDGETED = (Kind.PORTFOLIO, Kind.ORGANIZATION, Kind.PROGRAM, Kind.ELEMENT)


def budgeted(graph: Graph) -> list[str]:
    return [n for kind in BUDGETED for n in nodes_of_kind(graph, kind)]


def test_each_entity_audit_is_the_global_audit_filtered(
    real_graph: Graph, labelled_graph: Graph, two_portfolios_graph: Graph
) -> None:
    for graph in (real_graph, labelled_graph, two_portfolios_graph):
        everything = audit(graph)
        for node in budgeted(graph):
            assert node_findings(graph, node) == [f for f in everything if f.node == node]
            wanted = {node, *below(graph, node)}
            assert node_findings(graph, node, True) == [f for f in everything if f.node in wanted]


def test_a_portfolio_with_what_is_below_it_is_its_whole_audit(two_portfolios_graph: Graph) -> None:
    graph = two_portfolios_graph
    assert node_findings(graph, PORTFOLIO, True) == audit(graph, PORTFOLIO)


def test_below_a_program_are_its_elements(real_graph: Graph) -> None:
    assert below(real_graph, program(1)) == [element(f"1.{n}") for n in range(1, 5)]
    assert below(real_graph, element("1.1")) == []


def test_the_one_rounding_is_program_ones(real_graph: Graph) -> None:
    counts = status_counts(node_findings(real_graph, program(1)))
    assert counts[Status.ROUNDING] == 1 and counts[Status.MISMATCH] == 0
    assert set(counts) == set(Status)
    assert status_counts(node_findings(real_graph, program(2), True))[Status.ROUNDING] == 0


def test_the_labelled_mismatch_is_its_elements(labelled_graph: Graph) -> None:
    wrong = labels()["mismatch"]
    (found,) = [
        f
        for node in budgeted(labelled_graph)
        for f in node_findings(labelled_graph, node)
        if f.status is Status.MISMATCH
    ]
    assert kind_of(found.node) is Kind.ELEMENT and found.node.endswith(f"/{wrong['element']}")
    assert (found.identity.value, found.stated_at.line_start) == (wrong["identity"], wrong["line"])
    assert (str(found.stated), str(found.expected)) == (wrong["stated"], wrong["expected"])
