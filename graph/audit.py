"""Auditing a document against itself: every identity of FORMAT.md, every stated value.

The graph keeps only leaf figures as inputs (element rows, supercategory and
investment category rows, headcount, crédits permanents, the previous year's
credits of each program, the comparison tables' previous-year expenditure);
every total, change, share and prose amount the document states is kept as a
*stated* value. `audit` compares each stated value with the value the leaf
figures give through `graph.aggregates` and returns one `Finding` per check,
with both sides' provenance. It never corrects a figure.

Each document (edition) is audited against itself: when several fiscal years
of one portfolio are loaded, a document's previous-year column is checked
against its own figures, not against the previous year's document (which may
restate them); see `edition_graph`. `audit(graph, portfolio, year)` restricts
the audit to one portfolio and to the documents of one fiscal year.

Identities (`Identity`; a finding's `measure` says which column it checks):

- `element.credits`: an elements-table row's credits = its expenditure −
  amortization + investment.
- `program.total`: the `Total Programme N` row = the sum of the element rows
  (expenditure, amortization, investment, credits).
- `program.row`: the program's row of the portfolio credits table = the same
  sums (credits of the year; the previous year's credits are a leaf).
- `program.credits`: credits = expenditure − amortization + investment within
  each of those two stated program rows.
- `program.share`: section 3's `Ce programme représente X %` = program
  expenditure / portfolio expenditure × 100.
- `comparison.amount`: a comparison row's amounts = the element's expenditure
  (elements table), or for the total row the sums of the elements, both years.
- `comparison.variation`: variation = year − previous year.
- `comparison.percent`: % = variation / previous year × 100.
- `portfolio.total`: the credits table's total row = the sums over programs
  (all four columns, and the previous year's credits).
- `portfolio.credits`: credits = expenditure − amortization + investment within
  that stated total row.
- `portfolio.credits_to_vote`: `Crédits à voter` = credits − `Crédits
  permanents`, both years (credits summed from the elements).
- `supercategory.total`: the supercategories' `Total` = the sum of
  `Rémunération`, `Fonctionnement`, `Transfert`, both years.
- `supercategory.programs`: that `Total` = the programs' total expenditure,
  both years.
- `supercategory.percent`: each supercategory row's % and the `Total` row's %
  (computed from the sum of the rows) = change / previous × 100.
- `headcount.percent`: `Effectif total`'s % likewise.
- `investment.total`: the investment `Total` = the sum of its categories.
- `investment.programs`: that `Total` = the programs' investments (only for the
  document's year: no table splits the previous year's investments).
- `investment.percent`: each investment row's %, and the `Total` row's %.
- `highlight.amount`, `highlight.percent`: section 1's rounded dollar amounts
  and percentages = the quantity their words name (see
  `graph.audit_highlights`) for the subject they name, computed from the leaves.

A check whose computed side the graph cannot give (a missing year, a change
over a zero base, a highlight whose words name no quantity the graph holds) is
not reported: the audit reports what it checked.

Statuses and rounding rules (`graph.audit_findings`):

- Amounts (table sums and differences, in 000 $ with one decimal; headcount):
  exact comparison. Equal is `ok`. A difference of exactly one unit of the
  stated value's last decimal (0,1 thousand dollars; one person) is `rounding`:
  rows rounded one by one to the published decimal can sum to one unit off
  their rounded total. Anything else is `mismatch`.
- Percentages (one decimal in the tables, or as many as the document writes):
  the exact computed value is rounded half-up (ties away from zero) to the
  stated precision. Equal is `ok` (stated `3,2` against 3.2012). Otherwise,
  when the stated value lies less than 0.6 of a step (0.06 point at one
  decimal) from the exact value, it is the other rounding of that exact value
  near a half-way point (truncation, half-down or half-even, or a value first
  rounded to two decimals), which is `rounding`: exact 5.1552 stated `5,1`
  (5.2 half-up; 0.055 away). Farther is `mismatch`: exact 3.27 stated `3,2`
  (0.07 away: no rounding of 3.27 to one decimal gives 3.2 unless it drops
  more than one digit).
- Prose amounts (whole dollars): the computed amount in dollars is rounded
  half-up to the nearest 100 000 $ (or to the stated amount's own precision
  when it is written more finely). Equal is `ok`; within 0.6 of a step
  (60 000 $) of the exact amount is `rounding`; farther is `mismatch`.
"""

from __future__ import annotations

from typing import Any

from graph.audit_findings import Finding, Identity, Status
from graph.audit_highlights import highlight_findings
from graph.audit_tables import Editions, table_findings
from graph.facts import Key, inputs
from graph.kinds import Kind, Rel, node_id, slug
from graph.nodes import Graph
from graph.queries import children, portfolios
from loaders.records import Figure

__all__ = ["Finding", "Identity", "Status", "audit", "edition_graph", "problems"]
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
