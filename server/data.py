"""Which documents the service reads, the graph they build, and a version of that data."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from graph.attributes import Graph
from graph.index import index_of
from graph.search import search_index
from graph.snapshot import Snapshot, read_snapshot, write_snapshot
from graph.substrings import substrings_of
from loaders import DocumentError

DATA = Path(__file__).resolve().parent.parent / "data"
PATHS_ENV = "BUDGET_KG_PATHS"
"""Documents for `app_factory` (several workers), separated by `os.pathsep`."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """A graph and what it was built from."""

    graph: Graph
    paths: tuple[Path, ...]
    version: str


class NoDocumentError(DocumentError):
    """A directory given for documents holds no `*.txt`."""


def default_paths() -> list[Path]:
    return sorted(DATA.glob("*.txt"))


def document_paths(paths: Sequence[Path]) -> list[Path]:
    """The files named, a directory standing for its `*.txt`; none given: `data/`.

    A directory without a `*.txt` is an error (`NoDocumentError`), not an empty graph.
    """
    found: list[Path] = []
    for path in paths:
        found.extend(documents_in(path) if path.is_dir() else [path])
    return found if paths else default_paths()


def documents_in(directory: Path) -> list[Path]:
    found = sorted(directory.glob("*.txt"))
    if not found:
        raise NoDocumentError(str(directory), None, "no *.txt document")
    return found


def paths_from_env() -> list[Path]:
    value = os.environ.get(PATHS_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def data_version(paths: Sequence[Path]) -> str:
    """A short hash of the documents' names and bytes: it changes when the data does."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def load(paths: Sequence[Path] = ()) -> Loaded:
    """Read the documents (raising `DocumentError` for a broken one) and build the graph."""
    # Imported here: a start from a snapshot neither builds nor reads a document.
    from graph.build import build_graph
    from loaders import read_document

    chosen = document_paths(paths)
    with collector_paused():  # settled inside: resumed, the collector would walk it all
        graph = settled(build_graph(read_document(p) for p in chosen))
    return Loaded(graph, tuple(chosen), data_version(chosen))


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection while a block makes millions of objects that live on (a
    growing graph, a snapshot's graph): each full pass would walk the whole heap and free
    nothing (`settled` collects once at the end). Measured at 1,000 documents: reading a
    snapshot 1.4 to 2.2 times faster, writing one 1.5 times."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def settled(graph: Graph, swept: bool = False) -> Graph:
    """The graph with its lookups built, and the heap frozen: the graph lives as long as
    the service and never changes, so the collector's full passes need not walk it again
    (a pause that grows with the graph: seconds at 100,000 nodes). Unless the heap was
    `swept` just before the graph was made, it is swept first (building leaves garbage)."""
    index_of(graph)
    substrings_of(graph)
    search_index(graph)
    if not swept:
        sweep()
    gc.freeze()
    return graph


def sweep() -> None:
    """A full collection, the last freeze's objects (a reload: the old graph) included."""
    gc.unfreeze()
    gc.collect()


def load_snapshot(path: Path) -> Loaded:
    """The graph a snapshot holds (`SnapshotError` if it cannot be read), no document read.

    The heap is swept before reading, not after, and frozen before the collector
    resumes: reading leaves no garbage, and a collection after it (a full one, or the
    first young one, whose generation holds everything read) would walk the million
    objects just read to free nothing (0.7 s at 1,000 documents). Nor is the heap swept
    at start-up (nothing frozen yet): it holds the modules just imported, where a full
    collection (0.1 s) frees nothing."""
    if gc.get_freeze_count():
        sweep()
    try:
        with collector_paused():
            snapshot = read_snapshot(path)
            graph = settled(snapshot.graph, swept=True)
    finally:
        gc.freeze()  # a snapshot refused: the graph still served is frozen again
    names = tuple(Path(name) for name in snapshot.documents)
    return Loaded(graph, names, snapshot.data_version)


def save_snapshot(loaded: Loaded, path: Path) -> None:
    """Write `loaded` as a snapshot at `path` (atomically: a reader sees the old or the new)."""
    names = tuple(p.name for p in loaded.paths)
    with collector_paused():
        write_snapshot(Snapshot(loaded.graph, loaded.version, names), path)
