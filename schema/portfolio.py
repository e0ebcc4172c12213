"""Portfolios, their budget categories, fiscal years and source documents."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Annotated, ClassVar, TypeVar

import strawberry
from strawberry import relay

from graph import aggregates, attributes, breakdowns
from graph.kinds import Kind, Rel
from graph.queries import (
    categories,
    children,
    in_portfolio,
    latest_year,
    portfolio_of,
    shown_path,
    unserved_elements,
    years,
)
from loaders import records
from schema.arguments import document_year, year_or
from schema.breakdown import MEASURE, Breakdown, breakdown_of
from schema.budget import Budgeted, Change, FromYear, YearArgument, change_of
from schema.enums import Dimension, Measure
from schema.figures import FIGURES, THOUSANDS, DocumentFigure, Share, document_figures
from schema.listing import After, First, OrderBy, Page, PageSize, Where, arranged, page_of, top
from schema.nodes import Entity, register, typed
from schema.organization import Organization, OrgGroup, OrgUnit
from schema.pagination import Connection
from schema.portfolio_lists import element_list, group_list, program_list
from schema.program import Element, Program

C = TypeVar("C", bound="BudgetCategory")


@register(Kind.PORTFOLIO)
@strawberry.type(description="A portfolio (portefeuille): a minister's budget, across years.")
class Portfolio(Budgeted):
    @strawberry.field(description="The fiscal years its documents give figures for, in order.")
    def years(self) -> list[str]:
        return years(self.graph, self.key)

    @strawberry.field(description="The documents read for it, by year.")
    def documents(self) -> list[SourceDocument]:
        found = attributes.editions(self.graph, self.key)
        return typed(self.graph, [found[y] for y in sorted(found)], SourceDocument)

    @strawberry.field(description="Its programs that give figures for a year (default: latest).")
    def programs(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: First = None,
    ) -> list[Program]:
        return top(program_list(self.graph, self.key, self.year_or(year), order_by, where), first)

    @strawberry.field(description="A page of its programs, with how many the filter keeps.")
    def programs_page(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: PageSize = None,
        after: After = None,
    ) -> Page[Program]:
        found = program_list(self.graph, self.key, self.year_or(year), order_by, where)
        return page_of(found, first, after)

    @strawberry.field(
        description="The elements of its programs for a year (default: latest), by program "
        "and number unless `orderBy` says otherwise."
    )
    def elements(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: First = None,
    ) -> list[Element]:
        return top(element_list(self.graph, self.key, self.year_or(year), order_by, where), first)

    @strawberry.field(description="A page of its elements, with how many the filter keeps.")
    def elements_page(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: PageSize = None,
        after: After = None,
    ) -> Page[Element]:
        found = element_list(self.graph, self.key, self.year_or(year), order_by, where)
        return page_of(found, first, after)

    @strawberry.field(description="The ministry and the bodies reporting to the minister.")
    def organizations(self) -> list[Organization]:
        found = children(self.graph, self.key, Rel.HAS_ORGANIZATION)
        return typed(self.graph, found, Organization)

    @strawberry.field(
        description="The groups of section 4 as stated by the document that gives a fiscal "
        "year's figures (that year's own, else the next year's); default: the latest. By "
        "amount, they sort by their derived budgets."
    )
    def org_groups(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: First = None,
    ) -> list[OrgGroup]:
        return top(group_list(self.graph, self.key, year, order_by, where), first)

    @strawberry.field(description="A page of its groups, with how many the filter keeps.")
    def org_groups_page(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: PageSize = None,
        after: After = None,
    ) -> Page[OrgGroup]:
        return page_of(group_list(self.graph, self.key, year, order_by, where), first, after)

    @strawberry.field(
        description="The ministry's elements that no group or unit of section 4 serves, in "
        "the document that gives a fiscal year's figures (default: the latest): nothing in "
        "its text grounds them, so the graph names no server rather than guess one."
    )
    def unserved_elements(self, year: YearArgument = None) -> list[Element]:
        chosen = document_year(self.graph, self.key, year)
        found = unserved_elements(self.graph, self.key, chosen) if chosen else []
        return typed(self.graph, found, Element, chosen)

    @relay.connection(
        Connection[OrgUnit],
        description="Every unit of section 4, of every document year (figures: the latest).",
    )
    def org_units(self, order_by: OrderBy = None, where: Where = None) -> list[OrgUnit]:
        found = in_portfolio(self.graph, Kind.ORG_UNIT, self.key)
        year = latest_year(self.graph, self.key)
        return typed(
            self.graph, arranged(self.graph, found, self.key, year, order_by, where), OrgUnit
        )

    @strawberry.field(description="Its expenditure supercategories (default year: latest).")
    def supercategories(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: First = None,
    ) -> list[Supercategory]:
        return top(self._categories(year, order_by, where, Supercategory), first)

    @strawberry.field(description="A page of its supercategories.")
    def supercategories_page(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: PageSize = None,
        after: After = None,
    ) -> Page[Supercategory]:
        return page_of(self._categories(year, order_by, where, Supercategory), first, after)

    @strawberry.field(description="Its investment categories (default year: latest).")
    def investment_categories(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: First = None,
    ) -> list[InvestmentCategory]:
        return top(self._categories(year, order_by, where, InvestmentCategory), first)

    @strawberry.field(description="A page of its investment categories.")
    def investment_categories_page(
        self,
        year: YearArgument = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: PageSize = None,
        after: After = None,
    ) -> Page[InvestmentCategory]:
        return page_of(self._categories(year, order_by, where, InvestmentCategory), first, after)

    def _categories(
        self, year: str | None, order_by: OrderBy, where: Where, cls: type[C]
    ) -> list[C]:
        """Categories hold one measure each: orders and filters read it, whatever
        `measure` they name."""
        chosen = self.year_or(year)
        found = categories(self.graph, self.key, chosen, cls.relation)
        own = Measure.of(cls.measure)
        order_by = order_by and dataclasses.replace(order_by, measure=own)
        where = where and dataclasses.replace(where, measure=own)
        ordered = arranged(self.graph, found, self.key, chosen, order_by, where)
        return typed(self.graph, ordered, cls, chosen)

    @strawberry.field(
        description=f"Its budget for a year split by `by`, {THOUSANDS}, largest row first; "
        "null if a row has no figure."
    )
    def breakdown(
        self,
        year: Annotated[str, strawberry.argument(description="A fiscal year, e.g. `2007-2008`.")],
        by: Annotated[Dimension, strawberry.argument(description="What the rows are.")],
        measure: Annotated[Measure | None, strawberry.argument(description=MEASURE)] = None,
    ) -> Breakdown | None:
        return breakdown_of(self.graph, self.key, year, by, measure)


@strawberry.interface(description="A supercategory or investment category of a portfolio.")
class BudgetCategory(Entity):
    measure: ClassVar[records.Measure] = records.Measure.EXPENDITURE
    relation: ClassVar[Rel] = Rel.HAS_SUPERCATEGORY

    @strawberry.field(description=f"Its amount for a year, {THOUSANDS}; null if not given.")
    def amount(self, year: YearArgument = None) -> Decimal | None:
        found = aggregates.amount(self.graph, self.key, self.measure, self._year(year))
        return None if found is None else found.value

    @strawberry.field(
        description="Its part of the portfolio's total for a year: a percentage, rounded "
        "half-up to one decimal."
    )
    def share(self, year: YearArgument = None) -> Decimal | None:
        found = breakdowns.share(self.graph, self.key, self._year(year))
        return None if found is None else found.percent

    @strawberry.field(description="The same share, with the two figures it was computed from.")
    def share_detail(self, year: YearArgument = None) -> Share | None:
        found = breakdowns.share(self.graph, self.key, self._year(year))
        return None if found is None else Share.of_share(self.graph, found)

    @strawberry.field(description="How its amount changed (default: previous year to latest).")
    def change(
        self,
        from_: FromYear = None,
        to: YearArgument = None,
    ) -> Change:
        return change_of(self.graph, self.key, Measure.of(self.measure), from_, self._year(to))

    @strawberry.field(description=FIGURES)
    def document_figures(self) -> list[DocumentFigure]:
        return document_figures(self.graph, self.key)

    def _year(self, year: str | None) -> str:
        """`year`, else the year the parent field asked for, else its document's year."""
        portfolio = portfolio_of(self.graph, self.key)
        own = self.view_year or attributes.own_year(self.graph, self.key)
        return year_or(self.graph, portfolio, year, own)


