"""Running the audit: each edition of each portfolio against itself (see `graph.audit`)."""

from __future__ import annotations

from functools import partial

from graph import attributes
from graph.aggregates import memo
from graph.attributes import Graph, documents, own_year, path, previous_year
from graph.audit.findings import Finding, Status
from graph.audit.highlights import highlight_findings
from graph.audit.restated import restatements
from graph.audit.tables import Editions, table_findings
from graph.audit.unread import unread_findings
from graph.editions import edition_graph, edition_nodes
from graph.kinds import Kind, node_id, slug
from graph.queries import portfolios


def audit(graph: Graph, portfolio: str | None = None, year: str | None = None) -> list[Finding]:
    """Every check of every stated value, in document order.

    `portfolio` (a node id or a portfolio name) and `year` (a document's fiscal
    year: the edition stating the values) restrict the audit.
    """
    return list(memo(graph, ("audit", portfolio, year), lambda: _audit(graph, portfolio, year)))


def _audit(graph: Graph, portfolio: str | None, year: str | None) -> tuple[Finding, ...]:
    """The audit, computed: each edition once per build (the graph does not change)."""
    editions = _editions(graph)
    found: list[Finding] = []
    for node in _portfolios(graph, portfolio):
        for edition in sorted(attributes.editions(graph, node)):
            if year is None or edition == year:
                audited = partial(_audit_edition, graph, node, edition, editions)
                found += memo(graph, ("audit edition", node, edition), audited)
    return tuple(sorted(found, key=_document_order))


def problems(findings: list[Finding]) -> list[Finding]:
    """The findings that are not `ok`."""
    return [f for f in findings if f.status is not Status.OK]


def _audit_edition(graph: Graph, portfolio: str, edition: str, editions: Editions) -> list[Finding]:
    """One document against itself."""
    view = edition_graph(graph, portfolio, edition)
    found = [
        finding
        for node in edition_nodes(view, portfolio, edition)
        for finding in table_findings(view, node, editions, edition)
    ]
    previous = previous_year(graph, attributes.editions(graph, portfolio)[edition])
    found += unread_findings(view, portfolio, edition)
    found += highlight_findings(view, portfolio, edition, previous)
    return found + list(restatements(graph, portfolio, edition))


def _portfolios(graph: Graph, portfolio: str | None) -> list[str]:
    if portfolio is None:
        return portfolios(graph)
    wanted = portfolio
    if not portfolio.startswith(f"{Kind.PORTFOLIO.value}:"):
        wanted = node_id(Kind.PORTFOLIO, slug(portfolio))
    return [wanted] if wanted in graph else []


def _editions(graph: Graph) -> Editions:
    return {path(graph, d): (own_year(graph, d), previous_year(graph, d)) for d in documents(graph)}


def _document_order(f: Finding) -> tuple[str, str, int, int]:
    """Edition, file, line, cell; the sort is stable, so a line's prose values keep their order."""
    return (f.edition, f.stated_at.source, f.stated_at.line_start, f.cell)
