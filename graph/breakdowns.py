"""Shares and breakdowns of a portfolio's budget."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from graph.aggregates import BUDGET_MEASURES, Amount, amount, percent, round_percent
from graph.attributes import Graph
from graph.errors import UnsupportedMeasureError
from graph.kinds import Kind, Rel, kind_of
from graph.queries import categories, children, program_of, programs
from loaders.records import Measure


class Dimension(StrEnum):
    """What a breakdown groups the budget by."""

    PROGRAM = "program"
    ELEMENT = "element"
    ORGANIZATION = "organization"
    SUPERCATEGORY = "supercategory"
    INVESTMENT_CATEGORY = "investment_category"


@dataclass(frozen=True, slots=True)
class Share:
    """A node's part of a whole, as an exact and a rounded (half-up, 0.1) percentage."""

    of: str
    percent: Decimal
    exact: Decimal


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    node: str
    label: str
    amount: Amount
    share: Decimal | None


@dataclass(frozen=True, slots=True)
class Breakdown:
    dimension: Dimension
    measure: Measure
    year: str
    rows: list[BreakdownRow]
    total: Amount


def parent_of(graph: Graph, node: str) -> str | None:
    """The whole a node's share is of: an element's program, else its portfolio
    (None for a node in no portfolio, such as a portfolio)."""
    if kind_of(node) is Kind.ELEMENT:
        return program_of(graph, node)
    portfolio = graph.nodes[node].get("portfolio")
    return None if portfolio is None else str(portfolio)


def share(
    graph: Graph,
    node: str,
    year: str,
    of: str | None = None,
    measure: Measure = Measure.EXPENDITURE,
) -> Share | None:
    """`node`'s part of `of` (default: its parent) for `measure` in `year`."""
    whole_node = of or parent_of(graph, node)
    if whole_node is None:
        return None
    part = amount(graph, node, _measure_of(node, measure), year)
    whole = amount(graph, whole_node, _measure_of(node, measure), year)
    if part is None or whole is None or whole.value == 0:
        return None
    exact = percent(part.value, whole.value)
    return Share(whole_node, round_percent(exact), exact)


def _measure_of(node: str, measure: Measure) -> Measure:
    return Measure.INVESTMENT if kind_of(node) is Kind.INVESTMENT_CATEGORY else measure


def members(graph: Graph, portfolio: str, year: str, by: Dimension) -> list[str]:
    found = programs(graph, portfolio, year)
    if by is Dimension.ELEMENT:
        return [e for p in found for e in children(graph, p, Rel.HAS_ELEMENT)]
    if by is Dimension.ORGANIZATION:
        return [o for o in children(graph, portfolio, Rel.HAS_ORGANIZATION)]
    if by is Dimension.SUPERCATEGORY:
        return categories(graph, portfolio, year, Rel.HAS_SUPERCATEGORY)
    if by is Dimension.INVESTMENT_CATEGORY:
        return categories(graph, portfolio, year, Rel.HAS_INVESTMENT_CATEGORY)
    return found


MEASURES: dict[Dimension, tuple[Measure, ...]] = {
    Dimension.PROGRAM: BUDGET_MEASURES,
    Dimension.ELEMENT: BUDGET_MEASURES,
    Dimension.ORGANIZATION: BUDGET_MEASURES,
    Dimension.SUPERCATEGORY: (Measure.EXPENDITURE,),
    Dimension.INVESTMENT_CATEGORY: (Measure.INVESTMENT,),
}
"""What each dimension can split, its default first: supercategories split expenditure,
investment categories investments; programs, elements, organizations all four."""


def checked_measure(by: Dimension, measure: Measure | None) -> Measure:
    allowed = MEASURES[by]
    if measure is None:
        return allowed[0]
    if measure not in allowed:
        names = ", ".join(m.name for m in allowed)
        raise UnsupportedMeasureError(
            f"a breakdown by {by.name} splits {names} only, not {measure.name}"
        )
    return measure


def breakdown(
    graph: Graph,
    portfolio: str,
    year: str,
    by: Dimension,
    measure: Measure | None = None,
) -> Breakdown | None:
    """The portfolio's `measure` for `year` split by `by`, largest first, with the total
    (None when a row has no figure for that year)."""
    measure = checked_measure(by, measure)
    found = [(n, amount(graph, n, measure, year)) for n in members(graph, portfolio, year, by)]
    known = [(n, a) for n, a in found if a is not None]
    if not known or len(known) != len(found):
        return None
    total = _total(known)
    rows = [_row(graph, node, part, total.value) for node, part in known]
    rows.sort(key=lambda r: (-r.amount.value, r.label))
    return Breakdown(by, measure, year, rows, total)


def _total(parts: list[tuple[str, Amount]]) -> Amount:
    value = sum((a.value for _, a in parts), Decimal(0))
    sources = tuple(s for _, a in parts for s in a.sources)
    return Amount(value, parts[0][1].unit, f"sum of the {len(parts)} rows", sources)


def _row(graph: Graph, node: str, part: Amount, total: Decimal) -> BreakdownRow:
    share = round_percent(percent(part.value, total)) if total else None
    return BreakdownRow(node, graph.nodes[node]["name"], part, share)
