"""Budget aggregates computed on demand from the leaf figures, exact `Decimal`.

Only leaf figures are inputs (element rows, supercategory rows, a program's
previous-year credits, the portfolio's crédits permanents and headcount); every
total is a sum computed here. Results are memoized in the graph's own cache,
so a new build starts with an empty one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from pathlib import Path
from typing import TypeVar

from graph import attributes
from graph.attributes import Graph, inputs, uncomputed
from graph.editions import counterpart, edition_for, edition_graph
from graph.kinds import Kind, Rel, kind_of
from graph.queries import (
    categories,
    children,
    edition,
    edition_members,
    linked_for_year,
    portfolio_of,
)
from loaders.records import Figure, Measure, Provenance, Unit

T = TypeVar("T")
ONE_DECIMAL = Decimal("0.1")
HUNDRED = Decimal(100)
BUDGET_MEASURES = (Measure.EXPENDITURE, Measure.AMORTIZATION, Measure.INVESTMENT, Measure.CREDITS)


@dataclass(frozen=True, slots=True)
class Term:
    """A leaf figure an amount adds (`sign` 1) or subtracts (−1)."""

    sign: int
    figure: Figure


@dataclass(frozen=True, slots=True)
class Amount:
    """A computed or read figure, with how it was obtained and from which lines.

    `terms`: for a figure read or summed from leaf figures, each of them with its
    sign (Σ sign × value = value); empty for a quotient such as a percentage.
    """

    value: Decimal
    unit: Unit
    derivation: str
    sources: tuple[Provenance, ...]
    terms: tuple[Term, ...] = ()


def negated(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    return tuple(Term(-t.sign, t.figure) for t in terms)


def summed(amounts: Sequence[Amount]) -> tuple[Term, ...]:
    """The terms of a sum of `amounts`."""
    return tuple(t for a in amounts for t in a.terms)


CHANGE_FORMULA = (
    "amount = `to` − `from`; percent = amount ÷ `from` × 100, rounded half-up to one "
    "decimal (none when `from` is zero)"
)


@dataclass(frozen=True, slots=True)
class Change:
    """`to` minus `from`, and the percentage of `from` (None, with a reason, if it has none);
    `before` and `after` are the two figures it was computed from.

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
    before: Amount | None = None
    after: Amount | None = None
    edition: str | None = None


def round_percent(value: Decimal) -> Decimal:
    """Half-up to one decimal, as the documents round their percentages."""
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def credits_of(expenditure: Decimal, amortization: Decimal, investment: Decimal) -> Decimal:
    """Credits = expenditure − amortization + investment (FORMAT.md's first identity)."""
    return expenditure - amortization + investment


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return part * HUNDRED / whole


def memo(graph: Graph, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, once per build: kept in the graph's cache under `key`."""
    cache = attributes.cache(graph)
    if key not in cache:
        cache[key] = compute()
    found: T = cache[key]
    return found


def amount(graph: Graph, node: str, measure: Measure, year: str) -> Amount | None:
    """`measure` of `node` for fiscal `year`, or None when the documents do not give it."""
    return memo(graph, ("amount", node, measure, year), lambda: _amount(graph, node, measure, year))


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
    figure = inputs(graph, node).get((measure, year))
    if figure is None:
        return None
    where = f"{figure.provenance.source}:{figure.provenance.line_start} cell {figure.cell}"
    read = (Term(1, figure),)
    return Amount(figure.value, figure.unit, f"read from {where}", (figure.provenance,), read)


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
        summed(known),
    )


def _element_credits(graph: Graph, node: str, year: str) -> Amount | None:
    found = [amount(graph, node, m, year) for m in BUDGET_MEASURES[:3]]
    if any(f is None for f in found):
        return None
    spent, amortized, invested = (f for f in found if f is not None)
    value = spent.value - amortized.value + invested.value
    sources = spent.sources + amortized.sources + invested.sources
    terms = spent.terms + negated(amortized.terms) + invested.terms
    return Amount(value, spent.unit, "expenditure − amortization + investment", sources, terms)


