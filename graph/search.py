"""Ranked full-text search: an inverted index of French stems, built once per graph.

What is searched: every entity's name, and the prose passages about it (program
definitions, highlights, a group's opening lines, a unit's mandate bullets; an
objective's or mode's own text), each with its line. Fiscal years and documents
are not indexed.

A query is words in any order and phrases in quotes (`"services de
francisation"`). Words are compared by their stems (`loaders.text.terms`: case,
accents and inflection aside, `immigrants` meets `immigration`); common words
(`de`, `la`, `et`...) are not indexed. An entity matches when its texts hold
every word, and every phrase as written (case and accents aside) in one passage.

Ranking: entities whose name holds every word come first; then those with more
of the words together in one passage; then by score, the sum over the query's
stems of (occurrences in the entity's texts) × ln(1 + N / n), N the entities
indexed and n those holding the stem (a rare word weighs more); ties by name.
Each hit gives its matching passages, best first (most words, the name first),
each with a snippet around the first matched word.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from graph.attributes import Graph
from graph.facts import Passage, passages
from graph.index import BUILT
from graph.kinds import Kind, TextField, kind_of
from loaders.records import Provenance
from loaders.text import fold, name_key, terms, words

_KEY = "search"
_UNINDEXED = (Kind.FISCAL_YEAR, Kind.DOCUMENT)
_OWN_TEXT = {
    Kind.OBJECTIVE: TextField.OBJECTIVE,
    Kind.INTERVENTION_MODE: TextField.INTERVENTION_MODE,
}
_PHRASE = re.compile(r'"([^"]*)"')
_TOKEN = re.compile(r"\w+")
SNIPPET = 160
"""About how many characters of a passage a snippet shows."""
_SCORE = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """Each entity's passages (its name first), and for each stem the entities holding it
    with how many times."""

    passages: dict[str, tuple[Passage, ...]]
    postings: dict[str, dict[str, int]]


@dataclass(frozen=True, slots=True)
class Query:
    """What a search asks: stems (of the words and the phrases), and the phrases' words."""

    stems: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Match:
    """A passage that holds some of the query: the stems it holds, a snippet, the words."""

    passage: Passage
    stems: tuple[str, ...]
    snippet: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    node: str
    name_match: bool
    together: int
    score: Decimal
    matches: tuple[Match, ...]


def search_index(graph: Graph) -> SearchIndex:
    """The graph's index: built on first use and kept once the graph is built."""
    found = graph.graph.get(_KEY)
    if isinstance(found, SearchIndex):
        return found
    index = build_search_index(graph)
    if graph.graph.get(BUILT):
        graph.graph[_KEY] = index
    return index


def build_search_index(graph: Graph) -> SearchIndex:
    texts: dict[str, tuple[Passage, ...]] = {}
    postings: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for node, data in graph.nodes(data=True):
        if kind_of(node) in _UNINDEXED or not data["provenance"]:
            continue
        field = _OWN_TEXT.get(kind_of(node), TextField.NAME)
        name = Passage(field, data["name"], _named_at(data))
        texts[node] = (name, *passages(data))
        for stem, count in Counter(s for p in texts[node] for s in terms(p.text)).items():
            postings[stem][node] = count
    return SearchIndex(texts, dict(postings))


def _named_at(data: dict[str, Any]) -> Provenance:
    """The first line that writes the node's name (a program's first line is its
    definition's), else its first line."""
    key = name_key(data["name"])
    lines: list[Provenance] = data["provenance"]
    named = [p for p in lines if key in name_key(p.text)]
    return min(named or lines[:1], key=lambda p: p.line_start)


def parse_query(text: str) -> Query:
    phrases = [tuple(words(p)) for p in _PHRASE.findall(text)]
    loose = _PHRASE.sub(" ", text).replace('"', " ")
    found = terms(loose) + [s for p in _PHRASE.findall(text) for s in terms(p)]
    return Query(tuple(dict.fromkeys(found)), tuple(p for p in phrases if p))


def search(
    graph: Graph, text: str, kinds: Iterable[Kind] = (), portfolio: str | None = None
) -> list[Hit]:
    """The entities matching `text`, ranked (see the module's docstring)."""
    index = search_index(graph)
    query = parse_query(text)
    allowed = set(kinds)
    hits = [
        _hit(graph, index, node, query)
        for node in _candidates(index, query)
        if (not allowed or kind_of(node) in allowed) and _in(graph, node, portfolio)
    ]
    found = [h for h in hits if h is not None]
    return sorted(found, key=lambda h: _rank(graph, h))


def _candidates(index: SearchIndex, query: Query) -> list[str]:
    """The entities holding every stem, found from the rarest stem's postings."""
    if not query.stems:
        return []
    lists = sorted((index.postings.get(s, {}) for s in query.stems), key=len)
    return sorted(n for n in lists[0] if all(n in other for other in lists[1:]))


def _in(graph: Graph, node: str, portfolio: str | None) -> bool:
    return portfolio is None or node == portfolio or graph.nodes[node].get("portfolio") == portfolio


def _hit(graph: Graph, index: SearchIndex, node: str, query: Query) -> Hit | None:
    texts = index.passages[node]
    if not all(any(_holds(p, phrase) for p in texts) for phrase in query.phrases):
        return None
    matches = sorted(
        (m for p in texts if (m := _match(p, query)) is not None),
        key=lambda m: (-len(m.stems), m.passage.field is not TextField.NAME),
    )
    name_match = texts[0].field is TextField.NAME and _holds_all(texts[0], query)
    total = len(index.passages)
    score = sum(
        (
            Decimal(index.postings[s][node]) * _idf(total, len(index.postings[s]))
            for s in query.stems
        ),
        Decimal(0),
    )
    return Hit(node, name_match, len(matches[0].stems), score.quantize(_SCORE), tuple(matches))


def _idf(total: int, holding: int) -> Decimal:
    return (1 + Decimal(total) / Decimal(holding)).ln()


def _holds(passage: Passage, phrase: Sequence[str]) -> bool:
    return f" {' '.join(phrase)} " in f" {' '.join(words(passage.text))} "


def _holds_all(passage: Passage, query: Query) -> bool:
    held = set(terms(passage.text))
    return set(query.stems) <= held and all(_holds(passage, p) for p in query.phrases)


def _match(passage: Passage, query: Query) -> Match | None:
    held = tuple(s for s in query.stems if s in set(terms(passage.text)))
    if not held:
        return None
    spans = [m for m in _TOKEN.finditer(passage.text) if set(terms(m.group())) & set(held)]
    matched = tuple(dict.fromkeys(m.group() for m in spans))
    start = spans[0].start() if spans else 0
    return Match(passage, held, snippet(passage.text, start), matched)


def snippet(text: str, start: int, size: int = SNIPPET) -> str:
    """About `size` characters of `text` around `start`, cut at spaces, `…` where cut."""
    if len(text) <= size:
        return text
    begin = max(0, start - size // 3)
    end = min(len(text), begin + size)
    if begin > 0:
        begin = text.find(" ", begin) + 1 or begin
    if end < len(text):
        end = text.rfind(" ", begin, end) if " " in text[begin:end] else end
    return ("…" if begin > 0 else "") + text[begin:end].strip() + ("…" if end < len(text) else "")


def _rank(graph: Graph, hit: Hit) -> tuple[bool, int, Decimal, str, str]:
    return (
        not hit.name_match,
        -hit.together,
        -hit.score,
        fold(graph.nodes[hit.node]["name"]),
        hit.node,
    )
