"""The schema's enums: node kinds, relations, measures, breakdown dimensions, statuses.

The graph's own enums are exposed as they are (their member names become the
GraphQL values), so no string of the vocabulary is spelled twice; import them
from here, which registers them with Strawberry.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

import strawberry

from graph.audit.findings import STATUS_MEANINGS, Status
from graph.breakdowns import Dimension
from graph.kinds import (
    FIELD_MEANINGS,
    KIND_MEANINGS,
    METHOD_MEANINGS,
    REL_MEANINGS,
    Kind,
    Rel,
    ServesMethod,
    TextField,
)
from loaders.records import GroupKind
from loaders.records import Measure as FigureMeasure

E = TypeVar("E", bound=Enum)


def described_values(cls: type[E], meanings: Mapping[E, str]) -> None:
    """Give each value of a graph enum registered with Strawberry its meaning."""
    definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    for value in definition.values:
        value.description = meanings[cls[value.name]].capitalize() + "."


strawberry.enum(Kind, description="What an entity of the graph is.")
strawberry.enum(Rel, name="Relation", description="What an edge says, from source to target.")
strawberry.enum(ServesMethod, description="How a serves relation was found.")
described_values(Kind, KIND_MEANINGS)
described_values(Rel, REL_MEANINGS)
described_values(ServesMethod, METHOD_MEANINGS)
strawberry.enum(TextField, description="Which of an entity's texts a passage is.")
described_values(TextField, FIELD_MEANINGS)
strawberry.enum(GroupKind, description="What kind of group a heading of section 4 opens.")
strawberry.enum(Dimension, description="What a breakdown groups the budget by.")
strawberry.enum(
    FigureMeasure, name="FigureMeasure", description="What a figure of a document measures."
)
strawberry.enum(
    Status,
    name="AuditStatus",
    description="How a stated figure compares with the one computed from the leaf figures.",
)
described_values(Status, STATUS_MEANINGS)


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
    "TextField",
]
