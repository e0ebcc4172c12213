"""Scoring what a source's passages share with a target's: a transparent lexical model.

Each word stem weighs its inverse document frequency over the document's
passages (BM25's idf: a word in every paragraph weighs almost nothing, one in
two or three weighs much), times how much the passages that hold it count
(a name or an element's own name fully, a clause of a definition less), and
half again when it stands in a phrase the two texts share (two or more
consecutive content words). Stems of one word family match (`universités`,
`universitaires`).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph.build.serves_text import Field, Passage
from loaders.text import MIN_RELATED, Token

FIELD_WEIGHTS: dict[Field, float] = {
    Field.NAME: 1.0,
    Field.INTRO: 0.8,
    Field.OBJECTIVE: 0.8,
    Field.MODE: 0.8,
    Field.MANDATE: 0.8,
    Field.ELEMENT_NAME: 1.0,
    Field.PROGRAM_NAME: 1.0,
    Field.DEFINITION: 0.5,
    Field.HIGHLIGHT: 0.5,
}
"""How much a passage's words count, by where they were written."""
PHRASE_BONUS = 0.5
"""A stem inside a shared phrase counts this much more."""
Weighted = tuple[tuple[tuple[str, float], ...], float]
"""Stems with their idf, and the idf's sum."""


class Vocabulary:
    """The document's stems, their families and their inverse document frequency, counted
    over its texts: each source's passages and each target's make one text."""

    def __init__(self, texts: Sequence[Sequence[Passage]]) -> None:
        self._sorted = sorted({s for text in texts for p in text for s in p.stems})
        self._known = set(self._sorted)
        self._families = {s: self._family(s) for s in self._sorted}
        self._held: dict[frozenset[str], frozenset[str]] = {}
        # Sources and names are measured against each other many times over.
        self._held_all: dict[tuple[frozenset[str], ...], frozenset[str]] = {}
        self._weights: dict[tuple[frozenset[str], ...], Weighted] = {}
        held: dict[str, int] = {}
        for text in texts:
            for stem in {r for p in text for s in p.stems for r in self._families[s]}:
                held[stem] = held.get(stem, 0) + 1
        total = len(texts)
        self._idf = {s: math.log(1 + (total - n + 0.5) / (n + 0.5)) for s, n in held.items()}

    def _family(self, stem: str) -> frozenset[str]:
        """The known stems `related_stems` relates to `stem`: its known prefixes of at
        least `MIN_RELATED` letters, and, if it is that long, the stems it begins."""
        family = {stem[:k] for k in range(MIN_RELATED, len(stem))} & self._known
        family.add(stem)
        if len(stem) >= MIN_RELATED:
            # The stems that begin with it follow it in sorted order.
            for index in range(bisect.bisect_right(self._sorted, stem), len(self._sorted)):
                other = self._sorted[index]
                if not other.startswith(stem):
                    break
                family.add(other)
        return frozenset(family)

    def family(self, stem: str) -> frozenset[str]:
        return self._families.get(stem, frozenset({stem}))

    def held(self, passage: Passage) -> frozenset[str]:
        """The passage's stems and their word families."""
        found = self._held.get(passage.stems)
        if found is None:
            found = frozenset(r for s in passage.stems for r in self.family(s))
            self._held[passage.stems] = found
        return found

    def held_all(self, passages: Sequence[Passage]) -> frozenset[str]:
        """What `held` gives for any of the passages."""
        key = tuple(p.stems for p in passages)
        found = self._held_all.get(key)
        if found is None:
            found = frozenset().union(*(self.held(p) for p in passages))
            self._held_all[key] = found
        return found

    def weighted(self, passages: Sequence[Passage]) -> Weighted:
        """The passages' stems, each once with its idf (sorted: the same order in every
        process), and their sum (`fsum`: exact whatever the order)."""
        key = tuple(p.stems for p in passages)
        found = self._weights.get(key)
        if found is None:
            wanted = sorted({s for p in passages for s in p.stems})
            found = tuple((s, self.idf(s)) for s in wanted), math.fsum(map(self.idf, wanted))
            self._weights[key] = found
        return found

    def idf(self, stem: str) -> float:
        return self._idf.get(stem, 0.0)


@dataclass(frozen=True, slots=True)
class Quote:
    """A run of consecutive content words of a source passage that a target passage shares."""

    source: Passage
    target: Passage
    tokens: tuple[Token, ...]
    weight: float

    @property
    def text(self) -> str:
        return self.source.text[self.tokens[0].start : self.tokens[-1].end]


@dataclass(frozen=True, slots=True)
class Match:
    """What a source shares with a target: a score and the quotes that make it."""

    score: float
    coverage: float
    quotes: tuple[Quote, ...]


def match(
    vocabulary: Vocabulary,
    source: Sequence[Passage],
    target: Sequence[Passage],
    name: Sequence[Passage],
) -> Match:
    """Each target stem counts once, at its best quote; `coverage` is the share of the
    target's name weight (`name` passages) that the source's words hold."""
    best: dict[str, Quote] = {}
    for q in target:
        held = vocabulary.held(q)
        for p in source:
            if held.isdisjoint(p.stems):  # most pairs of passages share no word
                continue
            for quote in quotes(vocabulary, p, q):
                for token in quote.tokens:
                    key = _target_stem(vocabulary, token.stem, q)
                    if key not in best or best[key].weight < quote.weight:
                        best[key] = quote
    score = sum(_stem_weight(vocabulary, s, best[s]) for s in best)
    kept = tuple(dict.fromkeys(best.values()))
    return Match(score, coverage(vocabulary, source, name), kept)


def _target_stem(vocabulary: Vocabulary, stem: str, target: Passage) -> str:
    family = vocabulary.family(stem)
    return next((s for s in sorted(target.stems) if s in family), stem)


def _stem_weight(vocabulary: Vocabulary, stem: str, quote: Quote) -> float:
    return vocabulary.idf(stem) * quote.weight


def quotes(vocabulary: Vocabulary, source: Passage, target: Passage) -> Iterable[Quote]:
    """The runs of `source`'s tokens whose stems `target` holds (in its word families)."""
    held = vocabulary.held(target)
    run: list[Token] = []
    for token in (*source.tokens, None):
        if token is not None and token.stem in held:
            run.append(token)
            continue
        if run:
            phrase = 1 + PHRASE_BONUS if len({t.stem for t in run}) > 1 else 1.0
            weight = FIELD_WEIGHTS[source.field] * FIELD_WEIGHTS[target.field] * phrase
            yield Quote(source, target, tuple(run), weight)
            run = []


def coverage(vocabulary: Vocabulary, source: Sequence[Passage], name: Sequence[Passage]) -> float:
    """The idf-weighted share of a target name's stems that the source's passages hold."""
    wanted, total = vocabulary.weighted(name)
    if not total:
        return 0.0
    held = vocabulary.held_all(source)
    return math.fsum(idf for s, idf in wanted if s in held) / total
