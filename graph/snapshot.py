"""A built graph written to one file, and read back without reading any document.

Format (version `FORMAT_VERSION`): the line `budget-kg snapshot`, one line of JSON
(the header: `format`, `dataVersion`, `documents` (their names), `sha256` and
`bytes` of the payload), then the payload: the graph pickled (protocol 5) without
its memo cache. A snapshot of another format version, or whose payload does not
match its checksum, is refused with `SnapshotError`.

A snapshot is an artefact the operator builds (`budget-kg build`) and serves
from: like any pickle it must come from a trusted place, never from a user.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.attributes import Graph, clear_cache
from graph.errors import GraphError

FORMAT_VERSION = 1
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
    payload = pickle.dumps(graph, protocol=5)
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


def _split(path: Path, data: bytes) -> tuple[dict[str, Any], bytes]:
    """The header and the payload; a file of another kind or version is refused."""
    if not data.startswith(MAGIC):
        raise SnapshotError(f"{path}: not a budget-kg snapshot (build one with budget-kg build)")
    line, _, payload = data[len(MAGIC) :].partition(b"\n")
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
