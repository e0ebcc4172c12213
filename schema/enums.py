"""The schema's enums: node kinds, relations, measures, breakdown dimensions, statuses.

The graph's own enums are exposed as they are (their member names become the
GraphQL values), so no string of the vocabulary is spelled twice; import them
from here, which registers them with Strawberry.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.audit_findings import Status
from graph.breakdowns import Dimension
from graph.kinds import Kind, Rel, ServesMethod
from loaders.records import GroupKind
from loaders.records import Measure as FigureMeasure

strawberry.enum(Kind, description="What an entity of the graph is.")
strawberry.enum(Rel, name="Relation", description="What an edge says, from source to target.")
strawberry.enum(ServesMethod, description="How a serves relation was found.")
strawberry.enum(GroupKind, description="What kind of group a heading of section 4 opens.")
strawberry.enum(Dimension, description="What a breakdown groups the budget by.")
strawberry.enum(
    FigureMeasure, name="FigureMeasure", description="What a figure of a document measures."
)
strawberry.enum(
    Status,
    name="AuditStatus",
    description="How a stated figure compares with the one computed from the leaf figures: "
    "OK (equal as the document rounds), ROUNDING (another rounding of it), MISMATCH.",
)


@strawberry.enum(description="What an amount measures.")
class Measure(Enum):
    EXPENDITURE = strawberry.enum_value(
        FigureMeasure.EXPENDITURE.value,
        description="Budget de dépenses, in thousands of dollars.",
    )
    AMORTIZATION = strawberry.enum_value(
        FigureMeasure.AMORTIZATION.value,
        description="Amortissement, in thousands of dollars.",
    )
    INVESTMENT = strawberry.enum_value(
        FigureMeasure.INVESTMENT.value,
        description="Investissements, in thousands of dollars.",
    )
    CREDITS = strawberry.enum_value(
        FigureMeasure.CREDITS.value,
        description="Crédits (expenditure − amortization + investment), in thousands of dollars.",
    )
    PERMANENT_CREDITS = strawberry.enum_value(
        FigureMeasure.PERMANENT_CREDITS.value,
        description="Crédits permanents of a portfolio, in thousands of dollars.",
    )
    CREDITS_TO_VOTE = strawberry.enum_value(
        FigureMeasure.CREDITS_TO_VOTE.value,
        description="Crédits à voter (credits − crédits permanents), in thousands of dollars.",
    )
    HEADCOUNT = strawberry.enum_value(
        FigureMeasure.HEADCOUNT.value,
        description="Effectif total of a portfolio, in persons.",
    )

    @property
    def record(self) -> FigureMeasure:
        """The graph's measure of the same name."""
        return FigureMeasure[self.name]

    @classmethod
    def of(cls, measure: FigureMeasure) -> Measure:
        return cls[measure.name]


__all__ = [
    "Dimension",
    "FigureMeasure",
    "GroupKind",
    "Kind",
    "Measure",
    "Rel",
    "ServesMethod",
    "Status",
]
