"""Relay nodes: the `Entity` interface of every graph node, and lookups by id.

Each entity type keeps only its graph id and a private handle on the graph;
its fields read the graph when asked. Type modules register the class that
stands for each node kind, so any node id can be wrapped in its type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar, overload

import strawberry
from strawberry import relay
from strawberry.relay.types import GlobalIDValueError
from strawberry.types.base import get_object_definition

from graph import attributes
from graph.attributes import Graph
from graph.kinds import Kind, kind_of
from graph.queries import has_node
from schema.provenance import Provenance, provenances

E = TypeVar("E", bound="Entity")
_TYPES: dict[Kind, type[Entity]] = {}


@strawberry.interface(description="A node of the knowledge graph, read from the documents.")
class Entity(relay.Node):
    key: relay.NodeID[str]
    graph: strawberry.Private[Graph]
    # The fiscal year the parent field asked for (`programs(year: ...)`): the default
    # year of this entity's figures, instead of the year of its own document.
    view_year: strawberry.Private[str | None] = None

    @strawberry.field(description="The name, as the document writes it.")
    def name(self) -> str:
        return attributes.name(self.graph, self.key)

    @strawberry.field(
        description="The graph's own readable id, e.g. "
        "`program:immigration-et-communautes-culturelles/2007-2008/1`."
    )
    def graph_id(self) -> str:
        return self.key

    @strawberry.field(description="The lines of the source documents that state this entity.")
    def provenance(self) -> list[Provenance]:
        return provenances(attributes.provenances(self.graph, self.key))


def register(kind: Kind) -> Callable[[type[E]], type[E]]:
    """Class decorator: `cls` stands for the nodes of `kind`."""

    def add(cls: type[E]) -> type[E]:
        _TYPES[kind] = cls
        return cls

    return add


def entity(graph: Graph, node: str, year: str | None = None) -> Entity:
    """The entity of a node id the graph holds, its figures seen for `year` by default."""
    return _TYPES[kind_of(node)](key=node, graph=graph, view_year=year)


def entities(graph: Graph, nodes: Iterable[str]) -> list[Entity]:
    return [entity(graph, node) for node in nodes]


class LazyEntities(Sequence[Entity]):
    """Node ids seen as entities, each made only when a page takes it: a connection over
    every node pays for its page, not for the whole list."""

    def __init__(self, graph: Graph, nodes: Sequence[str]) -> None:
        self.graph = graph
        self.nodes = nodes

    def __len__(self) -> int:
        return len(self.nodes)

    @overload
    def __getitem__(self, at: int) -> Entity: ...
    @overload
    def __getitem__(self, at: slice) -> list[Entity]: ...
    def __getitem__(self, at: int | slice) -> Entity | list[Entity]:
        if isinstance(at, slice):
            return entities(self.graph, self.nodes[at])
        return entity(self.graph, self.nodes[at])


def typed(graph: Graph, nodes: Iterable[str], cls: type[E], year: str | None = None) -> list[E]:
    """The nodes as entities of `cls` (which their kinds must stand for)."""
    found = [entity(graph, node, year) for node in nodes]
    assert all(isinstance(e, cls) for e in found), cls
    return [e for e in found if isinstance(e, cls)]


def lookup(graph: Graph, node: str, cls: type[E]) -> E | None:
    """The entity of `node` if the graph holds it and it is a `cls`, else None."""
    if not has_node(graph, node):
        return None
    found = entity(graph, node)
    return found if isinstance(found, cls) else None


def by_global_id(graph: Graph, text: str) -> Entity | None:
    """The entity a global id names, or None when it names none (or is no global id)."""
    try:
        global_id = relay.GlobalID.from_id(text)
    except GlobalIDValueError:
        return None
    found = lookup(graph, global_id.node_id, Entity)
    if found is None or type_name(type(found)) != global_id.type_name:
        return None
    return found


def type_name(cls: type[Entity]) -> str:
    definition = get_object_definition(cls, strict=True)
    return definition.name
