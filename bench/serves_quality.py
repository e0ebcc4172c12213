"""Serves precision and recall against labelled documents.

A labels file (`tests/corpus/<name>.labels.json`) gives, for one document, every
true serves edge (`source`: a group heading, unit title or body name as written;
`target`: `element P.E` or `program P`, a program meaning all its elements) and
the sources that serve nothing. Both sides are compared as sets of
(source name key, element) pairs: a program edge counts once per element.

    from bench.serves_quality import labelled_documents, evaluate
    scores = [evaluate(labelled) for labelled in labelled_documents()]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from graph import attributes
from graph.attributes import Graph
from graph.build import build_graph
from graph.kinds import Kind, Rel, ServesMethod, kind_of
from graph.queries import children, nodes_of_kind, served
from loaders import read_document
from loaders.text import name_key

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
UNSEEN = CORPUS / "unseen"
"""Labelled documents by two other authors, measured but never used to fit the model."""
HELD_OUT = CORPUS / "heldout"
"""Labelled documents written with other wording, labelled from their text before the
inference was run on them; measured, never used to fit the model."""
SEARCHED = (CORPUS, ROOT / "data")
_TARGET = re.compile(r"^(element|program)\s+(\d+)(?:\.(\d+))?$")
Pair = tuple[str, str]
"""(source name key, element `P.E`)."""


@dataclass(frozen=True, slots=True)
class Labels:
    """One document's labelled truth."""

    path: Path
    document: Path
    serves: tuple[tuple[str, str], ...]  # (source as written, target as written)
    serves_nothing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Count:
    """Pairs right, wrongly added and missed."""

    right: int = 0
    wrong: int = 0
    missed: int = 0

    @property
    def precision(self) -> float:
        found = self.right + self.wrong
        return self.right / found if found else 1.0

    @property
    def recall(self) -> float:
        true = self.right + self.missed
        return self.right / true if true else 1.0

    def __add__(self, other: Count) -> Count:
        return Count(self.right + other.right, self.wrong + other.wrong, self.missed + other.missed)


@dataclass(frozen=True, slots=True)
class Score:
    """One document's comparison: overall, by method, and the pairs that differ."""

    name: str
    count: Count
    by_method: dict[str, Count]
    confidences: tuple[tuple[Decimal, bool], ...]  # each found pair's confidence, and if right
    wrong: tuple[Pair, ...]
    missed: tuple[Pair, ...]
    unlabelled: tuple[str, ...] = field(default=())  # graph sources the labels do not name


def labelled_documents(directory: Path = CORPUS) -> list[Labels]:
    return [read_labels(path) for path in sorted(directory.glob("*.labels.json"))]


def read_labels(path: Path) -> Labels:
    data = json.loads(path.read_text(encoding="utf-8"))
    places = (path.parent, *SEARCHED)
    document = next(d / data["document"] for d in places if (d / data["document"]).is_file())
    serves = tuple((edge["source"], edge["target"]) for edge in data["serves"])
    return Labels(path, document, serves, tuple(data.get("serves_nothing", ())))


def evaluate(labels: Labels) -> Score:
    """Build the labelled document's graph alone and compare its serves edges."""
    graph = build_graph([read_document(labels.document)])
    return compare(graph, labels)


def compare(graph: Graph, labels: Labels) -> Score:
    true = expected_pairs(graph, labels)
    labelled = {source for source, _ in true} | {name_key(n) for n in labels.serves_nothing}
    # Units named only in prose (`gère le Centre de documentation`) are not labelled: their
    # edges are left out of the measure, and listed.
    found = {pair: how for pair, how in found_pairs(graph).items() if pair[0] in labelled}
    by_method: dict[str, Count] = {}
    for pair, how in found.items():
        right = pair in true
        by_method[how.method] = by_method.get(how.method, Count()) + Count(
            int(right), int(not right)
        )
    count = Count(len(true & found.keys()), len(found.keys() - true), len(true - found.keys()))
    unlabelled = sorted({name_key(attributes.name(graph, s)) for s in sources(graph)} - labelled)
    return Score(
        labels.document.name,
        count,
        dict(sorted(by_method.items())),
        tuple((how.confidence, pair in true) for pair, how in sorted(found.items())),
        tuple(sorted(found.keys() - true)),
        tuple(sorted(true - found.keys())),
        tuple(unlabelled),
    )


def expected_pairs(graph: Graph, labels: Labels) -> set[Pair]:
    known = {name_key(attributes.name(graph, s)) for s in sources(graph)}
    pairs: set[Pair] = set()
    for source, target in labels.serves:
        key = name_key(source)
        if key not in known:
            raise ValueError(f"{labels.path.name}: source « {source} » is not in the graph")
        pairs.update((key, element) for element in _label_elements(graph, labels, target))
    return pairs


@dataclass(frozen=True, slots=True)
class Found:
    """How the graph gives a pair: the method and confidence of the edge that gives it."""

    method: str
    confidence: Decimal


def found_pairs(graph: Graph) -> dict[Pair, Found]:
    """Every pair the graph's serves edges give, with the edge that gives it (a scored or
    stated edge before an inherited one, then the surest)."""
    pairs: dict[Pair, Found] = {}
    for source in sources(graph):
        key = name_key(attributes.name(graph, source))
        edges = sorted(
            served(graph, source),
            key=lambda e: (
                attributes.method(e[1]) == ServesMethod.INHERITED,
                -attributes.confidence(e[1]),
            ),
        )
        for target, data in edges:
            for element in _elements(graph, target):
                found = Found(str(attributes.method(data)), attributes.confidence(data))
                pairs.setdefault((key, element), found)
    return pairs


def sources(graph: Graph) -> Iterator[str]:
    """The groups, units and bodies: everything that may serve."""
    for kind in (Kind.ORG_GROUP, Kind.ORG_UNIT, Kind.ORGANIZATION):
        for node in nodes_of_kind(graph, kind):
            if kind is not Kind.ORGANIZATION or attributes.is_body(graph, node):
                yield node


def _elements(graph: Graph, target: str) -> list[str]:
    if kind_of(target) is Kind.ELEMENT:
        return [_numbered(graph, target)]
    return [
        e for child in children(graph, target, Rel.HAS_ELEMENT) for e in _elements(graph, child)
    ]


def _label_elements(graph: Graph, labels: Labels, target: str) -> list[str]:
    match = _TARGET.match(target.strip())
    if match is None:
        raise ValueError(f"{labels.path.name}: target « {target} » is not `element P.E`")
    kind, program, element = match.groups()
    numbers = {_numbered(graph, e) for e in nodes_of_kind(graph, Kind.ELEMENT)}
    wanted = [f"{program}.{element}"] if kind == "element" else None
    if wanted is None:
        wanted = sorted(n for n in numbers if n.split(".")[0] == program)
    if not wanted or not set(wanted) <= numbers:
        raise ValueError(f"{labels.path.name}: target « {target} » is not in the document")
    return wanted


def total(scores: Iterable[Score]) -> Count:
    return sum((s.count for s in scores), Count())


def _numbered(graph: Graph, element: str) -> str:
    """An element's `P.E`: its program's number and its own."""
    return f"{attributes.program_number(graph, element)}.{attributes.number(graph, element)}"
