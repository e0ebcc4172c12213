"""Lookups built once per graph: nodes by kind, by folded name, by portfolio and year.

The graph does not change once built, so `index_of` builds the index on first
use and keeps it in the graph (a snapshot carries it). While a graph is being
built (`graph.attributes.mark_built` not yet called) nothing is kept: an index of
half a graph would go stale.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TypeVar

from graph import attributes
from graph.attributes import Graph, kept
from graph.kinds import Kind
from loaders.text import name_key

_KEY = "index"
K = TypeVar("K")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Index:
    """Node ids in id order, by kind; by kind and name key; by kind, portfolio and year."""

    by_kind: dict[Kind, tuple[str, ...]]
    by_name: dict[tuple[Kind, str], tuple[str, ...]]
    by_portfolio: dict[tuple[Kind, str, str | None], tuple[str, ...]]
    ordered: tuple[str, ...] = ()
    """Every node, in id order."""


def index_of(graph: Graph) -> Index:
    """The graph's index: built once for a built graph, afresh for one being built."""
    return kept(graph, _KEY, build_index)


def build_index(graph: Graph) -> Index:
    by_kind: defaultdict[Kind, list[str]] = defaultdict(list)
    by_name: defaultdict[tuple[Kind, str], list[str]] = defaultdict(list)
    by_portfolio: defaultdict[tuple[Kind, str, str | None], list[str]] = defaultdict(list)
    ordered = tuple(sorted(graph))
    for node in ordered:
        kind = attributes.kind(graph, node)
        by_kind[kind].append(node)
        by_name[(kind, name_key(attributes.name(graph, node)))].append(node)
        if (portfolio := attributes.portfolio(graph, node)) is not None:
            by_portfolio[(kind, portfolio, None)].append(node)
            by_portfolio[(kind, portfolio, attributes.year(graph, node))].append(node)
    return Index(_frozen(by_kind), _frozen(by_name), _frozen(by_portfolio), ordered)


def _frozen(table: dict[K, list[str]]) -> dict[K, tuple[str, ...]]:
    return {key: tuple(nodes) for key, nodes in table.items()}
