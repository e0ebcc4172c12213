"""Figures with their provenance: an `Amount` and the leaf figures it adds up, a `Share`
and its two figures, and a figure exactly as a document states it."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from graph import aggregates, attributes, breakdowns
from graph.attributes import Graph
from loaders import records
from schema.enums import FigureMeasure
from schema.nodes import Entity, entity
from schema.provenance import Provenance, provenances

THOUSANDS = "in thousands of dollars (000 $), exact"


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


def document_figures(graph: Graph, node: str) -> list[DocumentFigure]:
    """The figures a node's attributes hold: its inputs, then what it states."""
    read = [DocumentFigure.of(f, None) for f in attributes.leaves(graph, node)]
    stated = [DocumentFigure.of(s.figure, s.table.value) for s in attributes.stated(graph, node)]
    return read + stated
