"""From what a source shares with a target to a confidence: a logistic model.

Each candidate pair (a group or unit, an element) is described by a few
numbers, all in [0, 1] (`FEATURES`); the confidence is the logistic of their
weighted sum. The weights were fitted (`python -m bench.serves_fit`) on the
labelled documents of `tests/corpus/`, so a confidence is a measured rate: of
the candidate pairs given 0.9, about nine in ten are labelled true. An edge
needs `MODEL.threshold`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from graph.build.serves_match import Match, Vocabulary, coverage
from graph.build.serves_targets import Target
from graph.build.serves_text import Passage

FEATURES = (
    "name",
    "text",
    "score",
    "focus",
    "margin",
    "lead",
    "unclaimed",
    "specific",
    "program",
    "within",
)
"""- name: the share of the element's name (idf-weighted) that the source's name holds;
- text: the same share, held anywhere in the source's passages;
- score: the match score (`serves_match`), as score / (score + 5);
- focus: the score over the source's best score for any candidate element;
- margin: for the source's best candidate, how far it leads the second (1 - second / best);
- lead: the score over the best score any rival source has for this element;
- unclaimed: 1 less the share of the element's name that a rival's name holds (an element
  another sector is named after is that sector's);
- specific: 1 when the element name's rarest word is among the source's;
- program: the share of the element's program name that the source's name holds;
- within: for a unit, 1 when its group's own texts already give the element."""

SCORE_HALF = 5.0
"""The match score that maps to 0.5."""


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float
    weights: tuple[float, ...]

    def confidence(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * f for w, f in zip(self.weights, features, strict=True))
        return 1 / (1 + math.exp(-z))


@dataclass(frozen=True, slots=True)
class Model:
    """The weights for a group's candidates, for a unit's among its group's targets, and
    for a unit of central services beyond the administration elements."""

    group: Weights
    unit: Weights
    extra: Weights
    threshold: float
    """The confidence an edge needs: the one with the best F1 on the labelled documents."""


# Fitted by `python -m bench.serves_fit` (L2-regularised logistic regression).
MODEL = Model(
    group=Weights(-4.54, (0.31, 0.88, 0.59, 1.13, 1.18, 2.38, 0.26, 1.44, 2.26, 0.0)),
    unit=Weights(-3.63, (1.07, 0.0, 0.13, 0.64, 2.07, 0.0, 0.36, 0.36, 0.0, 2.13)),
    extra=Weights(-5.47, (0.0, 1.84, 0.63, 2.47, 0.0, 0.49, 0.0, 0.86, 0.0, 0.0)),
    threshold=0.55,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A source, a target element, their match and the features the model reads."""

    source: str
    target: Target
    match: Match
    features: tuple[float, ...]

    def feature(self, name: str) -> float:
        return self.features[FEATURES.index(name)]


Matches = dict[tuple[str, str], Match]
"""(source node, target number) → their match."""
Names = dict[str, dict[str, float]]
"""source node → target number → the share of the target's name the source's name holds."""


@dataclass(frozen=True, slots=True)
class Table:
    """What every candidate is measured with: the document's vocabulary, each (source,
    element) match, each share of an element's name a source's name holds, the programs."""

    vocabulary: Vocabulary
    matches: Matches
    names: Names
    programs: dict[int, Target]


@dataclass(frozen=True, slots=True)
class Ranking:
    """A source's best and second-best scores among its candidates, and its words."""

    best: float
    second: float
    held: set[str]


def candidates(
    table: Table,
    source: str,
    passages: Sequence[Passage],
    targets: Sequence[Target],
    rivals: Sequence[str],
    within: set[str],
) -> list[Candidate]:
    """Every target of `targets` for `source`, its lead measured against `rivals`."""
    scores = sorted((table.matches[source, t.number].score for t in targets), reverse=True)
    ranking = Ranking(
        scores[0] if scores else 0.0,
        scores[1] if len(scores) > 1 else 0.0,
        _held(table.vocabulary, passages),
    )
    return [
        Candidate(
            source,
            target,
            table.matches[source, target.number],
            _features(table, source, passages, target, ranking, rivals, within),
        )
        for target in targets
    ]


def _features(
    table: Table,
    source: str,
    passages: Sequence[Passage],
    target: Target,
    ranking: Ranking,
    rivals: Sequence[str],
    within: set[str],
) -> tuple[float, ...]:
    own = table.matches[source, target.number]
    rival = max((table.matches[r, target.number].score for r in rivals), default=0.0)
    claimed = max((table.names[r][target.number] for r in rivals), default=0.0)
    best = ranking.best
    return (
        table.names[source][target.number],
        own.coverage,
        own.score / (own.score + SCORE_HALF),
        own.score / best if best else 0.0,
        1 - ranking.second / best if best and own.score == best else 0.0,
        own.score / max(rival, own.score) if own.score else 0.0,
        1 - claimed,
        float(_rarest(table.vocabulary, target) in ranking.held),
        coverage(table.vocabulary, passages[:1], table.programs[target.program].names),
        float(target.number in within),
    )


def _rarest(vocabulary: Vocabulary, target: Target) -> str:
    stems = sorted({s for p in target.names for s in p.stems})
    return max(stems, key=vocabulary.idf, default="")


def _held(vocabulary: Vocabulary, passages: Sequence[Passage]) -> set[str]:
    return set().union(*(vocabulary.held(p) for p in passages))
