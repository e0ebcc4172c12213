"""Sorting, filtering and paging the lists the service answers: one implementation.

Every list (programs, elements, groups, units, categories, breakdown rows, search
hits) goes through `ordered`, `filtered` and `page`:

- A sort reads one value per item (`OrderField`): an amount of a measure in a
  year, the change of that measure from one year to another (in thousands of
  dollars, or in percent: the exact percentage, so 5.155 sorts above 5.15), a
  share of the parent (an element's program, else the portfolio; a breakdown row:
  the breakdown's total), the name (case and accents aside), the number.
- Nulls last: an item without the value (no figure for the year, a change over
  a zero base, a group that serves nothing) comes after every item with one, in
  either direction. Ties, and the nulls among themselves, go by name, then id.
- A filter keeps the items whose values reach every minimum given (an item
  without the value is left out), of the kinds given, served by the groups given.
- A page is `first` items from an offset, with the total the filters leave:
  `first` never changes the total.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Generic, TypeAlias, TypeVar

from graph import attributes
from graph.attributes import Graph
from graph.breakdowns import BreakdownRow, share
from graph.kinds import Kind, kind_of
from graph.org_budgets import budget_amount, budget_change, covers, served_parts
from graph.queries import group_of
from loaders.records import Measure
from loaders.text import fold

T = TypeVar("T")
Value: TypeAlias = Decimal | str | tuple[int, ...]


class OrderField(StrEnum):
    """What a list is sorted by."""

    AMOUNT = "amount"
    CHANGE_AMOUNT = "change_amount"
    CHANGE_PERCENT = "change_percent"
    SHARE = "share"
    NAME = "name"
    NUMBER = "number"


ORDER_MEANINGS: dict[OrderField, str] = {
    OrderField.AMOUNT: "the amount of the measure in the year (a group's or unit's: derived)",
    OrderField.CHANGE_AMOUNT: "the change of the measure from `from` to the year, in 000 $",
    OrderField.CHANGE_PERCENT: "that change in percent of `from` (exact, before rounding)",
    OrderField.SHARE: "the share of the parent (a breakdown row's: of the total), exact",
    OrderField.NAME: "the name, case and accents aside",
    OrderField.NUMBER: "program N, element N.M, objective or mode 2.1; else document order",
}
"""What each sort field reads."""

DESCENDING_FIRST = frozenset(
    {OrderField.AMOUNT, OrderField.CHANGE_AMOUNT, OrderField.CHANGE_PERCENT, OrderField.SHARE}
)
"""Fields whose default direction is largest first (names and numbers: ascending)."""


@dataclass(frozen=True, slots=True)
class Basis:
    """Which figures a sort or a filter reads: a measure, a year, and the year a change
    is measured from."""

    measure: Measure
    year: str
    from_year: str


@dataclass(frozen=True, slots=True)
class Order:
    field: OrderField
    descending: bool
    basis: Basis


@dataclass(frozen=True, slots=True)
class Criteria:
    """What a filter keeps; None (or empty) keeps everything."""

    basis: Basis
    min_amount: Decimal | None = None
    min_change: Decimal | None = None
    min_change_percent: Decimal | None = None
    """Compared with the percentage as shown (rounded half-up to one decimal)."""
    kinds: frozenset[Kind] = frozenset()
    served_by: frozenset[str] = frozenset()
    """Group ids: programs and elements they serve (in whole or part), their units, them."""


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """`items` from `offset` of a list of `total` items."""

    items: list[T]
    total: int
    offset: int

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.items) < self.total


def ordered(
    items: Iterable[T],
    value: Callable[[T], Value | None],
    descending: bool,
    tie: Callable[[T], tuple[str, str]],
) -> list[T]:
    """`items` by `value`, nulls last either way; ties (and nulls) by `tie`, ascending."""
    keyed = sorted(((value(i), i) for i in items), key=lambda pair: tie(pair[1]))
    known = [(v, i) for v, i in keyed if v is not None]
    known.sort(key=lambda pair: _comparable(pair[0]), reverse=descending)  # stable
    return [i for _, i in known] + [i for v, i in keyed if v is None]


def _comparable(value: Value) -> tuple[Decimal, str, tuple[int, ...]]:
    """One value as a tuple every value of a list compares with (lists hold one type)."""
    if isinstance(value, Decimal):
        return (value, "", ())
    if isinstance(value, str):
        return (Decimal(0), value, ())
    return (Decimal(0), "", value)


def page(items: Sequence[T], first: int, offset: int = 0) -> Page[T]:
    return Page(list(items[offset : offset + first]), len(items), offset)


def tie_of(graph: Graph, node: str) -> tuple[str, str]:
    return (fold(attributes.name(graph, node)), node)


def node_value(graph: Graph, node: str, field: OrderField, basis: Basis) -> Value | None:
    """The value `field` reads for a node (None when the node has none)."""
    if field is OrderField.NAME:
        return fold(attributes.name(graph, node))
    if field is OrderField.NUMBER:
        return _number(graph, node)
    if field is OrderField.AMOUNT:
        found = budget_amount(graph, node, basis.measure, basis.year)
        return None if found is None else found.value
    if field is OrderField.SHARE:
        part = share(graph, node, basis.year, measure=basis.measure)
        return None if part is None else part.exact
    change = budget_change(graph, node, basis.measure, basis.from_year, basis.year)
    return change.amount if field is OrderField.CHANGE_AMOUNT else change.exact_percent


def _number(graph: Graph, node: str) -> tuple[int, ...]:
    kind = kind_of(node)
    if kind is Kind.ELEMENT:
        return (attributes.program_number(graph, node), int(attributes.number(graph, node)))
    if attributes.has_number(graph, node):
        return tuple(int(p) for p in str(attributes.number(graph, node)).split("."))
    lines = attributes.provenances(graph, node)
    return (lines[0].line_start,) if lines else ()


def ordered_nodes(graph: Graph, nodes: Iterable[str], order: Order) -> list[str]:
    return ordered(
        nodes,
        lambda n: node_value(graph, n, order.field, order.basis),
        order.descending,
        lambda n: tie_of(graph, n),
    )


def filtered(graph: Graph, nodes: Iterable[str], criteria: Criteria) -> list[str]:
    return [n for n in nodes if kept(graph, n, criteria)]


def kept(graph: Graph, node: str, criteria: Criteria) -> bool:
    if criteria.kinds and kind_of(node) not in criteria.kinds:
        return False
    if criteria.served_by and not _served_by(graph, node, criteria.served_by):
        return False
    basis = criteria.basis
    minimums = (
        (OrderField.AMOUNT, criteria.min_amount),
        (OrderField.CHANGE_AMOUNT, criteria.min_change),
    )
    for field, low in minimums:
        if low is not None and not _reaches(node_value(graph, node, field, basis), low):
            return False
    if criteria.min_change_percent is not None:
        change = budget_change(graph, node, basis.measure, basis.from_year, basis.year)
        return _reaches(change.percent, criteria.min_change_percent)
    return True


def _reaches(value: Value | None, low: Decimal) -> bool:
    return isinstance(value, Decimal) and value >= low


def _served_by(graph: Graph, node: str, groups: frozenset[str]) -> bool:
    kind = kind_of(node)
    if kind in (Kind.PROGRAM, Kind.ELEMENT):
        return any(covers(graph, served_parts(graph, g), node) for g in groups)
    if kind in (Kind.ORG_GROUP, Kind.ORG_UNIT):
        return group_of(graph, node) in groups
    return False


def listed(
    graph: Graph, nodes: Iterable[str], order: Order | None, criteria: Criteria | None
) -> list[str]:
    """`nodes` filtered by `criteria`, then sorted by `order` (None: as given)."""
    kept_nodes = list(nodes) if criteria is None else filtered(graph, nodes, criteria)
    return kept_nodes if order is None else ordered_nodes(graph, kept_nodes, order)


def listed_rows(
    graph: Graph, rows: Iterable[BreakdownRow], order: Order | None, criteria: Criteria | None
) -> list[BreakdownRow]:
    """Breakdown rows filtered and sorted as their entities would be; a row's share is
    of the breakdown's total, so it sorts as the row's amount."""
    found = [r for r in rows if criteria is None or kept(graph, r.node, criteria)]
    if order is None:
        return found
    field = OrderField.AMOUNT if order.field is OrderField.SHARE else order.field
    return ordered(
        found,
        lambda r: node_value(graph, r.node, field, order.basis),
        order.descending,
        lambda r: tie_of(graph, r.node),
    )
