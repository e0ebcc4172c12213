"""A built graph written to one file, and read back without reading any document.

Format (version `FORMAT_VERSION`): the line `budget-kg snapshot`, one line of JSON
(the header: `format`, `dataVersion`, `documents` (their names), `sha256` and
`bytes` of the payload), then the payload: the graph pickled (protocol 5) without
its memo cache, by `graph.sharing` (a frozen record as a call of its class, a record
equal to one already written as a reference to it). A snapshot of another format
version, or whose payload does not match its checksum, is refused with `SnapshotError`.

Versions: 1, the graph pickled as pickle does; 2 (this one), by `graph.sharing`: read
two to three times as fast (`bench/SERVE.md`).

A snapshot is an artefact the operator builds (`budget-kg build`) and serves
from: like any pickle it must come from a trusted place, never from a user.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.attributes import Graph, clear_cache
from graph.errors import GraphError
from graph.sharing import SharingPickler

FORMAT_VERSION = 2
MAGIC = b"budget-kg snapshot\n"


class SnapshotError(GraphError):
    """A file is not a snapshot this version can read: the message says why."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A graph, the version of the data it was built from and the documents' names."""

    graph: Graph
    data_version: str
    documents: tuple[str, ...]


def write_snapshot(snapshot: Snapshot, path: Path) -> None:
    """Write `snapshot` to `path` atomically (a reader never sees half a file)."""
    graph = snapshot.graph.copy()
    clear_cache(graph)
    payload = pickled(graph)
    header = {
        "format": FORMAT_VERSION,
        "dataVersion": snapshot.data_version,
        "documents": list(snapshot.documents),
        "sha256": hashlib.sha256(payload).hexdigest(),
        "bytes": len(payload),
    }
    partial = path.with_name(f".{path.name}.partial")
    with partial.open("wb") as out:
        out.write(MAGIC + json.dumps(header).encode("utf-8") + b"\n")
        out.write(payload)
    partial.replace(path)


def pickled(graph: Graph) -> bytes:
    buffer = io.BytesIO()
    SharingPickler(buffer).dump(graph)
    return buffer.getvalue()


def read_snapshot(path: Path) -> Snapshot:
    """The snapshot at `path`, or `SnapshotError` saying what is wrong with it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot be read ({exc.strerror})") from None
    header, payload = _split(path, data)
    if hashlib.sha256(payload).hexdigest() != header.get("sha256"):
        raise SnapshotError(f"{path}: the snapshot is damaged (its checksum does not match)")
    graph = pickle.loads(payload)
    if not isinstance(graph, nx.MultiDiGraph):
        raise SnapshotError(f"{path}: the snapshot holds no graph")
    documents = tuple(str(d) for d in header.get("documents", ()))  # a JSON key, not an attribute
    return Snapshot(graph, str(header.get("dataVersion", "")), documents)


def _split(path: Path, data: bytes) -> tuple[dict[str, Any], memoryview]:
    """The header and the payload (a view: no copy of tens of megabytes); a file of
    another kind or version is refused."""
    if not data.startswith(MAGIC):
        raise SnapshotError(f"{path}: not a budget-kg snapshot (build one with budget-kg build)")
    end = data.find(b"\n", len(MAGIC))
    end = len(data) if end < 0 else end
    line, payload = data[len(MAGIC) : end], memoryview(data)[end + 1 :]
    try:
        header = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        header = None
    if not isinstance(header, dict):
        raise SnapshotError(f"{path}: the snapshot's header is damaged")
    if header.get("format") != FORMAT_VERSION:
        raise SnapshotError(
            f"{path}: snapshot format {header.get('format')!r}, this version reads format "
            f"{FORMAT_VERSION}: build it again with this version's budget-kg build"
        )
    return header, payload
