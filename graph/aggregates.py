"""Budget aggregates computed on demand from the leaf figures, exact `Decimal`.

Only leaf figures are inputs (element rows, supercategory rows, a program's
previous-year credits, the portfolio's crédits permanents and headcount); every
total is a sum computed here. Results are memoized in the graph's own cache,
so a new build starts with an empty one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from pathlib import Path
from typing import TypeVar

from graph.attributes import Graph
from graph.editions import counterpart, edition_for, edition_graph, portfolio_of
from graph.facts import inputs, uncomputed
from graph.kinds import Kind, Rel, kind_of
from graph.queries import categories, children, edition, edition_members, linked_for_year
from loaders.records import Measure, Provenance, Unit

T = TypeVar("T")
ONE_DECIMAL = Decimal("0.1")
HUNDRED = Decimal(100)
BUDGET_MEASURES = (Measure.EXPENDITURE, Measure.AMORTIZATION, Measure.INVESTMENT, Measure.CREDITS)


@dataclass(frozen=True, slots=True)
class Amount:
    """A computed or read figure, with how it was obtained and from which lines."""

    value: Decimal
    unit: Unit
    derivation: str
    sources: tuple[Provenance, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """`to` minus `from`, and the percentage of `from` (None, with a reason, if it has none).

    `edition` is the fiscal year of the document both years were read from (its own
    year and its comparison column); None when no one document gives both, and each
    year is read from its own document.
    """

    from_year: str
    to_year: str
    amount: Decimal | None
    percent: Decimal | None
    exact_percent: Decimal | None
    reason: str | None
    edition: str | None = None


def round_percent(value: Decimal) -> Decimal:
    """Half-up to one decimal, as the documents round their percentages."""
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return part * HUNDRED / whole


def _memo(graph: Graph, key: Hashable, compute: Callable[[], T]) -> T:
    cache: dict[Hashable, T] = graph.graph.setdefault("cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def amount(graph: Graph, node: str, measure: Measure, year: str) -> Amount | None:
    """`measure` of `node` for fiscal `year`, or None when the documents do not give it."""
    return _memo(
        graph, ("amount", node, measure, year), lambda: _amount(graph, node, measure, year)
    )


def _amount(graph: Graph, node: str, measure: Measure, year: str) -> Amount | None:
    node = _speaking_for(graph, node, year)
    if measure is Measure.CREDITS_TO_VOTE:
        return _to_vote(graph, node, year)
    if measure is Measure.CREDITS and kind_of(node) is Kind.ELEMENT:
        return _element_credits(graph, node, year) or _read(graph, node, measure, year)
    parts = _parts(graph, node, year)
    if parts and measure in BUDGET_MEASURES:
        total = _sum(graph, parts, measure, year)
        if total is not None:
            return total
    if measure is Measure.INVESTMENT and kind_of(node) is Kind.PORTFOLIO:
        return _investment_categories(graph, node, year)
    return _read(graph, node, measure, year)


def _speaking_for(graph: Graph, node: str, year: str) -> str:
    """The same program, element or category in the document that speaks for `year`
    (its own, else the next year's comparison columns), if that one was loaded."""
    speaking = edition(graph, portfolio_of(graph, node), year)
    return node if speaking is None else counterpart(graph, node, speaking) or node


def _investment_categories(graph: Graph, node: str, year: str) -> Amount | None:
    """A portfolio's investments for a year its programs do not give (the previous
    year): the sum of its investment categories, which the document does give."""
    rows = categories(graph, node, year, Rel.HAS_INVESTMENT_CATEGORY)
    return _sum(graph, rows, Measure.INVESTMENT, year) if rows else None


def _parts(graph: Graph, node: str, year: str) -> list[str]:
    kind = kind_of(node)
    if kind is Kind.PROGRAM:
        return children(graph, node, Rel.HAS_ELEMENT)
    if kind in (Kind.PORTFOLIO, Kind.ORGANIZATION):
        return edition_members(graph, node, year)
    return []


def _read(graph: Graph, node: str, measure: Measure, year: str) -> Amount | None:
    figure = inputs(graph.nodes[node]).get((measure, year))
    if figure is None:
        return None
    where = f"{figure.provenance.source}:{figure.provenance.line_start} cell {figure.cell}"
    return Amount(figure.value, figure.unit, f"read from {where}", (figure.provenance,))


def _sum(graph: Graph, parts: Sequence[str], measure: Measure, year: str) -> Amount | None:
    found = [amount(graph, part, measure, year) for part in parts]
    if any(a is None for a in found):
        return None
    known = [a for a in found if a is not None]
    kinds = sorted({kind_of(p).value for p in parts})
    derivation = f"sum of the {measure.value} {year} of {len(parts)} {'/'.join(kinds)}(s)"
    return Amount(
        sum((a.value for a in known), Decimal(0)),
        known[0].unit,
        derivation,
        tuple(dict.fromkeys(s for a in known for s in a.sources)),
    )


def _element_credits(graph: Graph, node: str, year: str) -> Amount | None:
    terms = [amount(graph, node, m, year) for m in BUDGET_MEASURES[:3]]
    if any(t is None for t in terms):
        return None
    spent, amortized, invested = (t for t in terms if t is not None)
    value = spent.value - amortized.value + invested.value
    sources = spent.sources + amortized.sources + invested.sources
    return Amount(value, spent.unit, "expenditure − amortization + investment", sources)


def _to_vote(graph: Graph, node: str, year: str) -> Amount | None:
    credits = amount(graph, node, Measure.CREDITS, year)
    permanent = amount(graph, node, Measure.PERMANENT_CREDITS, year)
    if credits is None or permanent is None:
        return None
    value = credits.value - permanent.value
    return Amount(
        value, credits.unit, "credits − crédits permanents", credits.sources + permanent.sources
    )


def change(graph: Graph, node: str, measure: Measure, from_year: str, to_year: str) -> Change:
    """How `measure` changed from one year to another: as the one document that gives
    both years states them (a later edition may restate its previous year), else from
    each year's own document."""
    chosen, view, same = _edition_view(graph, node, (from_year, to_year))
    before = amount(view, same, measure, from_year)
    after = amount(view, same, measure, to_year)
    years = (from_year, to_year)
    if before is None or after is None:
        missing = from_year if before is None else to_year
        return Change(*years, None, None, None, f"no {measure.value} for {missing}", chosen)
    difference = after.value - before.value
    if before.value == 0:
        reason = f"{from_year} is zero{_marked(graph, node, measure, to_year)}"
        return Change(*years, difference, None, None, reason, chosen)
    exact = percent(difference, before.value)
    return Change(*years, difference, round_percent(exact), exact, None, chosen)


def _edition_view(graph: Graph, node: str, years: tuple[str, str]) -> tuple[str | None, Graph, str]:
    """The edition giving both years, its view of the portfolio and `node` in it; else
    no edition, the whole graph and `node`."""
    portfolio = portfolio_of(graph, node)
    chosen = edition_for(graph, portfolio, years)
    same = None if chosen is None else counterpart(graph, node, chosen)
    if chosen is None or same is None:
        return None, graph, node
    view = _memo(
        graph, ("edition", portfolio, chosen), partial(edition_graph, graph, portfolio, chosen)
    )
    return chosen, view, same


def _marked(graph: Graph, node: str, measure: Measure, year: str) -> str:
    """Where the document of `year` marks this change as not computable, if it does."""
    attrs = graph.nodes[linked_for_year(graph, node, year)]
    for item in uncomputed(attrs):
        if item.about is measure and item.edition == year:
            where = item.marker.provenance
            written = f'writes "{item.marker.raw}"' if item.marker.raw else "leaves the cell empty"
            return f" (the document {written}: {Path(where.source).name}:{where.line_start})"
    return ""
