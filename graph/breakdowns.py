"""Shares and breakdowns of a portfolio's budget.

A breakdown by ORG_GROUP splits the budget by the groups of section 4: each row is
a group's derived budget (`graph.org_budgets.RULE`), so an element two groups
serve is in both rows (`overlap`) and an element no group serves in none
(`unattributed`); its total is the portfolio's own figure, and
rows − overlap + unattributed = total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from graph import attributes
from graph.aggregates import (
    BUDGET_MEASURES,
    Amount,
    amount,
    negated,
    percent,
    round_percent,
    summed,
)
from graph.attributes import Graph
from graph.errors import UnsupportedMeasureError
from graph.kinds import Kind, Rel, kind_of
from graph.org_budgets import budget_amount, served_parts
from graph.queries import categories, children, edition, in_portfolio, program_of, programs
from loaders.records import Measure, Unit

UNIT = Unit.THOUSANDS_OF_DOLLARS
SHARE_FORMULA = "percent = part ÷ whole × 100, rounded half-up to one decimal"


class Dimension(StrEnum):
    """What a breakdown groups the budget by."""

    PROGRAM = "program"
    ELEMENT = "element"
    ORGANIZATION = "organization"
    SUPERCATEGORY = "supercategory"
    INVESTMENT_CATEGORY = "investment_category"
    ORG_GROUP = "org_group"


@dataclass(frozen=True, slots=True)
class Share:
    """A node's part of a whole, as an exact and a rounded (half-up, 0.1) percentage,
    with the two figures it was computed from (`SHARE_FORMULA`)."""

    of: str
    percent: Decimal
    exact: Decimal
    part: Amount
    whole: Amount


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    node: str
    label: str
    amount: Amount
    share: Decimal | None


@dataclass(frozen=True, slots=True)
class Breakdown:
    """The rows, largest first, and their total; for ORG_GROUP also what the rows count
    twice (`overlap`), what no row counts (`unattributed`) and the groups without a row."""

    dimension: Dimension
    measure: Measure
    year: str
    rows: list[BreakdownRow]
    total: Amount
    portfolio: str
    overlap: Amount | None = None
    unattributed: Amount | None = None
    unbudgeted: tuple[str, ...] = ()


def parent_of(graph: Graph, node: str) -> str | None:
    """The whole a node's share is of: an element's program, else its portfolio
    (None for a node in no portfolio, such as a portfolio)."""
    if kind_of(node) is Kind.ELEMENT:
        return program_of(graph, node)
    return attributes.portfolio(graph, node)


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
    part = budget_amount(graph, node, _measure_of(node, measure), year)
    whole = budget_amount(graph, whole_node, _measure_of(node, measure), year)
    if part is None or whole is None:
        return None
    return share_of(whole_node, part, whole)


def share_of(of: str, part: Amount, whole: Amount) -> Share | None:
    """`part` as a percentage of `whole` (None for a zero whole)."""
    if whole.value == 0:
        return None
    exact = percent(part.value, whole.value)
    return Share(of, round_percent(exact), exact, part, whole)


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
    if by is Dimension.ORG_GROUP:
        chosen = edition(graph, portfolio, year)
        return [] if chosen is None else in_portfolio(graph, Kind.ORG_GROUP, portfolio, chosen)
    return found


MEASURES: dict[Dimension, tuple[Measure, ...]] = {
    Dimension.PROGRAM: BUDGET_MEASURES,
    Dimension.ELEMENT: BUDGET_MEASURES,
    Dimension.ORGANIZATION: BUDGET_MEASURES,
    Dimension.SUPERCATEGORY: (Measure.EXPENDITURE,),
    Dimension.INVESTMENT_CATEGORY: (Measure.INVESTMENT,),
    Dimension.ORG_GROUP: BUDGET_MEASURES,
}
"""What each dimension can split, its default first: supercategories split expenditure,
investment categories investments; programs, elements, organizations, groups all four."""


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
    if by is Dimension.ORG_GROUP:
        return _by_org_group(graph, portfolio, year, measure)
    found = [(n, amount(graph, n, measure, year)) for n in members(graph, portfolio, year, by)]
    known = [(n, a) for n, a in found if a is not None]
    if not known or len(known) != len(found):
        return None
    total = _total(known)
    return Breakdown(by, measure, year, _rows(graph, known, total), total, portfolio)


def _rows(graph: Graph, parts: list[tuple[str, Amount]], total: Amount) -> list[BreakdownRow]:
    rows = [_row(graph, node, part, total.value) for node, part in parts]
    return sorted(rows, key=lambda r: (-r.amount.value, r.label))


def row_share(found: Breakdown, row: BreakdownRow) -> Share | None:
    """A row's share of its breakdown's total, with the two figures."""
    return share_of(found.portfolio, row.amount, found.total)


def _by_org_group(graph: Graph, portfolio: str, year: str, measure: Measure) -> Breakdown | None:
    groups = members(graph, portfolio, year, Dimension.ORG_GROUP)
    found = [(g, budget_amount(graph, g, measure, year)) for g in groups]
    known = [(g, a) for g, a in found if a is not None]
    total = amount(graph, portfolio, measure, year)
    served = {part for g in groups for part in served_parts(graph, g)}
    counted = _sum_of(graph, _once(graph, served), measure, year, "served by a group, once each")
    rest = _sum_of(
        graph, _unserved(graph, portfolio, year, served), measure, year, "no group serves"
    )
    if total is None or counted is None or rest is None or not known:
        return None
    rows = _rows(graph, known, total)
    overlap = _overlap(rows, counted)
    unbudgeted = tuple(g for g, a in found if a is None)
    return Breakdown(
        Dimension.ORG_GROUP, measure, year, rows, total, portfolio, overlap, rest, unbudgeted
    )


def _once(graph: Graph, served: set[str]) -> list[str]:
    """The served elements and programs, an element within a served program left out."""
    return sorted(
        n for n in served if kind_of(n) is Kind.PROGRAM or program_of(graph, n) not in served
    )


def _unserved(graph: Graph, portfolio: str, year: str, served: set[str]) -> list[str]:
    """The year's programs no group serves any of, and the unserved elements of the others."""
    found: list[str] = []
    for node in programs(graph, portfolio, year):
        elements = children(graph, node, Rel.HAS_ELEMENT)
        if node in served:
            continue
        if not served.intersection(elements):
            found.append(node)
        else:
            found.extend(e for e in elements if e not in served)
    return found


