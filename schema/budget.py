"""Budget figures: a year's `Budget`, a `Change` between two years, a `Share`, and the
figures a document states. Amounts are in thousands of dollars, exact."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph import aggregates, breakdowns, facts, org_budgets
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
from schema.enums import FigureMeasure, Measure, Status
from schema.errors import bad_input
from schema.nodes import Entity, entity
from schema.provenance import Provenance, provenances

if TYPE_CHECKING:
    from schema.audit import EntityAudit

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
    terms: list[AmountTerm] = strawberry.field(
        description="The leaf figures it adds or subtracts, each with its line: the sum of "
        "sign × value is `value` (empty for a percentage, which is a quotient)."
    )

    @classmethod
    def of(cls, found: aggregates.Amount) -> Amount:
        return cls(
            value=found.value,
            unit=found.unit.value,
            derivation=found.derivation,
            sources=provenances(found.sources),
            terms=[AmountTerm.of(t) for t in found.terms],
        )


@strawberry.type(description="A leaf figure an amount adds (sign 1) or subtracts (sign −1).")
class AmountTerm:
    sign: int = strawberry.field(description="1 if the amount adds it, −1 if it subtracts it.")
    value: Decimal = strawberry.field(description="The figure's value, as stated.")
    document: str = strawberry.field(description="The document that states it.")
    line: int = strawberry.field(description="The line that states it.")
    figure: DocumentFigure = strawberry.field(description="The figure in full, as stated.")

    @classmethod
    def of(cls, term: aggregates.Term) -> AmountTerm:
        figure = DocumentFigure.of(term.figure, None)
        where = figure.provenance
        return cls(
            sign=term.sign,
            value=figure.value,
            document=where.document,
            line=where.line_start,
            figure=figure,
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
    exact_percent: Decimal | None = strawberry.field(
        description="The same percentage before rounding (28 significant digits)."
    )
    reason: str | None = strawberry.field(description="Why `amount` or `percent` is null.")
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
            from_amount=None if found.before is None else Amount.of(found.before),
            to_amount=None if found.after is None else Amount.of(found.after),
            formula=aggregates.CHANGE_FORMULA,
        )


@strawberry.type(description="A part of a whole, with the two figures it was computed from.")
class Share:
    percent: Decimal = strawberry.field(
        description="The part's percentage of the whole, rounded half-up to one decimal."
    )
    exact: Decimal = strawberry.field(description="The same before rounding.")
    part: Amount = strawberry.field(description="The part's figure, with its lines.")
    whole: Amount = strawberry.field(description="The whole's figure, with its lines.")
    of: Entity = strawberry.field(description="The whole.")
    formula: str = strawberry.field(description="How `percent` is computed.")

    @classmethod
    def of_share(cls, graph: Graph, found: breakdowns.Share) -> Share:
        return cls(
            percent=found.percent,
            exact=found.exact,
            part=Amount.of(found.part),
            whole=Amount.of(found.whole),
            of=entity(graph, found.of),
            formula=breakdowns.SHARE_FORMULA,
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
    read = [DocumentFigure.of(f, None) for f in facts.inputs(data).values()]
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
        own = self.view_year or self.data.get("year") or latest_year(self.graph, portfolio)
        return year_or(self.graph, portfolio, year, str(own))
