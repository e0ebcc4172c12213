"""Sorted, filtered and paged lists: the arguments every list takes, and the `Page` type.

The work is `graph.listing`'s: this module checks the arguments (years, group names,
page sizes, cursors), turns them into its `Order` and `Criteria`, and its pages
into GraphQL pages. A list field takes `orderBy`, `filter` and `first`; its page
field beside it (`programsPage` beside `programs`) also `after`, and gives the
`totalCount` the filter leaves, whatever `first` is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from enum import Enum
from typing import Annotated, Generic, TypeVar

import strawberry
from strawberry import relay

from graph import attributes, listing
from graph.attributes import Graph
from graph.kinds import Kind
from graph.listing import ORDER_MEANINGS, OrderField
from graph.queries import find_by_name, in_portfolio, year_before
from loaders.years import previous_year
from schema.arguments import MAX_PAGE, checked_size, checked_year
from schema.enums import Measure, described_values
from schema.errors import bad_input, one_of
from schema.pagination import cursor_at, offset_after

T = TypeVar("T")
U = TypeVar("U")

strawberry.enum(OrderField, description="What a list is sorted by.")
described_values(OrderField, ORDER_MEANINGS)


@strawberry.enum(description="Which way a list is sorted; nulls come last either way.")
class SortDirection(Enum):
    ASC = strawberry.enum_value("asc", description="Smallest (or A) first.")
    DESC = strawberry.enum_value("desc", description="Largest (or Z) first.")


YEAR = "The fiscal year of the figures (default: the list's year)."
FROM = "The year a change is from (default: the year before `year`)."


@strawberry.input(description="How to sort a list: by a field, of a measure, in a year.")
class ListOrder:
    field: OrderField = strawberry.field(description="What to sort by.")
    direction: SortDirection | None = strawberry.field(
        default=None,
        description="ASC or DESC (default: DESC for amounts, changes and shares, ASC for "
        "names and numbers). Items without the value come last either way, by name.",
    )
    measure: Measure = strawberry.field(
        default=Measure.EXPENDITURE, description="The measure amounts and changes read."
    )
    year: str | None = strawberry.field(default=None, description=YEAR)
    from_: str | None = strawberry.field(default=None, name="from", description=FROM)


@strawberry.input(description="Which items of a list to keep: every condition given holds.")
class ListFilter:
    measure: Measure = strawberry.field(
        default=Measure.EXPENDITURE, description="The measure the minimums read."
    )
    year: str | None = strawberry.field(default=None, description=YEAR)
    from_: str | None = strawberry.field(default=None, name="from", description=FROM)
    min_amount: Decimal | None = strawberry.field(
        default=None, description="Only items whose amount is at least this (000 $)."
    )
    min_change: Decimal | None = strawberry.field(
        default=None, description="Only items whose change is at least this (000 $)."
    )
    min_change_percent: Decimal | None = strawberry.field(
        default=None,
        description="Only items whose change in percent, as shown (rounded half-up to one "
        "decimal), is at least this; items with no percentage are left out.",
    )
    kinds: list[Kind] | None = strawberry.field(
        default=None, description="Only entities of these kinds."
    )
    org_group: str | None = strawberry.field(
        default=None,
        description="Only what the group of this name serves (programs and elements, in "
        "whole or in part), its units, or the group itself; case and accents aside.",
    )


@strawberry.type(description="An item of a page, with the cursor to page on after it.")
class PageEdge(Generic[T]):
    cursor: str = strawberry.field(description="Give it as `after` for the items after this.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a sorted, filtered list, and the whole list's size.")
class Page(Generic[T]):
    total_count: int = strawberry.field(
        description="How many items the filtered list holds across all pages (`first` "
        "does not change it)."
    )
    edges: list[PageEdge[T]] = strawberry.field(description="The page's items, in order.")
    page_info: relay.PageInfo = strawberry.field(description="Where the page sits.")


OrderBy = Annotated[ListOrder | None, strawberry.argument(description="How to sort it.")]
Where = Annotated[
    ListFilter | None, strawberry.argument(name="filter", description="What to keep.")
]
First = Annotated[
    int | None,
    strawberry.argument(description=f"At most this many items (0 to {MAX_PAGE}); default: all."),
]
PageSize = Annotated[
    int | None,
    strawberry.argument(description=f"At most this many items (0 to {MAX_PAGE}; default 100)."),
]
After = Annotated[
    str | None,
    strawberry.argument(description="Start after the item of this cursor (`endCursor`)."),
]


def basis_of(
    graph: Graph, portfolio: str, year: str, measure: Measure, asked: str | None, since: str | None
) -> listing.Basis:
    """The figures a sort or filter reads, its years checked against the portfolio's."""
    chosen = year if asked is None else checked_year(graph, portfolio, asked)
    start = year_before(graph, portfolio, chosen) or previous_year(chosen)
    if since is not None:
        start = checked_year(graph, portfolio, since)
    if start >= chosen:
        raise bad_input(f'`from` ("{start}") must be a year before `year` ("{chosen}")')
    return listing.Basis(measure.record, chosen, start)


