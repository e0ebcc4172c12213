"""Lookups built once per graph: nodes by kind, by folded name, by portfolio and year.

The graph does not change once built, so `index_of` builds the index on first
use and keeps it in the graph (a snapshot carries it). While a graph is being
built (`graph.graph["built"]` not yet set) nothing is kept: an index of half a
graph would go stale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from graph.attributes import Graph
from graph.kinds import Kind
from loaders.text import name_key

_KEY = "index"
K = TypeVar("K")
T = TypeVar("T")
BUILT = "built"
"""The graph attribute `build_graph` sets once the graph is complete."""


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


def kept(graph: Graph, key: str, build: Callable[[Graph], T]) -> T:
    """`build(graph)`, kept in the graph under `key` once the graph is built (`BUILT`):
    a lookup of half a graph would go stale, so one being built gets a fresh one."""
    if key in graph.graph:
        found: T = graph.graph[key]
        return found
    value = build(graph)
    if graph.graph.get(BUILT):
        graph.graph[key] = value
    return value


def build_index(graph: Graph) -> Index:
    by_kind: defaultdict[Kind, list[str]] = defaultdict(list)
    by_name: defaultdict[tuple[Kind, str], list[str]] = defaultdict(list)
    by_portfolio: defaultdict[tuple[Kind, str, str | None], list[str]] = defaultdict(list)
    ordered = tuple(sorted(graph))
    for node in ordered:
        data = graph.nodes[node]
        kind = Kind(data["kind"])
        by_kind[kind].append(node)
        by_name[(kind, name_key(data["name"]))].append(node)
        if (portfolio := data.get("portfolio")) is not None:
            by_portfolio[(kind, portfolio, None)].append(node)
            by_portfolio[(kind, portfolio, data.get("year"))].append(node)
    return Index(_frozen(by_kind), _frozen(by_name), _frozen(by_portfolio), ordered)


def _frozen(table: dict[K, list[str]]) -> dict[K, tuple[str, ...]]:
    return {key: tuple(nodes) for key, nodes in table.items()}
