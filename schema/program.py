"""Programs and their elements: figures, shares, and the directorates that serve them."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph import attributes
from graph.breakdowns import share
from graph.kinds import Kind, Rel, kind_of
from graph.queries import (
    administrators,
    numbered_children,
    portfolio_of,
    program_of,
    served_by,
    servers,
)
from schema.budget import Budgeted, YearArgument
from schema.figures import Share
from schema.listing import After, First, OrderBy, Page, PageSize, Where, arranged, page_of, top
from schema.nodes import register, typed

if TYPE_CHECKING:
    from schema.organization import Organization, OrgEntity, Service
    from schema.portfolio import Portfolio


@strawberry.enum(description="What a program's or element's share is of.")
class ShareOf(Enum):
    PORTFOLIO = strawberry.enum_value("portfolio", description="Its portfolio's expenditure.")
    PROGRAM = strawberry.enum_value("program", description="Its program's (elements only).")


PERCENT = "a percentage, computed and rounded half-up to one decimal as the documents round"


@strawberry.interface(description="A program or an element: a line of the budget.")
class BudgetLine(Budgeted):
    @strawberry.field(description="Its number: `1` for program 1, `2` for element 1.2.")
    def number(self) -> int:
        return int(attributes.number(self.graph, self.key))

    @strawberry.field(description="The fiscal year of the document that states it.")
    def year(self) -> str:
        return attributes.own_year(self.graph, self.key)

    @strawberry.field(description="The portfolio whose budget it is a line of.")
    def portfolio(self) -> Annotated[Portfolio, strawberry.lazy("schema.portfolio")]:
        from schema.portfolio import Portfolio

        return typed(self.graph, [portfolio_of(self.graph, self.key)], Portfolio)[0]

    @strawberry.field(
        description=f"Its expenditure's part of the portfolio's expenditure: {PERCENT}; "
        "null if a figure is missing."
    )
    def share_of_portfolio(self, year: YearArgument = None) -> Decimal | None:
        found = share(self.graph, self.key, self.year_or(year), portfolio_of(self.graph, self.key))
        return None if found is None else found.percent

    @strawberry.field(
        description="Its share with the two figures it was computed from: of its portfolio, "
        "or (`of: PROGRAM`, elements only) of its program; null if a figure is missing."
    )
    def share_detail(
        self,
        year: YearArgument = None,
        of: Annotated[
            ShareOf, strawberry.argument(description="What the share is of.")
        ] = ShareOf.PORTFOLIO,
    ) -> Share | None:
        whole = portfolio_of(self.graph, self.key)
        if of is ShareOf.PROGRAM:
            if kind_of(self.key) is not Kind.ELEMENT:
                return None
            whole = program_of(self.graph, self.key)
        found = share(self.graph, self.key, self.year_or(year), whole)
        return None if found is None else Share.of_share(self.graph, found)

    @strawberry.field(
        description="The groups and units that serve it (for a program: it or its elements), "
        "groups first."
    )
    def directorates(self) -> list[Annotated[OrgEntity, strawberry.lazy("schema.organization")]]:
        from schema.organization import OrgEntity

        return typed(self.graph, servers(self.graph, self.key), OrgEntity)

    @strawberry.field(description="The serves relations that end at it, each with its basis.")
    def served_by(self) -> list[Annotated[Service, strawberry.lazy("schema.organization")]]:
        from schema.organization import Service

        return [Service.of(self.graph, s, self.key, d) for s, d in served_by(self.graph, self.key)]

    @strawberry.field(description="The organizations (ministry, bodies) that administer it.")
    def organizations(
        self,
    ) -> list[Annotated[Organization, strawberry.lazy("schema.organization")]]:
        from schema.organization import Organization

        return typed(self.graph, administrators(self.graph, self.key), Organization)


@register(Kind.PROGRAM)
@strawberry.type(description="A program of a portfolio's budget, in one document's year.")
class Program(BudgetLine):
    @strawberry.field(description="Every spelling of its name in the document.")
    def names(self) -> list[str]:
        return list(attributes.names(self.graph, self.key))

    @strawberry.field(description="Its definition (section 3).")
    def definition(self) -> str:
        return attributes.definition(self.graph, self.key)

    @strawberry.field(description="The highlight paragraphs about it (section 1).")
    def highlights(self) -> list[str]:
        return list(attributes.program_highlights(self.graph, self.key))

    @strawberry.field(description="Its elements, by number (or as `orderBy` says).")
    def elements(
        self, order_by: OrderBy = None, where: Where = None, first: First = None
    ) -> list[Element]:
        return top(self._elements(order_by, where), first)

    @strawberry.field(description="A page of its elements, with how many the filter keeps.")
    def elements_page(
        self,
        order_by: OrderBy = None,
        where: Where = None,
        first: PageSize = None,
        after: After = None,
    ) -> Page[Element]:
        return page_of(self._elements(order_by, where), first, after)

    def _elements(self, order_by: OrderBy, where: Where) -> list[Element]:
        by_number = numbered_children(self.graph, self.key, Rel.HAS_ELEMENT)
        year = self.year_or(None)
        chosen = arranged(
            self.graph, by_number, portfolio_of(self.graph, self.key), year, order_by, where
        )
        return typed(self.graph, chosen, Element, self.view_year)


@register(Kind.ELEMENT)
@strawberry.type(description="An element of a program.")
class Element(BudgetLine):
    @strawberry.field(description="The program it is an element of.")
    def program(self) -> Program:
        return typed(self.graph, [program_of(self.graph, self.key)], Program)[0]

    @strawberry.field(
        description=f"Its expenditure's part of its program's expenditure: {PERCENT}; "
        "null if a figure is missing."
    )
    def share_of_program(self, year: YearArgument = None) -> Decimal | None:
        found = share(self.graph, self.key, self.year_or(year))
        return None if found is None else found.percent
