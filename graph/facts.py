"""What a node knows: its leaf figures, the totals the document states, and the prose
passages about it (each with its line)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from graph.kinds import TextField
from loaders.records import Figure, Measure, NotComputable, Paragraph, Provenance, Text

Key = tuple[Measure, str]
"""An input figure's key on its node: what it measures and for which fiscal year."""


class Table(StrEnum):
    """Where in the document a stated figure was read."""

    CREDITS = "portfolio credits table"
    SUPERCATEGORIES = "supercategories table"
    ELEMENTS = "elements table"
    COMPARISON = "comparison table"
    DEFINITIONS = "program definitions"


@dataclass(frozen=True, slots=True)
class Stated:
    """A figure the document states but the graph computes: kept for the audit.

    `about` is what the figure is a total or a change of: a `%` in the headcount
    row is a change of the headcount, in the investment total row a change of
    the investments.
    """

    figure: Figure
    table: Table
    about: Measure


@dataclass(frozen=True, slots=True)
class Uncomputed:
    """A percentage cell the document marks as not computable (`n.d.`, empty): kept for
    the audit (is the base really 0?) and for the reason a null `percent` gives.

    `about` is what it would be a change of; `edition` the stating document's year.
    """

    marker: NotComputable
    table: Table
    about: Measure
    edition: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of prose the document states about a node: which text it is, and where."""

    field: TextField
    text: str
    provenance: Provenance


def passages_of(field: TextField, texts: Iterable[Text | Paragraph]) -> list[Passage]:
    """Texts or paragraphs of a document as passages of `field`."""
    return [Passage(field, t.text, t.provenance) for t in texts]
