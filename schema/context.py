"""What every resolver receives: the graph of the loaded documents, through the context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

import strawberry

from graph.attributes import Graph


@dataclass(frozen=True, slots=True)
class Context:
    """The GraphQL context: the graph the app built in its lifespan (or a test built)."""

    graph: Graph


Info: TypeAlias = strawberry.Info[Context, None]


def graph_of(info: Info) -> Graph:
    return info.context.graph
