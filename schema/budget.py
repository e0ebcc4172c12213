"""Budget figures: a year's `Budget`, a `Change` between two years, breakdowns, and
the figures a document states. Amounts are in thousands of dollars, exact."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import strawberry

from graph import aggregates, breakdowns, facts
from graph.attributes import Graph
from loaders import records
from loaders.years import previous_year
from schema.arguments import (
    checked_year,
    latest_year,
    portfolio_of,
    year_before,
    year_or,
)
from schema.enums import Dimension, FigureMeasure, Measure
from schema.errors import bad_input
from schema.nodes import Entity, entity
from schema.provenance import Provenance, provenances

THOUSANDS = "in thousands of dollars (000 $), exact"
YearArgument = Annotated[
    str | None,
    strawberry.argument(
        description="A fiscal year such as `2007-2008` (default: the entity's own year)."
    ),
]


@strawberry.type(description="An amount with how it was obtained and the lines it comes from.")
class Amount:
    value: Decimal = strawberry.field(
        description=f"The amount, {THOUSANDS} (persons if `unit` says so)."
    )
    unit: str = strawberry.field(description="`000 $` (thousands of dollars) or `persons`.")
    derivation: str = strawberry.field(description="How it was obtained from the leaf figures.")
    sources: list[Provenance] = strawberry.field(description="The lines it was computed from.")

    @classmethod
    def of(cls, found: aggregates.Amount) -> Amount:
        return cls(
            value=found.value,
            unit=found.unit.value,
            derivation=found.derivation,
            sources=provenances(found.sources),
        )


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
    reason: str | None = strawberry.field(description="Why `amount` or `percent` is null.")
    edition: str | None = strawberry.field(
        description="The fiscal year of the document both years are read from (its own "
        "year and its comparison column, which may restate an earlier document's figures); "
        "null when no one document gives both and each year is read from its own."
    )

    @classmethod
    def of(cls, found: aggregates.Change, measure: Measure) -> Change:
        return cls(
            from_year=found.from_year,
            to_year=found.to_year,
            measure=measure,
            amount=found.amount,
            percent=found.percent,
            reason=found.reason,
            edition=found.edition,
        )


@strawberry.type(description="One row of a breakdown: a part of the whole.")
class BreakdownRow:
    label: str = strawberry.field(description="The part's name, as the document writes it.")
    amount: Decimal = strawberry.field(description=f"The part's amount, {THOUSANDS}.")
    share: Decimal | None = strawberry.field(
        description="The part's percentage of the total, rounded half-up to one decimal."
    )
    entity: Entity = strawberry.field(description="The part itself.")


@strawberry.type(description="A portfolio's budget for one year split by a dimension.")
class Breakdown:
    dimension: Dimension = strawberry.field(description="What the rows are.")
    measure: Measure = strawberry.field(description="What the amounts measure.")
    year: str = strawberry.field(description="The fiscal year.")
    total: Decimal = strawberry.field(description=f"The sum of the rows, {THOUSANDS}.")
    rows: list[BreakdownRow] = strawberry.field(description="The parts, largest first.")

    @classmethod
    def of(cls, graph: Graph, found: breakdowns.Breakdown) -> Breakdown:
        rows = [
            BreakdownRow(
                label=r.label, amount=r.amount.value, share=r.share, entity=entity(graph, r.node)
            )
            for r in found.rows
        ]
        return cls(
            dimension=found.dimension,
            measure=Measure.of(found.measure),
            year=found.year,
            total=found.total.value,
            rows=rows,
        )


@strawberry.type(description="A figure exactly as a document states it.")
class DocumentFigure:
    measure: FigureMeasure = strawberry.field(description="What the figure measures.")
    year: str | None = strawberry.field(
        description="The fiscal year it describes; null for a change between two years."
    )
    value: Decimal = strawberry.field(
        description=f"The value: for an amount {THOUSANDS}; else a percentage or a number "
        "of persons, as `unit` says."
    )
    unit: str = strawberry.field(description="`000 $`, `$`, `%` or `persons`.")
    raw: str = strawberry.field(description="The figure as written, e.g. `110 585,5`.")
    cell: int = strawberry.field(description="Its 1-based table cell (the label is 1; 0: prose).")
    is_input: bool = strawberry.field(
        description="True for a leaf figure the graph computes from; false for a total, "
        "change or share the graph recomputes (the audit compares the two)."
    )
    table: str | None = strawberry.field(description="Where a recomputed figure was stated.")
    provenance: Provenance = strawberry.field(description="The line that states it.")

    @classmethod
    def of(cls, figure: records.Figure, table: str | None) -> DocumentFigure:
        return cls(
            measure=figure.measure,
            year=figure.year,
            value=figure.value,
            unit=figure.unit.value,
            raw=figure.raw,
            cell=figure.cell,
            is_input=table is None,
            table=table,
            provenance=Provenance.of(figure.provenance),
        )


FIGURES = (
    "Every figure the documents state about this entity, as written: leaf figures, and "
    "the totals, changes and shares that the graph recomputes."
)


def document_figures(data: dict[str, Any]) -> list[DocumentFigure]:
    """The figures a node's attributes hold: its inputs, then what it states."""
    read = [DocumentFigure.of(f, None) for f in facts.leaves(data)]
    stated = [DocumentFigure.of(s.figure, s.table.value) for s in facts.stated(data)]
    return read + stated


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
    return Change.of(aggregates.change(graph, node, measure.record, before, after), measure)


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
        from_: Annotated[
            str | None,
            strawberry.argument(
                name="from", description="The earlier year (default: the year before `to`)."
            ),
        ] = None,
        to: YearArgument = None,
        measure: Annotated[
            Measure, strawberry.argument(description="What to compare.")
        ] = Measure.EXPENDITURE,
    ) -> Change:
        return change_of(self.graph, self.key, measure, from_, self.year_or(to))

    @strawberry.field(description=FIGURES)
    def document_figures(self) -> list[DocumentFigure]:
        return document_figures(self.data)

    def year_or(self, year: str | None) -> str:
        """`year` checked against the portfolio's years, or this entity's own year."""
        portfolio = portfolio_of(self.graph, self.key)
        own = self.view_year or self.data.get("year") or latest_year(self.graph, portfolio)
        return year_or(self.graph, portfolio, year, str(own))
