"""Snapshots: a built graph written to a file and read back the same."""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path

import pytest

from graph.aggregates import amount
from graph.attributes import Graph
from graph.snapshot import (
    FORMAT_VERSION,
    MAGIC,
    Snapshot,
    SnapshotError,
    read_snapshot,
    write_snapshot,
)
from loaders.records import Measure
from tests.samples import YEAR, program


def written(graph: Graph, tmp_path: Path) -> Path:
    path = tmp_path / "graph.snapshot"
    write_snapshot(Snapshot(graph, "abc123", ("micc-2007-2008.txt",)), path)
    return path


def test_snapshot_round_trip_keeps_nodes_edges_and_figures(
    real_graph: Graph, tmp_path: Path
) -> None:
    back = read_snapshot(written(real_graph, tmp_path))
    assert (back.data_version, back.documents) == ("abc123", ("micc-2007-2008.txt",))
    assert sorted(back.graph.nodes) == sorted(real_graph.nodes)
    assert sorted(back.graph.edges(keys=True)) == sorted(real_graph.edges(keys=True))
    figure = amount(back.graph, program(1), Measure.EXPENDITURE, YEAR)
    assert figure is not None
    assert figure == amount(real_graph, program(1), Measure.EXPENDITURE, YEAR)


def test_snapshot_leaves_no_partial_file(real_graph: Graph, tmp_path: Path) -> None:
    written(real_graph, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.snapshot"]


def test_snapshot_of_another_format_is_refused(real_graph: Graph, tmp_path: Path) -> None:
    path = written(real_graph, tmp_path)
    head, payload = path.read_bytes()[len(MAGIC) :].split(b"\n", 1)
    header = json.loads(head) | {"format": 99}
    path.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + payload)
    expected = f"snapshot format 99, this version reads format {FORMAT_VERSION}: build it again"
    with pytest.raises(SnapshotError, match=expected):
        read_snapshot(path)


def test_snapshot_of_the_first_format_is_refused(real_graph: Graph, tmp_path: Path) -> None:
    """A version 1 snapshot (the graph pickled as pickle does), checksum and all."""
    payload = pickle.dumps(real_graph, protocol=5)
    header = {"format": 1, "sha256": hashlib.sha256(payload).hexdigest(), "bytes": len(payload)}
    path = tmp_path / "old.snapshot"
    path.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + payload)
    with pytest.raises(
        SnapshotError, match=f"snapshot format 1, this version reads format {FORMAT_VERSION}"
    ):
        read_snapshot(path)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[:-10], "damaged \\(its checksum does not match\\)"),
        (lambda data: b"hello\n" + data, "not a budget-kg snapshot"),
        (lambda data: MAGIC + b"{oops\n" + data[len(MAGIC) :], "header is damaged"),
    ],
)
def test_damaged_snapshot_is_refused(
    real_graph: Graph, tmp_path: Path, damage: object, message: str
) -> None:
    path = written(real_graph, tmp_path)
    assert callable(damage)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(SnapshotError, match=message):
        read_snapshot(path)


def test_a_snapshot_whose_records_had_other_fields_is_refused(
    real_graph: Graph, tmp_path: Path
) -> None:
    """Records are rebuilt from their fields by position: a snapshot written when a class
    had other fields (or another order) would load values into the wrong fields."""
    path = tmp_path / "graph.snapshot"
    write_snapshot(Snapshot(real_graph, "v1", ("micc-2007-2008.txt",)), path)
    head, payload = path.read_bytes()[len(MAGIC) :].split(b"\n", 1)
    header = json.loads(head)
    assert header["records"]["loaders.records:Provenance"] == [
        "source",
        "line_start",
        "line_end",
        "text",
    ]
    header["records"]["loaders.records:Provenance"] = ["source", "line_end", "line_start", "text"]
    path.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + payload)
    with pytest.raises(SnapshotError, match="Provenance had the fields"):
        read_snapshot(path)
