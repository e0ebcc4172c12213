"""Substring search without a pass over the nodes: every node's name, and its texts
(mandate, intro, definition), folded once, joined per kind into one string, with the
offset where each node's entry starts.

A query is then `str.find` over those strings (done in C, no Python work per node) and
a bisection for each match, so its Python work is in proportion to what it finds; the
C scan is linear in the distinct text (texts repeated across documents count once). The
separator is a character folding never yields, so a match never spans two entries.
Kept in the graph once it is built, like `graph.index`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph import attributes
from graph.attributes import Graph, definition, intro, mandate
from graph.index import kept
from graph.kinds import Kind
from loaders.text import fold

_KEY = "substrings"
SEPARATOR = "\x00"


def plain(text: str) -> str:
    """Folded, with one space between words: what a search compares."""
    return " ".join(fold(text).split())


def texts_of(graph: Graph, node: str) -> list[str]:
    """A node's texts other than its name."""
    texts = [*mandate(graph, node), *intro(graph, node)]
    return texts + [definition(graph, node)]


@dataclass(frozen=True, slots=True)
class Joined:
    """Distinct texts joined by `SEPARATOR`; `starts[i]` is where text `i` is, `nodes[i]`
    the nodes that hold it (a text many documents repeat is searched once)."""

    text: str
    starts: tuple[int, ...]
    nodes: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, entries: list[tuple[str, str]]) -> Joined:
        holders: dict[str, list[str]] = {}
        for node, text in entries:
            holders.setdefault(text, []).append(node)
        starts, at = [], 0
        for text in holders:
            starts.append(at)
            at += len(text) + 1
        joined = SEPARATOR.join(holders)
        return cls(joined, tuple(starts), tuple(tuple(n) for n in holders.values()))

    def holding(self, wanted: str) -> set[str]:
        """The nodes one of whose entries contains `wanted` (not blank)."""
        found: set[str] = set()
        at = self.text.find(wanted)
        while at >= 0:
            entry = bisect_right(self.starts, at) - 1
            found.update(self.nodes[entry])
            following = self.starts[entry + 1] if entry + 1 < len(self.starts) else len(self.text)
            at = self.text.find(wanted, following)
        return found


@dataclass(frozen=True, slots=True)
class Substrings:
    """Per kind: the nodes' names, and their other texts."""

    names: dict[Kind, Joined]
    texts: dict[Kind, Joined]

    def search(self, text: str, kinds: Iterable[Kind] | None = None) -> list[str]:
        """Nodes whose name or text contains `text` once folded; names first, each in id
        order."""
        wanted = plain(text)
        chosen = set(kinds) if kinds else set(self.names)
        if not wanted or SEPARATOR in wanted:
            return []
        by_name = {n for k in chosen if k in self.names for n in self.names[k].holding(wanted)}
        by_text = {n for k in chosen if k in self.texts for n in self.texts[k].holding(wanted)}
        return sorted(by_name) + sorted(by_text - by_name)


def substrings_of(graph: Graph) -> Substrings:
    """The graph's substring index: built once for a built graph, afresh for one being built."""
    return kept(graph, _KEY, build_substrings)


def build_substrings(graph: Graph) -> Substrings:
    names: defaultdict[Kind, list[tuple[str, str]]] = defaultdict(list)
    texts: defaultdict[Kind, list[tuple[str, str]]] = defaultdict(list)
    for node in sorted(graph):
        kind = attributes.kind(graph, node)
        names[kind].append((node, plain(attributes.name(graph, node))))
        texts[kind].extend((node, plain(t)) for t in texts_of(graph, node) if t)
    return Substrings(
        {k: Joined.of(v) for k, v in names.items()}, {k: Joined.of(v) for k, v in texts.items()}
    )
