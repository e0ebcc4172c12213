"""Serves measured against the labelled documents of tests/corpus/ (`*.labels.json`).

Each document's precision and recall over (source, element) pairs must stay at or
above the floor measured when this model was fitted (`bench/RESULTS.md` prints the
current numbers; the goal is precision 0.95 and recall 0.90 on every document). A
floor rises with the measure; a change that lowers one is a regression on a document a
reader labelled, kept only for a gain on the documents never fitted, and said beside it.
"""

from __future__ import annotations

import pytest

from bench.serves_quality import (
    HELD_OUT,
    UNSEEN,
    Labels,
    Score,
    evaluate,
    labelled_documents,
    total,
)
from loaders.text import name_key

# (precision, recall) measured on each labelled document, rounded down. Transports' recall
# fell from 0.96 when a unit stopped inheriting every element of its group, which cost two
# of its pairs and removed far more wrong pairs on the documents never fitted.
FLOORS = {
    "culture-communications-2010-2011.txt": (0.95, 1.00),
    "education-loisir-sport-2006-2007.txt": (0.96, 0.90),
    "micc-2007-2008.txt": (1.00, 0.95),
    "sante-services-sociaux-2009-2010.txt": (0.95, 0.76),
    "synthetic-tourisme-2008-2009.txt": (1.00, 0.86),
    "transports-2011-2012.txt": (0.88, 0.88),
}
OVERALL = (0.95, 0.89)
DOCUMENTS = labelled_documents()


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return {labels.document.name: evaluate(labels) for labels in DOCUMENTS}


def test_labels_cover_every_labelled_document() -> None:
    """Every labelled document has a floor, and every floor a labelled document."""
    assert {labels.document.name for labels in DOCUMENTS} == set(FLOORS)


@pytest.mark.parametrize("labels", DOCUMENTS, ids=lambda labels: labels.document.name)
def test_serves_precision_and_recall_hold_their_floor(
    labels: Labels, scores: dict[str, Score]
) -> None:
    score = scores[labels.document.name]
    precision, recall = FLOORS[labels.document.name]
    assert score.count.precision >= precision, score.wrong
    assert score.count.recall >= recall, score.missed


def test_serves_overall_precision_and_recall(scores: dict[str, Score]) -> None:
    count = total(scores.values())
    assert count.precision >= OVERALL[0]
    assert count.recall >= OVERALL[1]


def test_serves_nothing_labels_get_no_edge(scores: dict[str, Score]) -> None:
    """A unit whose text puts its money outside the portfolio serves nothing."""
    nothing = [(labels, name_key(n)) for labels in DOCUMENTS for n in labels.serves_nothing]
    assert nothing  # the corpus labels such units
    for labels, source in nothing:
        wrong = scores[labels.document.name].wrong
        assert [pair for pair in wrong if pair[0] == source] == []


def test_high_confidence_edges_are_mostly_right(scores: dict[str, Score]) -> None:
    """Calibration: of the pairs given 0.90 or more, at least nine in ten are labelled."""
    sure = [right for s in scores.values() for c, right in s.confidences if c >= 0.9]
    assert sure and sum(sure) / len(sure) >= 0.9


# Documents by two other authors that the model never saw (`tests/corpus/unseen/`):
# (precision, recall) as measured after the general fixes their misses led to, rounded
# down; still far from the goal on two of them (`bench/RESULTS.md`).
UNSEEN_FLOORS = {
    "affaires-municipales-regions-2007-2008.txt": (0.79, 0.65),
    "agriculture-pecheries-alimentation-2012-2013.txt": (1.00, 0.86),
    "developpement-durable-environnement-parcs-2007-2008.txt": (0.75, 0.60),
    "famille-aines-2010-2011.txt": (0.91, 0.84),
    "securite-publique-2008-2009.txt": (0.90, 1.00),
}
UNSEEN_DOCUMENTS = labelled_documents(UNSEEN)


# Documents written with other wording, labelled from their text before the inference ran
# on them (`tests/corpus/heldout/`), never fitted: (precision, recall) as measured after the
# general fixes their misses led to, rounded down.
HELD_OUT_FLOORS = {
    "emploi-solidarite-sociale-2011-2012.txt": (0.86, 0.74),
    "justice-2009-2010.txt": (0.92, 0.85),
    "ressources-naturelles-faune-2008-2009.txt": (0.87, 1.00),
}
HELD_OUT_DOCUMENTS = labelled_documents(HELD_OUT)


NEVER_FITTED = {
    "unseen": (UNSEEN_DOCUMENTS, UNSEEN_FLOORS),
    "heldout": (HELD_OUT_DOCUMENTS, HELD_OUT_FLOORS),
}


@pytest.mark.parametrize("name", NEVER_FITTED)
def test_each_never_fitted_set_has_a_floor_per_document(name: str) -> None:
    documents, floors = NEVER_FITTED[name]
    assert {labels.document.name for labels in documents} == set(floors)


@pytest.mark.parametrize(
    ("labels", "floors"),
    [(labels, floors) for documents, floors in NEVER_FITTED.values() for labels in documents],
    ids=lambda value: value.document.name if isinstance(value, Labels) else "",
)
def test_serves_on_never_fitted_documents_hold_their_floor(
    labels: Labels, floors: dict[str, tuple[float, float]]
) -> None:
    score = evaluate(labels)
    precision, recall = floors[labels.document.name]
    assert score.count.precision >= precision, score.wrong
    assert score.count.recall >= recall, score.missed


def test_held_out_serves_nothing_labels_get_no_edge() -> None:
    """A unit whose text puts its money outside the portfolio, in words other than the
    fitted documents' (`ne figurent pas au budget`, `ne sont pas incluses dans le budget`),
    serves nothing."""
    nothing = [
        (labels, name_key(n)) for labels in HELD_OUT_DOCUMENTS for n in labels.serves_nothing
    ]
    assert nothing
    for labels, source in nothing:
        assert [pair for pair in evaluate(labels).wrong if pair[0] == source] == []
