"""What a node knows about its figures: leaf inputs, and totals the document states."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from loaders.records import Figure, Measure, NotComputable

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


def inputs(attrs: dict[str, Any]) -> dict[Key, Figure]:
    found: dict[Key, Figure] = attrs.setdefault("inputs", {})
    return found


def edition_inputs(attrs: dict[str, Any]) -> dict[str, dict[Key, Figure]]:
    """A portfolio's leaves by edition: each document's own, both of its years (`inputs`
    holds one figure a year, from that year's own document when it is loaded)."""
    found: dict[str, dict[Key, Figure]] = attrs.setdefault("edition_inputs", {})
    return found


def leaves(attrs: dict[str, Any]) -> list[Figure]:
    """Every leaf figure a node holds: its inputs, then other editions' own."""
    found = list(inputs(attrs).values())
    held = set(found)
    for figures in edition_inputs(attrs).values():
        found += [f for f in figures.values() if f not in held]
        held |= set(figures.values())
    return found


def stated(attrs: dict[str, Any]) -> list[Stated]:
    found: list[Stated] = attrs.setdefault("stated", [])
    return found


def uncomputed(attrs: dict[str, Any]) -> list[Uncomputed]:
    """A node's not-computable percentages (reading adds no empty list to the node)."""
    found: list[Uncomputed] = attrs.get("uncomputed", [])
    return found


def add_uncomputed(attrs: dict[str, Any], item: Uncomputed) -> None:
    attrs.setdefault("uncomputed", []).append(item)
