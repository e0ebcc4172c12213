"""Lookups built once per graph: nodes by kind, by folded name, by portfolio and year.

The graph does not change once built, so `index_of` builds the index on first
use and keeps it in the graph (a snapshot carries it). While a graph is being
built (`graph.attributes.is_built` not yet true) nothing is kept: an index of
half a graph would go stale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from graph import attributes
from graph.attributes import Graph, has_lookup, is_built, keep_lookup, lookup
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


def kept(graph: Graph, key: str, build: Callable[[Graph], T]) -> T:
    """`build(graph)`, kept in the graph under `key` once the graph is built
    (`graph.attributes.is_built`): a lookup of half a graph would go stale, so one being
    built gets a fresh one."""
    if has_lookup(graph, key):
        found: T = lookup(graph, key)
        return found
    value = build(graph)
    if is_built(graph):
        keep_lookup(graph, key, value)
    return value


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