@register(Kind.SUPERCATEGORY)
@strawberry.type(description="An expenditure supercategory: Rémunération, Fonctionnement...")
class Supercategory(BudgetCategory):
    measure: ClassVar[records.Measure] = records.Measure.EXPENDITURE
    relation: ClassVar[Rel] = Rel.HAS_SUPERCATEGORY


@register(Kind.INVESTMENT_CATEGORY)
@strawberry.type(description="An investment category: Immobilisations, Prêts...")
class InvestmentCategory(BudgetCategory):
    measure: ClassVar[records.Measure] = records.Measure.INVESTMENT
    relation: ClassVar[Rel] = Rel.HAS_INVESTMENT_CATEGORY


@register(Kind.FISCAL_YEAR)
@strawberry.type(description="A fiscal year, e.g. `2007-2008` (1 April to 31 March).")
class FiscalYear(Entity):
    pass


@register(Kind.DOCUMENT)
@strawberry.type(description="A source document: one portfolio's Fiches explicatives for a year.")
class SourceDocument(Entity):
    @strawberry.field(
        description="Its path relative to the data root (the directory of the loaded "
        "documents): its file name when they share one directory."
    )
    def path(self) -> str:
        return shown_path(self.graph, attributes.path(self.graph, self.key))

    @strawberry.field(description="The fiscal year of its budget.")
    def year(self) -> str:
        return attributes.own_year(self.graph, self.key)

    @strawberry.field(description="The fiscal year its comparison columns give.")
    def previous_year(self) -> str:
        return attributes.previous_year(self.graph, self.key)

    @strawberry.field(description="The portfolio's name as the document writes it.")
    def portfolio_name(self) -> str:
        return attributes.portfolio_name(self.graph, self.key)

    @strawberry.field(description="How many lines it has.")
    def lines(self) -> int:
        return attributes.line_count(self.graph, self.key)
