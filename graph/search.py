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
from dataclasses import dataclass, field
from decimal import Decimal

from graph import attributes
from graph.attributes import Graph, name, passages, provenances
from graph.facts import Passage
from graph.index import kept
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
    """Each entity's passages (its name first) with each passage's stems, and for each
    stem the entities holding it with how many times."""

    passages: dict[str, tuple[Passage, ...]]
    stems: dict[str, tuple[frozenset[str], ...]]
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
    """An entity a query matched, ranked by `name_match`, `together`, `score`; its
    matching passages are computed when asked (for the page shown only)."""

    node: str
    name_match: bool
    together: int
    score: Decimal
    query: Query = field(compare=False, repr=False)
    index: SearchIndex = field(compare=False, repr=False)

    @property
    def matches(self) -> tuple[Match, ...]:
        """The passages holding words of the query, most words first, the name first."""
        texts = zip(self.index.passages[self.node], self.index.stems[self.node], strict=True)
        found = [m for p, held in texts if (m := _match(p, held, self.query)) is not None]
        found.sort(key=lambda m: (-len(m.stems), m.passage.field is not TextField.NAME))
        return tuple(found)


def search_index(graph: Graph) -> SearchIndex:
    """The graph's index: built on first use and kept once the graph is built."""
    return kept(graph, _KEY, build_search_index)


def build_search_index(graph: Graph) -> SearchIndex:
    texts: dict[str, tuple[Passage, ...]] = {}
    held: dict[str, tuple[frozenset[str], ...]] = {}
    postings: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for node in graph:
        if kind_of(node) in _UNINDEXED or not provenances(graph, node):
            continue
        field = _OWN_TEXT.get(kind_of(node), TextField.NAME)
        named = Passage(field, name(graph, node), _named_at(graph, node))
        texts[node] = (named, *passages(graph, node))
        found = [terms(p.text) for p in texts[node]]
        held[node] = tuple(frozenset(f) for f in found)
        for stem, count in Counter(s for f in found for s in f).items():
            postings[stem][node] = count
    return SearchIndex(texts, held, dict(postings))


def _named_at(graph: Graph, node: str) -> Provenance:
    """Where the node's name is written: its first line, but for a program (whose first
    line is its definition's) the first line that writes its name."""
    lines = provenances(graph, node)
    if kind_of(node) is not Kind.PROGRAM:
        return lines[0]
    key = name_key(name(graph, node))
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
        _hit(index, node, query)
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
    return portfolio is None or node == portfolio or attributes.portfolio(graph, node) == portfolio


def _hit(index: SearchIndex, node: str, query: Query) -> Hit | None:
    texts, held = index.passages[node], index.stems[node]
    if not all(any(_holds(p, phrase) for p in texts) for phrase in query.phrases):
        return None
    wanted = set(query.stems)
    name = texts[0].field is TextField.NAME and wanted <= held[0]
    name_match = name and all(_holds(texts[0], phrase) for phrase in query.phrases)
    together = max(len(wanted & h) for h in held)
    total = len(index.passages)
    weights = (
        Decimal(index.postings[s][node]) * _idf(total, len(index.postings[s])) for s in query.stems
    )
    score = sum(weights, Decimal(0)).quantize(_SCORE)
    return Hit(node, name_match, together, score, query, index)


def _idf(total: int, holding: int) -> Decimal:
    return (1 + Decimal(total) / Decimal(holding)).ln()


def _holds(passage: Passage, phrase: Sequence[str]) -> bool:
    return f" {' '.join(phrase)} " in f" {' '.join(words(passage.text))} "


def _match(passage: Passage, held: frozenset[str], query: Query) -> Match | None:
    found = tuple(s for s in query.stems if s in held)
    if not found:
        return None
    spans = [m for m in _TOKEN.finditer(passage.text) if set(terms(m.group())) & set(found)]
    matched = tuple(dict.fromkeys(m.group() for m in spans))
    start = spans[0].start() if spans else 0
    return Match(passage, found, snippet(passage.text, start), matched)


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
        fold(name(graph, hit.node)),
        hit.node,
    )
