"""Budget figures: a year's `Budget`, a `Change` between two years, and the `Budgeted`
interface. Amounts are in thousands of dollars, exact."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph import aggregates, attributes, org_budgets
from graph.attributes import Graph
from graph.queries import latest_year, portfolio_of, year_before
from loaders import records
from loaders.years import previous_year
from schema.arguments import (
    checked_year,
    year_or,
)
from schema.enums import Measure, Status
from schema.errors import bad_input
from schema.figures import FIGURES, THOUSANDS, Amount, DocumentFigure, document_figures
from schema.nodes import Entity

if TYPE_CHECKING:
    from schema.audit import EntityAudit

YearArgument = Annotated[
    str | None,
    strawberry.argument(
        description="A fiscal year such as `2007-2008` (default: the entity's own year)."
    ),
]


@strawberry.type(
    description=f"One fiscal year's figures of an entity, {THOUSANDS}; "
    "null where the documents do not give them. Totals are computed from the leaf figures."
)
class Budget:
    year: str = strawberry.field(description="The fiscal year, e.g. `2007-2008`.")
    graph: strawberry.Private[Graph]
    node: strawberry.Private[str]

    def _value(self, measure: records.Measure) -> Decimal | None:
        found = aggregates.amount(self.graph, self.node, measure, self.year)
        return None if found is None else found.value

    @strawberry.field(description=f"Budget de dépenses (expenditure), {THOUSANDS}.")
    def expenditure(self) -> Decimal | None:
        return self._value(records.Measure.EXPENDITURE)

    @strawberry.field(description=f"Amortissement (amortization), {THOUSANDS}.")
    def amortization(self) -> Decimal | None:
        return self._value(records.Measure.AMORTIZATION)

    @strawberry.field(description=f"Investissements (investment), {THOUSANDS}.")
    def investment(self) -> Decimal | None:
        return self._value(records.Measure.INVESTMENT)

    @strawberry.field(description=f"Crédits: expenditure − amortization + investment, {THOUSANDS}.")
    def credits(self) -> Decimal | None:
        return self._value(records.Measure.CREDITS)

    @strawberry.field(description=f"Crédits permanents (portfolios only), {THOUSANDS}.")
    def permanent_credits(self) -> Decimal | None:
        return self._value(records.Measure.PERMANENT_CREDITS)

    @strawberry.field(
        description=f"Crédits à voter: credits − crédits permanents (portfolios only), {THOUSANDS}."
    )
    def credits_to_vote(self) -> Decimal | None:
        return self._value(records.Measure.CREDITS_TO_VOTE)

    @strawberry.field(description="Effectif total (portfolios only), in persons.")
    def headcount(self) -> int | None:
        value = self._value(records.Measure.HEADCOUNT)
        return None if value is None else int(value)

    @strawberry.field(description="One measure with how it was obtained and its source lines.")
    def amount(
        self, measure: Annotated[Measure, strawberry.argument(description="What to measure.")]
    ) -> Amount | None:
        found = aggregates.amount(self.graph, self.node, measure.record, self.year)
        return None if found is None else Amount.of(found)


@strawberry.type(description="How a measure changed between two fiscal years.")
class Change:
    from_year: str = strawberry.field(description="The earlier fiscal year.")
    to_year: str = strawberry.field(description="The later fiscal year.")
    measure: Measure = strawberry.field(description="What changed.")
    amount: Decimal | None = strawberry.field(
        description=f"`to` minus `from`, {THOUSANDS} (persons for the headcount); "
        "null if a year has no figure."
    )
    percent: Decimal | None = strawberry.field(
        description="The change as a percentage of `from`, computed and rounded half-up to "
        "one decimal as the documents round; null (see `reason`) if it has none."
    )
    exact_percent: Decimal | None = strawberry.field(
        description="The same percentage before rounding (28 significant digits)."
    )
    reason: str | None = strawberry.field(description="Why `amount` or `percent` is null.")
    edition: str | None = strawberry.field(
        description="The fiscal year of the document both years are read from (its own "
        "year and its comparison column, which may restate an earlier document's figures); "
        "null when no one document gives both and each year is read from its own."
    )
    from_amount: Amount | None = strawberry.field(
        description="The `from` figure, with how it was obtained and its lines."
    )
    to_amount: Amount | None = strawberry.field(
        description="The `to` figure, with how it was obtained and its lines."
    )
    formula: str = strawberry.field(description="How `amount` and `percent` are computed.")

    @classmethod
    def of(cls, found: aggregates.Change, measure: Measure) -> Change:
        return cls(
            from_year=found.from_year,
            to_year=found.to_year,
            measure=measure,
            amount=found.amount,
            percent=found.percent,
            exact_percent=found.exact_percent,
            reason=found.reason,
            edition=found.edition,
            from_amount=None if found.before is None else Amount.of(found.before),
            to_amount=None if found.after is None else Amount.of(found.after),
            formula=aggregates.CHANGE_FORMULA,
        )


FromYear = Annotated[
    str | None,
    strawberry.argument(
        name="from", description="The earlier year (default: the year before `to`)."
    ),
]
ComparedMeasure = Annotated[Measure, strawberry.argument(description="What to compare.")]


def change_of(graph: Graph, node: str, measure: Measure, before: str | None, after: str) -> Change:
    """The change of `node`'s `measure` to `after` from `before` (default: the year before)."""
    portfolio = portfolio_of(graph, node)
    if before is None:
        # With no earlier year loaded, the change is null with its reason, not an error:
        # a front end listing a year's figures asks for every year's change alike.
        before = year_before(graph, portfolio, after) or previous_year(after)
    else:
        before = checked_year(graph, portfolio, before)
    if before >= after:
        raise bad_input(f'`from` ("{before}") must be a year before `to` ("{after}")')
    found = org_budgets.budget_change(graph, node, measure.record, before, after)
    return Change.of(found, measure)


