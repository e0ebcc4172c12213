"""What every resolver receives: the graph of the loaded documents, through the context,
and what the request may ask and how long it may run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

import strawberry

from graph.attributes import Graph
from schema.limits import Deadline, QueryLimits


@dataclass(frozen=True, slots=True)
class Context:
    """The GraphQL context: the graph the app built in its lifespan (or a test built), the
    limits its operations are checked against, and the request's deadline (none: no end)."""

    graph: Graph
    limits: QueryLimits = field(default_factory=QueryLimits)
    deadline: Deadline | None = None


Info: TypeAlias = strawberry.Info[Context, None]


def graph_of(info: Info) -> Graph:
    return info.context.graph
