"""Subgraphs for graph views: a node's neighbourhood, the path between two nodes."""

from __future__ import annotations

import strawberry

from graph.attributes import Graph
from graph.queries import Neighborhood as Found
from schema.enums import Rel
from schema.nodes import Entity, entities, entity


@strawberry.type(description="A typed edge of the graph, read from its source to its target.")
class GraphEdge:
    source: Entity = strawberry.field(description="Where the edge starts.")
    target: Entity = strawberry.field(description="Where the edge ends.")
    relation: Rel = strawberry.field(description="What the edge says.")


@strawberry.type(description="Nodes of the graph and the typed edges between them.")
class Subgraph:
    nodes: list[Entity] = strawberry.field(
        description="The nodes: by distance from the start, then by id (a path: in order)."
    )
    edges: list[GraphEdge] = strawberry.field(description="The edges between those nodes.")

    @classmethod
    def of(cls, graph: Graph, found: Found) -> Subgraph:
        edges = [
            GraphEdge(source=entity(graph, s), target=entity(graph, t), relation=rel)
            for s, t, rel in found.edges
        ]
        return cls(nodes=entities(graph, found.nodes), edges=edges)