def _to_vote(graph: Graph, node: str, year: str) -> Amount | None:
    credits = amount(graph, node, Measure.CREDITS, year)
    permanent = amount(graph, node, Measure.PERMANENT_CREDITS, year)
    if credits is None or permanent is None:
        return None
    value = credits.value - permanent.value
    sources = credits.sources + permanent.sources
    terms = credits.terms + negated(permanent.terms)
    return Amount(value, credits.unit, "credits − crédits permanents", sources, terms)


def change(graph: Graph, node: str, measure: Measure, from_year: str, to_year: str) -> Change:
    """How `measure` changed from one year to another: as the one document that gives
    both years states them (a later edition may restate its previous year), else from
    each year's own document."""
    chosen, view, same = _edition_view(graph, node, (from_year, to_year))
    before = amount(view, same, measure, from_year)
    after = amount(view, same, measure, to_year)
    found = change_between(before, after, measure, from_year, to_year)
    if before is not None and after is not None and before.value == 0:
        marked = found.reason or ""
        found = replace(found, reason=marked + _marked(graph, node, measure, to_year))
    return replace(found, edition=chosen)


def change_between(
    before: Amount | None, after: Amount | None, measure: Measure, from_year: str, to_year: str
) -> Change:
    """The change from `before` (of `from_year`) to `after` (of `to_year`)."""
    if before is None or after is None:
        missing = from_year if before is None else to_year
        reason = f"no {measure.value} for {missing}"
        return Change(from_year, to_year, None, None, None, reason, before, after)
    difference = after.value - before.value
    if before.value == 0:
        reason = f"{from_year} is zero"
        return Change(from_year, to_year, difference, None, None, reason, before, after)
    exact = percent(difference, before.value)
    return Change(from_year, to_year, difference, round_percent(exact), exact, None, before, after)


def _edition_view(graph: Graph, node: str, years: tuple[str, str]) -> tuple[str | None, Graph, str]:
    """The edition giving both years, its view of the portfolio and `node` in it; else
    no edition, the whole graph and `node`."""
    portfolio = portfolio_of(graph, node)
    chosen = edition_for(graph, portfolio, years)
    same = None if chosen is None else counterpart(graph, node, chosen)
    if chosen is None or same is None:
        return None, graph, node
    view = memo(
        graph, ("edition", portfolio, chosen), partial(edition_graph, graph, portfolio, chosen)
    )
    return chosen, view, same


def _marked(graph: Graph, node: str, measure: Measure, year: str) -> str:
    """Where the document of `year` marks this change as not computable, if it does."""
    for item in uncomputed(graph, linked_for_year(graph, node, year)):
        if item.about is measure and item.edition == year:
            where = item.marker.provenance
            written = f'writes "{item.marker.raw}"' if item.marker.raw else "leaves the cell empty"
            return f" (the document {written}: {Path(where.source).name}:{where.line_start})"
    return ""


def variation(after: Amount, before: Amount, years: tuple[str, str]) -> Amount:
    """`after − before`, with both sides' provenance."""
    derivation = f"{years[1]} − {years[0]}: ({after.derivation}) − ({before.derivation})"
    return Amount(
        after.value - before.value, after.unit, derivation, after.sources + before.sources
    )


def change_percent(before: Amount, after: Amount, years: tuple[str, str]) -> Amount | None:
    """`(after − before) / before × 100`, exact; None when `before` is zero."""
    if before.value == 0:
        return None
    change = variation(after, before, years)
    derivation = f"({change.derivation}) / ({before.derivation}) × 100"
    return Amount(percent(change.value, before.value), Unit.PERCENT, derivation, change.sources)


def share_percent(part: Amount, whole: Amount) -> Amount | None:
    """`part / whole × 100`, exact; None when `whole` is zero."""
    if whole.value == 0:
        return None
    derivation = f"({part.derivation}) / ({whole.derivation}) × 100"
    value = percent(part.value, whole.value)
    return Amount(value, Unit.PERCENT, derivation, part.sources + whole.sources)