def order_of(graph: Graph, portfolio: str, year: str, order: ListOrder) -> listing.Order:
    basis = basis_of(graph, portfolio, year, order.measure, order.year, order.from_)
    if order.direction is None:
        descending = order.field in listing.DESCENDING_FIRST
    else:
        descending = order.direction is SortDirection.DESC
    return listing.Order(order.field, descending, basis)


def criteria_of(
    graph: Graph, portfolio: str, year: str, where: ListFilter | None
) -> listing.Criteria | None:
    if where is None:
        return None
    basis = basis_of(graph, portfolio, year, where.measure, where.year, where.from_)
    groups = () if where.org_group is None else groups_named(graph, portfolio, where.org_group)
    return listing.Criteria(
        basis,
        where.min_amount,
        where.min_change,
        where.min_change_percent,
        frozenset(where.kinds or ()),
        frozenset(groups),
    )


def groups_named(graph: Graph, portfolio: str, name: str) -> list[str]:
    """The portfolio's groups of that name (one per document year)."""
    found = [
        g
        for g in find_by_name(graph, Kind.ORG_GROUP, name)
        if attributes.portfolio(graph, g) == portfolio
    ]
    if not found:
        groups = in_portfolio(graph, Kind.ORG_GROUP, portfolio)
        names = sorted({attributes.name(graph, g) for g in groups})
        raise bad_input(f'unknown group "{name}": {one_of(names)}')
    return found


def arranged(
    graph: Graph,
    nodes: Iterable[str],
    portfolio: str,
    year: str,
    order: ListOrder | None,
    where: ListFilter | None,
) -> list[str]:
    """`nodes` filtered and sorted as asked (without `order`, in the list's own order)."""
    criteria = criteria_of(graph, portfolio, year, where)
    chosen = None if order is None else order_of(graph, portfolio, year, order)
    return listing.listed(graph, nodes, chosen, criteria)


def top(items: Sequence[T], first: int | None) -> list[T]:
    """The first `first` items (all when None)."""
    if first is None:
        return list(items)
    return list(items[: checked_size("first", first)])


def page_of(items: Sequence[T], first: int | None, after: str | None) -> Page[T]:
    """A page of `items`: `first` of them (default 100) after the cursor `after`."""
    return page_mapped(items, first, after, lambda item: item)


def page_mapped(
    items: Sequence[T], first: int | None, after: str | None, wrap: Callable[[T], U]
) -> Page[U]:
    """A page of `items`, each item of the page (only) wrapped by `wrap`."""
    size = MAX_PAGE if first is None else checked_size("first", first)
    found = listing.page(items, size, offset_after(after))
    edges = [
        PageEdge(cursor=cursor_at(found.offset + i), node=wrap(n))
        for i, n in enumerate(found.items)
    ]
    info = relay.PageInfo(
        has_next_page=found.has_next,
        has_previous_page=found.offset > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Page(total_count=found.total, edges=edges, page_info=info)
