"""Documents by name, never by the path the service loaded them from.

Provenance records hold the path a document was read from (possibly absolute, a
server's own layout); exports name the document instead, with as many trailing
folders as it takes to tell two same-named files apart (`2008/budget.txt`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from graph import attributes
from graph.attributes import Graph, documents
from loaders.records import Provenance


def document_names(graph: Graph) -> dict[str, str]:
    """Each loaded document's path → the name exports give it."""
    paths = [attributes.path(graph, doc) for doc in documents(graph)]
    return distinct_names(paths)


def distinct_names(paths: Iterable[str]) -> dict[str, str]:
    """`{"/a/x.txt": "x.txt", "/b/2008/y.txt": "2008/y.txt", "/c/2009/y.txt": "2009/y.txt"}`."""
    chosen = {path: 1 for path in paths}
    while clashes := _clashing(chosen):
        for path in clashes:
            chosen[path] += 1
    return {path: _tail(path, depth) for path, depth in chosen.items()}


def _clashing(chosen: dict[str, int]) -> list[str]:
    seen: dict[str, list[str]] = {}
    for path, depth in chosen.items():
        seen.setdefault(_tail(path, depth), []).append(path)
    return [p for same in seen.values() if len(same) > 1 for p in same if _deeper(p, chosen[p])]


def _deeper(path: str, depth: int) -> bool:
    return depth < len(PurePath(path).parts) - int(PurePath(path).is_absolute())


def _tail(path: str, depth: int) -> str:
    return "/".join(PurePath(path).parts[-depth:])


def document_of(provenance: Provenance, names: dict[str, str]) -> str:
    """The document a provenance points into, by name."""
    return names.get(provenance.source) or PurePath(provenance.source).name
