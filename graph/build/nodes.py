"""Adding nodes and edges the same way everywhere."""

from __future__ import annotations

from typing import Unpack

from graph import attributes
from graph.attributes import EdgeExtras, Graph, NodeExtras
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
    **attrs: Unpack[NodeExtras],
) -> str:
    """Add `node`, or enrich it when another document names it again."""
    attributes.add_node(graph, node, kind, name, **attrs)
    if provenance is not None:
        attributes.provenances(graph, node).append(provenance)
    if doc is not None and not graph.has_edge(node, doc, key=Rel.SOURCE):
        attributes.add_edge(graph, node, doc, Rel.SOURCE)
    return node


def add_edge(graph: Graph, source: str, target: str, rel: Rel, **attrs: Unpack[EdgeExtras]) -> None:
    """One edge per (source, target, relation); a repeat only updates its attributes."""
    attributes.add_edge(graph, source, target, rel, **attrs)


def identity(number: str, name: str) -> str:
    """What makes a program or element the same across years: number and name."""
    return f"{number} {name_key(name)}"
