"""A snapshot read back is the graph written: every attribute of every node and edge,
the same answer to every query of the README's tour; equal records are read back as
one object, and only records strictly equal (same types, same digits) are merged."""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from strawberry.http import process_result

from graph import attributes
from graph.attributes import Graph
from graph.sharing import SharingPickler
from graph.snapshot import Snapshot, read_snapshot, write_snapshot
from loaders.records import Provenance
from schema.context import Context
from schema.schema import schema
from tools.conformance.tour import BAD_ARGUMENT, readme_queries


@dataclass(frozen=True, slots=True)
class Cell:
    """A record like the loaders' (frozen, slotted, compared by value)."""

    value: object
    provenance: Provenance


def round_trip(graph: Graph, tmp_path: Path) -> Graph:
    path = tmp_path / "graph.snapshot"
    write_snapshot(Snapshot(graph, "v", ("a.txt", "b.txt")), path)
    return read_snapshot(path).graph


def unpickled(value: object) -> Any:
    buffer = io.BytesIO()
    SharingPickler(buffer).dump(value)
    return pickle.loads(buffer.getvalue())


@pytest.fixture(scope="module")
def read_back(two_portfolios_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return round_trip(two_portfolios_graph, tmp_path_factory.mktemp("snapshot"))


def test_every_node_and_edge_keeps_every_attribute(
    two_portfolios_graph: Graph, read_back: Graph
) -> None:
    """`repr` tells apart what `==` does not: Decimal("1.0") from Decimal("1.00"), a
    list from a tuple, an enum member from its value (a set's, in sorted order: the order
    a set iterates in is not part of its value)."""
    for graph in (two_portfolios_graph, read_back):
        assert graph.number_of_nodes() > 0 and graph.number_of_edges() > 0
    nodes = [list(attributes.every_node_data(g)) for g in (two_portfolios_graph, read_back)]
    assert exact(nodes[1]) == exact(nodes[0])
    edges = [list(attributes.every_edge(g)) for g in (two_portfolios_graph, read_back)]
    assert exact(edges[1]) == exact(edges[0])


def exact(value: object) -> str:
    """`repr`, with each set's members in sorted order."""
    if isinstance(value, set | frozenset):
        return f"{type(value).__name__}({sorted(exact(v) for v in value)})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{exact(k)}: {exact(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        inside = ", ".join(exact(v) for v in value)
        return f"[{inside}]" if isinstance(value, list) else f"({inside})"
    return repr(value)


@pytest.mark.parametrize(
    ("query", "variables"),
    readme_queries(),
    ids=[f"readme-{n}" for n, _ in enumerate(readme_queries(), 1)],
)
def test_the_tour_answers_the_same_from_a_snapshot(
    two_portfolios_graph: Graph, read_back: Graph, query: str, variables: dict[str, Any] | None
) -> None:
    answers = [
        process_result(
            schema.execute_sync(query, variable_values=variables, context_value=Context(graph=g))
        )
        for g in (two_portfolios_graph, read_back)
    ]
    assert answers[0] == answers[1]
    assert (answers[0]["data"] is None) == (BAD_ARGUMENT in query)


def provenances(value: object) -> Iterator[Provenance]:
    """Every provenance in `value`, in its records, lists and dicts, in order."""
    if isinstance(value, Provenance):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from provenances(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from provenances(item)
    elif is_dataclass(value):
        for field in fields(value):
            yield from provenances(getattr(value, field.name))


def test_equal_provenances_are_read_back_as_one(
    two_portfolios_graph: Graph, read_back: Graph
) -> None:
    written = list(provenances([d for _, d in attributes.every_node_data(two_portfolios_graph)]))
    read = list(provenances([d for _, d in attributes.every_node_data(read_back)]))
    assert read == written
    one_each = {p: p for p in read}
    assert all(one_each[p] is p for p in read)
    # read back, one object per distinct provenance, however many the built graph held
    assert len({id(p) for p in read}) == len(set(written)) <= len({id(p) for p in written})


def test_only_strictly_equal_records_are_merged() -> None:
    line = Provenance("a.txt", 3, 3, "1,0")
    cells = [Cell(Decimal("1.0"), line), Cell(Decimal("1.00"), line), Cell(True, line)]
    cells += [Cell(1, line), Cell(Decimal("1.0"), Provenance("a.txt", 3, 3, "1,0"))]
    back = unpickled(cells)
    assert [repr(c) for c in back] == [repr(c) for c in cells]
    assert len({id(c) for c in back}) == 4
    assert back[4] is back[0]
    assert len({id(c.provenance) for c in back}) == 1
