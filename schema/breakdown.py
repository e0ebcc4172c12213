"""Breakdowns: a portfolio's budget for a year split by a dimension, row by row, each row
with its figure, share and change and what they were computed from."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from graph import breakdowns, listing, org_budgets
from graph.attributes import Graph
from graph.errors import UnsupportedMeasureError
from graph.org_budgets import RULE
from schema.arguments import checked_year
from schema.budget import Change, FromYear, YearArgument, change_of
from schema.enums import Dimension, Measure
from schema.errors import bad_input
from schema.figures import THOUSANDS, Amount, Share
from schema.listing import (
    After,
    First,
    OrderBy,
    Page,
    PageSize,
    Where,
    criteria_of,
    order_of,
    page_of,
    top,
)
from schema.nodes import Entity, entities, entity
from schema.organization import OrgBudget

MEASURE = (
    "What to split: supercategories split EXPENDITURE, investment categories INVESTMENT; "
    "programs, elements, organizations and groups EXPENDITURE (the default), "
    "AMORTIZATION, INVESTMENT or CREDITS."
)
BY_GROUP = f"By ORG_GROUP a row is a group's derived budget: {RULE}"


@strawberry.type(description="One row of a breakdown: a part of the whole.")
class BreakdownRow:
    label: str = strawberry.field(description="The part's name, as the document writes it.")
    amount: Decimal = strawberry.field(description=f"The part's amount, {THOUSANDS}.")
    share: Decimal | None = strawberry.field(
        description="The part's percentage of the total, rounded half-up to one decimal."
    )
    entity: Entity = strawberry.field(description="The part itself.")
    graph: strawberry.Private[Graph]
    found: strawberry.Private[breakdowns.Breakdown]
    row: strawberry.Private[breakdowns.BreakdownRow]

    @classmethod
    def of(
        cls, graph: Graph, found: breakdowns.Breakdown, row: breakdowns.BreakdownRow
    ) -> BreakdownRow:
        return cls(
            label=row.label,
            amount=row.amount.value,
            share=row.share,
            entity=entity(graph, row.node),
            graph=graph,
            found=found,
            row=row,
        )

    @strawberry.field(description="The amount with how it was obtained and its lines.")
    def amount_detail(self) -> Amount:
        return Amount.of(self.row.amount)

    @strawberry.field(description="The share of the total, with the two figures.")
    def share_detail(self) -> Share | None:
        found = breakdowns.row_share(self.found, self.row)
        return None if found is None else Share.of_share(self.graph, found)

    @strawberry.field(
        description="By ORG_GROUP: the group's derived budget, with the parts it counts and "
        "the serves edges each rests on, with their confidence; null for other dimensions."
    )
    def org_budget(self) -> OrgBudget | None:
        if self.found.dimension is not Dimension.ORG_GROUP:
            return None
        found = org_budgets.org_budget(
            self.graph, self.row.node, self.found.measure, self.found.year
        )
        return None if found is None else OrgBudget.of(self.graph, found)

    @strawberry.field(
        description="How the row's figure changed between two years the graph has "
        "(default: from the year before to the breakdown's year)."
    )
    def change(
        self,
        from_: FromYear = None,
        to: YearArgument = None,
    ) -> Change:
        measure = Measure.of(self.found.measure)
        after = (
            self.found.year if to is None else checked_year(self.graph, self.found.portfolio, to)
        )
        return change_of(self.graph, self.row.node, measure, from_, after)


@strawberry.type(description=f"A portfolio's budget for one year split by a dimension. {BY_GROUP}")
class Breakdown:
    dimension: Dimension = strawberry.field(description="What the rows are.")
    measure: Measure = strawberry.field(description="What the amounts measure.")
    year: str = strawberry.field(description="The fiscal year.")
    total: Decimal = strawberry.field(
        description=f"The sum of the rows, {THOUSANDS}; by ORG_GROUP the portfolio's own "
        "figure (rows − overlap + unattributed)."
    )
    graph: strawberry.Private[Graph]
    found: strawberry.Private[breakdowns.Breakdown]

    @classmethod
    def of(cls, graph: Graph, found: breakdowns.Breakdown) -> Breakdown:
        return cls(
            dimension=found.dimension,
            measure=Measure.of(found.measure),
            year=found.year,
            total=found.total.value,
            graph=graph,
            found=found,
        )

    def _rows(self, order_by: OrderBy, where: Where) -> list[BreakdownRow]:
        graph, found = self.graph, self.found
        order = None if order_by is None else order_of(graph, found.portfolio, found.year, order_by)
        criteria = criteria_of(graph, found.portfolio, found.year, where)
        rows = listing.listed_rows(graph, found.rows, order, criteria)
        return [BreakdownRow.of(graph, found, r) for r in rows]

    @strawberry.field(description="The parts, largest first (or as `orderBy` says).")
    def rows(
        self, order_by: OrderBy = None, where: Where = None, first: First = None
    ) -> list[BreakdownRow]:
        return top(self._rows(order_by, where), first)

    @strawberry.field(description="A page of the parts, with how many the filter keeps.")
    def rows_page(
        self,
        order_by: OrderBy = None,
        where: Where = None,
        first: PageSize = None,
        after: After = None,
    ) -> Page[BreakdownRow]:
        return page_of(self._rows(order_by, where), first, after)

    @strawberry.field(description="The total with how it was obtained and its lines.")
    def total_detail(self) -> Amount:
        return Amount.of(self.found.total)

    @strawberry.field(
        description="By ORG_GROUP: what the rows count more than once (an element several "
        "groups serve is in each of their rows); null for other dimensions."
    )
    def overlap(self) -> Amount | None:
        return None if self.found.overlap is None else Amount.of(self.found.overlap)

    @strawberry.field(
        description="By ORG_GROUP: what no row counts (elements and programs no group "
        "serves); null for other dimensions."
    )
    def unattributed(self) -> Amount | None:
        found = self.found.unattributed
        return None if found is None else Amount.of(found)

    @strawberry.field(description="By ORG_GROUP: the groups that serve nothing (no row).")
    def unbudgeted(self) -> list[Entity]:
        return entities(self.graph, self.found.unbudgeted)


def breakdown_of(
    graph: Graph, portfolio: str, year: str, by: Dimension, measure: Measure | None
) -> Breakdown | None:
    checked = checked_year(graph, portfolio, year)
    wanted = None if measure is None else measure.record
    try:
        found = breakdowns.breakdown(graph, portfolio, checked, by, wanted)
    except UnsupportedMeasureError as exc:
        raise bad_input(str(exc)) from None
    return None if found is None else Breakdown.of(graph, found)