def _sum_of(
    graph: Graph, nodes: list[str], measure: Measure, year: str, what: str
) -> Amount | None:
    found = [amount(graph, n, measure, year) for n in nodes]
    if any(a is None for a in found):
        return None
    known = [a for a in found if a is not None]
    value = sum((a.value for a in known), Decimal(0))
    sources = tuple(dict.fromkeys(s for a in known for s in a.sources))
    derivation = f"sum of the {measure.value} {year} of the {len(nodes)} part(s) {what}"
    return Amount(value, known[0].unit if known else UNIT, derivation, sources, summed(known))


def _overlap(rows: list[BreakdownRow], counted: Amount) -> Amount:
    value = sum((r.amount.value for r in rows), Decimal(0)) - counted.value
    derivation = f"the rows' sum − the {counted.derivation}"
    terms = summed([r.amount for r in rows]) + negated(counted.terms)
    return Amount(value, counted.unit, derivation, counted.sources, terms)


def _total(parts: list[tuple[str, Amount]]) -> Amount:
    value = sum((a.value for _, a in parts), Decimal(0))
    sources = tuple(s for _, a in parts for s in a.sources)
    terms = summed([a for _, a in parts])
    return Amount(value, parts[0][1].unit, f"sum of the {len(parts)} rows", sources, terms)


def _row(graph: Graph, node: str, part: Amount, total: Decimal) -> BreakdownRow:
    share = round_percent(percent(part.value, total)) if total else None
    return BreakdownRow(node, attributes.name(graph, node), part, share)
