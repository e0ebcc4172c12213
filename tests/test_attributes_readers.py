"""The readers of graph/attributes.py that do more than read one key, on the graph of
data/micc-2007-2008.txt: a node's leaves (each once), whether it holds figures, what an
export takes of a node, passages kept once; and that reading adds nothing to a node."""

from __future__ import annotations

from graph import attributes
from graph.attributes import Graph
from graph.build import build_graph
from graph.kinds import Rel
from loaders import Document
from tests import samples, seed
from tests.documents import MICC


def test_an_elements_leaves_are_its_rows_figures(real_graph: Graph) -> None:
    for element in seed.ELEMENTS:
        leaves = attributes.leaves(real_graph, samples.element(element.key))
        row, compared = element.budget, element.compared
        # the elements table's row, then the year before from the comparison table
        assert [(f.provenance.line_start, f.value) for f in leaves] == [
            (row.line, row.expenditure),
            (row.line, row.amortization),
            (row.line, row.investment),
            (compared.line, compared.before),
        ]


def test_a_portfolios_leaves_are_each_edition_figure_once(real_graph: Graph) -> None:
    leaves = attributes.leaves(real_graph, samples.PORTFOLIO)
    # one edition: `edition_inputs` holds the same figures as `inputs`, listed once
    assert leaves == list(attributes.inputs(real_graph, samples.PORTFOLIO).values())
    headcount = seed.HEADCOUNT
    assert [f.value for f in leaves] == [
        *seed.PERMANENT_CREDITS.figures(),
        headcount.now,
        headcount.before,
    ]
    assert {f.provenance.line_start for f in leaves} == {
        seed.PERMANENT_CREDITS.line,
        headcount.line,
    }


def test_figures_are_held_by_the_budget_lines_and_categories_only(real_graph: Graph) -> None:
    holding = [
        samples.PORTFOLIO,
        samples.program(1),
        samples.element("1.2"),
        samples.supercategory("remuneration"),
        samples.investment_category("immobilisations"),
    ]
    assert all(attributes.has_figures(real_graph, n) for n in holding)
    # organizations, groups and units state no figure: theirs are derived
    holding_none = [samples.MINISTRY, samples.COUNCIL, samples.IMMIGRATION_SECTOR]
    holding_none += [samples.unit("direction-ressources-financieres")]
    assert not any(attributes.has_figures(real_graph, n) for n in holding_none)


def test_reading_a_node_adds_nothing_to_it(micc: Document) -> None:
    graph = build_graph([micc])  # its own: a reader that wrote would change the session's
    nodes = [samples.MINISTRY, samples.IMMIGRATION_SECTOR, samples.PORTFOLIO]
    nodes += [samples.unit("direction-ressources-financieres"), samples.element("1.2")]
    before = {n: attributes.exported(graph, n) for n in nodes}
    for node in nodes:
        attributes.leaves(graph, node)
        attributes.inputs(graph, node)
        attributes.edition_inputs(graph, node)
        attributes.stated(graph, node)
        attributes.uncomputed(graph, node)
        attributes.has_figures(graph, node)
    assert {n: attributes.exported(graph, n) for n in nodes} == before
    assert attributes.leaves(graph, samples.MINISTRY) == []


def test_a_nodes_export_leaves_out_what_an_export_writes_its_own_way(
    real_graph: Graph, micc: Document
) -> None:
    element = seed.ELEMENTS[1]
    found = attributes.exported(real_graph, samples.element(element.key))
    assert not {"inputs", "stated", "provenance", "path", "name"} & set(found)
    assert (found["number"], found["program_number"]) == (element.number, element.program)
    (document,) = attributes.documents(real_graph)
    found = attributes.exported(real_graph, document)
    assert "path" not in found  # the path the loader was given: a server's folders
    assert (found["year"], found["previous_year"]) == (micc.year, micc.previous_year)
    assert found["portfolio_name"] == micc.portfolio
    assert found["lines"] == len(MICC.read_text(encoding="utf-8").split("\n"))


def test_an_edges_export_leaves_out_its_relation_and_provenance(
    real_graph: Graph, micc_text: str
) -> None:
    unit = samples.unit("direction-ressources-financieres")
    ((target, data),) = attributes.out_edges(real_graph, unit, Rel.SERVES)
    assert target == samples.element(seed.ELEMENTS[3].key)  # central services: line 68
    found = attributes.edge_exported(data)
    assert not {"rel", "provenance"} & set(found)
    assert found["confidence"] == attributes.confidence(data)
    lines = attributes.edge_lines(data)
    assert found["lines"] == lines and seed.ELEMENTS[3].budget.line in lines
    text = micc_text.split("\n")
    evidence = attributes.evidence(data)
    assert evidence is not None
    for line in lines[:2]:  # the lines the evidence quotes, `(line n)` after each quote
        assert f"(line {line})" in evidence
    assert "« Sous la supervision de la sous-ministre" in evidence
    assert text[lines[1] - 1].startswith("Sous la supervision de la sous-ministre")


def test_passages_are_kept_once_each(real_graph: Graph) -> None:
    for node in real_graph:
        passages = attributes.passages(real_graph, node)
        assert len(set(passages)) == len(passages), node
