"""A built graph written to one file, and read back without reading any document.

Format (version `FORMAT_VERSION`): the line `budget-kg snapshot`, one line of JSON
(the header: `format`, `dataVersion`, `documents` (their names), `sha256` and
`bytes` of the payload, and `records`: the fields of each record class the payload
calls, in order), then the payload: the graph pickled (protocol 5) without
its memo cache, by `graph.sharing` (a frozen record as a call of its class, a record
equal to one already written as a reference to it). A snapshot of another format
version, whose payload does not match its checksum, or whose record classes now have
other fields (a record is rebuilt from its fields by position), is refused with
`SnapshotError`.

Versions: 1, the graph pickled as pickle does; 2, by `graph.sharing`: read two to three
times as fast (`bench/SERVE.md`); 3 (this one), with the record fields in the header.

A snapshot is an artefact the operator builds (`budget-kg build`) and serves
from: like any pickle it must come from a trusted place, never from a user.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.attributes import Graph, clear_cache
from graph.errors import GraphError
from graph.sharing import SharingPickler, fields_of

FORMAT_VERSION = 3
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
    payload, records = pickled(graph)
    header = {
        "format": FORMAT_VERSION,
        "dataVersion": snapshot.data_version,
        "documents": list(snapshot.documents),
        "sha256": hashlib.sha256(payload).hexdigest(),
        "bytes": len(payload),
        "records": records,
    }
    partial = path.with_name(f".{path.name}.partial")
    with partial.open("wb") as out:
        out.write(MAGIC + json.dumps(header).encode("utf-8") + b"\n")
        out.write(payload)
    partial.replace(path)


def pickled(graph: Graph) -> tuple[bytes, dict[str, list[str]]]:
    """The payload, and the fields of each record class it calls (by position)."""
    buffer = io.BytesIO()
    pickler = SharingPickler(buffer)
    pickler.dump(graph)
    records = {_class_name(kind): list(names) for kind, names in pickler.fields.items() if names}
    return buffer.getvalue(), dict(sorted(records.items()))


def _class_name(kind: type) -> str:
    return f"{kind.__module__}:{kind.__qualname__}"


def _check_records(path: Path, records: object) -> None:
    """Records are written as calls of their class with their fields in order: a snapshot
    whose classes had other fields would load wrong values into them, so it is refused."""
    if not isinstance(records, dict):
        raise SnapshotError(f"{path}: the snapshot's header is damaged (no record fields)")
    for name, written in records.items():
        module, _, qualname = str(name).partition(":")
        try:
            kind = getattr(importlib.import_module(module), qualname)
        except (ImportError, AttributeError):
            kind = None
        if not isinstance(kind, type) or list(fields_of(kind) or ()) != written:
            raise SnapshotError(
                f"{path}: written by a version whose {qualname} had the fields {written}: "
                "build it again with this version's budget-kg build"
            )


def read_snapshot(path: Path) -> Snapshot:
    """The snapshot at `path`, or `SnapshotError` saying what is wrong with it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot be read ({exc.strerror})") from None
    header, payload = _split(path, data)
    if hashlib.sha256(payload).hexdigest() != header.get("sha256"):
        raise SnapshotError(f"{path}: the snapshot is damaged (its checksum does not match)")
    _check_records(path, header.get("records"))
    try:
        graph = pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, ImportError, AttributeError, TypeError) as exc:
        raise SnapshotError(f"{path}: the snapshot cannot be read ({exc})") from None
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