@strawberry.interface(
    description="An entity with budget figures: a portfolio, organization, program or element."
)
class Budgeted(Entity):
    @strawberry.field(description=f"The figures of one fiscal year, {THOUSANDS}.")
    def budget(self, year: YearArgument = None) -> Budget:
        return Budget(year=self.year_or(year), graph=self.graph, node=self.key)

    @strawberry.field(description="How a measure changed from one fiscal year to another.")
    def change(
        self,
        from_: FromYear = None,
        to: YearArgument = None,
        measure: ComparedMeasure = Measure.EXPENDITURE,
    ) -> Change:
        return change_of(self.graph, self.key, measure, from_, self.year_or(to))

    @strawberry.field(description=FIGURES)
    def document_figures(self) -> list[DocumentFigure]:
        return document_figures(self.graph, self.key)

    @strawberry.field(
        description="The audit's findings about it (with `descendants`, also about what is "
        "below it: a portfolio's programs, elements, organizations and categories, a "
        "program's elements): the global `audit` filtered, in its order, with counts."
    )
    def audit(
        self,
        descendants: Annotated[
            bool, strawberry.argument(description="Also the findings below it.")
        ] = False,
        status: Annotated[
            list[Status] | None,
            strawberry.argument(description="Only findings of these statuses (counts: all)."),
        ] = None,
    ) -> Annotated[EntityAudit, strawberry.lazy("schema.audit")]:
        from schema.audit import EntityAudit

        return EntityAudit.of(self.graph, self.key, descendants, status)

    def year_or(self, year: str | None) -> str:
        """`year` checked against the portfolio's years, or this entity's own year."""
        portfolio = portfolio_of(self.graph, self.key)
        own = self.view_year or attributes.year(self.graph, self.key)
        return year_or(self.graph, portfolio, year, own or latest_year(self.graph, portfolio))
