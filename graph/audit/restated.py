"""Restatements: a later edition's previous-year column against the earlier edition.

FORMAT.md: a later edition restates the previous year in its comparison columns,
and those figures may differ from the earlier edition's own. When both documents
are loaded, each leaf figure the later one states for its previous year (an
element's expenditure, a program's previous credits, a category row, the
headcount, the crédits permanents) is compared with the figure the earlier one
states for the same line (its own year): equal is `ok`, different is `restated`
(a restatement, reported with both lines, not an error of either document).
Totals are not compared: they follow from the leaves, whose restatement is the
news.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from graph.aggregates import Amount
from graph.attributes import Graph, editions, inputs, stated
from graph.audit.findings import Check, Claim, Finding, Identity, Status, finding
from graph.editions import counterpart, edition_nodes, own_inputs, years_of
from graph.kinds import Kind, kind_of
from loaders.records import Figure, Measure


def restatements(graph: Graph, portfolio: str, edition: str) -> Iterator[Finding]:
    """Each leaf the document of `edition` states for its previous year, against the
    previous year's own document (nothing when that one is not loaded)."""
    previous, _ = years_of(graph, portfolio, edition)
    if previous not in editions(graph, portfolio):
        return
    for node in edition_nodes(graph, portfolio, edition):
        earlier = counterpart(graph, node, previous)
        if earlier is None:
            continue
        for figure in _leaves(graph, node, edition).values():
            if figure.year == previous:
                said = _stated_by(graph, earlier, previous, figure.measure)
                if said is not None:
                    yield _compared(
                        Check(Identity.EDITION_RESTATED, node, edition, (previous,)), figure, said
                    )


def _leaves(graph: Graph, node: str, edition: str) -> dict[tuple[Measure, str], Figure]:
    """The leaf figures the document of `edition` gives on `node`."""
    if kind_of(node) is Kind.PORTFOLIO:
        return own_inputs(graph, node, edition)
    return dict(inputs(graph, node))


def _stated_by(graph: Graph, node: str, edition: str, measure: Measure) -> Figure | None:
    """The figure the document of `edition` states for its own year: a leaf, else the
    first stated figure of that measure (a program's credits, on its credits-table row)."""
    leaves = _leaves(graph, node, edition)
    if (measure, edition) in leaves:
        return leaves[(measure, edition)]
    held = stated(graph, node)
    return next(
        (s.figure for s in held if s.figure.measure is measure and s.figure.year == edition), None
    )


def _compared(check: Check, later: Figure, earlier: Figure) -> Finding:
    """`ok` when the two editions agree, else `restated`; exact, figure for figure."""
    where = f"{earlier.provenance.source}:{earlier.provenance.line_start} cell {earlier.cell}"
    derivation = f"as the {earlier.year} edition states it: {where}"
    said = Amount(earlier.value, earlier.unit, derivation, (earlier.provenance,))
    found = finding(check, Claim.of_figure(later), said, rounded=False)
    status = Status.OK if later.value == earlier.value else Status.RESTATED
    return replace(found, status=status)
