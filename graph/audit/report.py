"""Running the audit: each edition of each portfolio against itself (see `graph.audit`)."""

from __future__ import annotations

from typing import Any

from graph.attributes import Graph
from graph.audit.findings import Finding, Status
from graph.audit.highlights import highlight_findings
from graph.audit.tables import Editions, table_findings
from graph.audit.unread import unread_findings
from graph.facts import Key, inputs
from graph.kinds import Kind, Rel, node_id, slug
from graph.queries import children, portfolios
from loaders.records import Figure

_CATEGORIES = (Rel.HAS_SUPERCATEGORY, Rel.HAS_INVESTMENT_CATEGORY)


def audit(graph: Graph, portfolio: str | None = None, year: str | None = None) -> list[Finding]:
    """Every check of every stated value, in document order.

    `portfolio` (a node id or a portfolio name) and `year` (a document's fiscal
    year: the edition stating the values) restrict the audit.
    """
    editions = _editions(graph)
    found: list[Finding] = []
    for node in _portfolios(graph, portfolio):
        for edition in sorted(graph.nodes[node].get("editions", {})):
            if year is None or edition == year:
                found.extend(_audit_edition(graph, node, edition, editions))
    return sorted(found, key=_document_order)


def problems(findings: list[Finding]) -> list[Finding]:
    """The findings that are not `ok`."""
    return [f for f in findings if f.status is not Status.OK]


def _audit_edition(graph: Graph, portfolio: str, edition: str, editions: Editions) -> list[Finding]:
    """One document against itself."""
    view = edition_graph(graph, portfolio, edition, editions)
    found = [
        finding
        for node in edition_nodes(view, portfolio, edition)
        for finding in table_findings(view, node, editions, edition)
    ]
    document = graph.nodes[graph.nodes[portfolio]["editions"][edition]]
    previous = str(document["previous_year"])
    found += unread_findings(view, portfolio, edition)
    return found + list(highlight_findings(view, portfolio, edition, previous))


def edition_nodes(graph: Graph, portfolio: str, edition: str) -> list[str]:
    """The portfolio and the nodes of one of its documents that hold stated figures."""
    programs = _of_year(graph, children(graph, portfolio, Rel.HAS_PROGRAM), edition)
    elements = [e for p in programs for e in children(graph, p, Rel.HAS_ELEMENT)]
    categories = [c for rel in _CATEGORIES for c in children(graph, portfolio, rel)]
    return [portfolio, *programs, *elements, *_of_year(graph, categories, edition)]


def edition_graph(graph: Graph, portfolio: str, edition: str, editions: Editions) -> Graph:
    """The portfolio as one of its documents states it, when several are loaded.

    The aggregates read a year from that year's own document; the audit checks a
    document against itself, so its previous-year column must come from its own
    figures: a copy holding that document's nodes only, with a fresh cache.
    """
    held = graph.nodes[portfolio]["editions"]
    if len(held) == 1:
        return graph
    keep = [*edition_nodes(graph, portfolio, edition)]
    keep += children(graph, portfolio, Rel.HAS_ORGANIZATION)
    copy = Graph(cache={}, documents=[held[edition]])
    copy.add_nodes_from((n, dict(graph.nodes[n])) for n in keep)
    copy.add_edges_from(graph.subgraph(keep).edges(keys=True, data=True))
    attrs = copy.nodes[portfolio]
    attrs["editions"] = {edition: held[edition]}
    attrs["inputs"] = _own_inputs(attrs, edition, editions)
    return copy


def _own_inputs(attrs: dict[str, Any], edition: str, editions: Editions) -> dict[Key, Figure]:
    """The portfolio's leaves as `edition` states them: the builder keeps one document's
    figure as the input and another's for the same year (the headcount) as stated."""
    found = dict(inputs(attrs))
    for item in attrs.get("stated", []):
        key = (item.figure.measure, item.figure.year)
        if key in found and editions[item.figure.provenance.source][0] == edition:
            found[key] = item.figure
    return found


def _of_year(graph: Graph, nodes: list[str], edition: str) -> list[str]:
    return [n for n in nodes if graph.nodes[n].get("year") == edition]


def _portfolios(graph: Graph, portfolio: str | None) -> list[str]:
    if portfolio is None:
        return portfolios(graph)
    wanted = portfolio
    if not portfolio.startswith(f"{Kind.PORTFOLIO.value}:"):
        wanted = node_id(Kind.PORTFOLIO, slug(portfolio))
    return [wanted] if wanted in graph else []


def _editions(graph: Graph) -> Editions:
    documents = graph.graph.get("documents", [])
    return {
        graph.nodes[d]["path"]: (graph.nodes[d]["year"], graph.nodes[d]["previous_year"])
        for d in documents
    }


def _document_order(f: Finding) -> tuple[str, str, int, int]:
    """Edition, file, line, cell; the sort is stable, so a line's prose values keep their order."""
    return (f.edition, f.stated_at.source, f.stated_at.line_start, f.cell)
