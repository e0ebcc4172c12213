"""Adding nodes and edges the same way everywhere."""

from __future__ import annotations

from typing import Any

from graph.attributes import Graph
from graph.kinds import Kind, Rel
from loaders.records import Provenance
from loaders.text import name_key


def add_node(
    graph: Graph,
    node: str,
    kind: Kind,
    name: str,
    provenance: Provenance | None,
    doc: str | None,
    **attrs: Any,
) -> str:
    """Add `node`, or enrich it when another document names it again."""
    if node not in graph:
        graph.add_node(node, kind=kind, name=name, provenance=[], **attrs)
    else:
        graph.nodes[node].update(attrs)
    if provenance is not None:
        graph.nodes[node]["provenance"].append(provenance)
    if doc is not None and not graph.has_edge(node, doc, key=Rel.SOURCE):
        graph.add_edge(node, doc, key=Rel.SOURCE, rel=Rel.SOURCE)
    return node


def add_edge(graph: Graph, source: str, target: str, rel: Rel, **attrs: Any) -> None:
    """One edge per (source, target, relation); a repeat only updates its attributes."""
    graph.add_edge(source, target, key=rel, rel=rel, **attrs)


def identity(number: str, name: str) -> str:
    """What makes a program or element the same across years: number and name."""
    return f"{number} {name_key(name)}"
