"""Linking a portfolio's years: a program or element to the same one the next year."""

from __future__ import annotations

from graph.attributes import Graph, identity, kind, own_year
from graph.build.nodes import add_edge
from graph.kinds import Kind, Rel
from graph.queries import portfolio_of
from loaders.years import next_year


def link_years(graph: Graph) -> None:
    """Link each program and element to the same one in the next fiscal year."""
    by_identity: dict[tuple[str, str], dict[str, str]] = {}
    for node in graph:
        if kind(graph, node) in (Kind.PROGRAM, Kind.ELEMENT):
            same = (portfolio_of(graph, node), identity(graph, node))
            by_identity.setdefault(same, {})[own_year(graph, node)] = node
    for years in by_identity.values():
        ordered = sorted(years)
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if later == next_year(earlier):
                add_edge(graph, years[earlier], years[later], Rel.CONTINUED_BY)
