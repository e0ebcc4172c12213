"""Linking a portfolio's years: a program or element to the same one the next year."""

from __future__ import annotations

from graph.attributes import Graph
from graph.build.nodes import add_edge
from graph.kinds import Kind, Rel
from loaders.years import next_year


def link_years(graph: Graph) -> None:
    """Link each program and element to the same one in the next fiscal year."""
    by_identity: dict[tuple[str, str], dict[str, str]] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] in (Kind.PROGRAM, Kind.ELEMENT):
            identity = (attrs["portfolio"], attrs["identity"])
            by_identity.setdefault(identity, {})[attrs["year"]] = node
    for years in by_identity.values():
        ordered = sorted(years)
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if later == next_year(earlier):
                add_edge(graph, years[earlier], years[later], Rel.CONTINUED_BY)
