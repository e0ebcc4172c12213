"""How the highlights audit reads the words around a stated value (graph/audit/prose.py),
on the seed's highlights (lines 7, 9, 15) and a corpus document's decrease."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.audit.prose import Place, places, quantity, sense, tokens, written_years
from loaders import Document, read_document
from loaders.records import Measure, StatedValue
from tests import seed
from tests.documents import SYNTHETIC

EXP, INV = Measure.EXPENDITURE, Measure.INVESTMENT


@pytest.fixture(scope="module")
def read(micc: Document) -> list[tuple[int, StatedValue, Place]]:
    return [
        (paragraph.provenance.line_start, value, place)
        for paragraph in micc.highlights
        for value, place in places(paragraph)
    ]


def test_places_find_every_value_the_highlights_state(
    read: list[tuple[int, StatedValue, Place]],
) -> None:
    assert [(line, value.value) for line, value, _ in read] == [
        (p.line, p.value) for p in seed.HIGHLIGHTS
    ]
    for _, value, place in read:
        assert place.sentence[place.start : place.end] == value.raw
        assert place.opens <= place.start < place.end <= place.closes


# As a reader reads each value (in the order of seed.HIGHLIGHTS): a change or a level and
# its direction, the quantity, the fiscal years its clause writes, the word opening it.
READ = [
    ((False, 1), EXP, ["2007-2008"], ""),  # Le budget de dépenses 2007-2008 ... est de
    ((False, 1), EXP, [], "dont"),  # dont 110 600 000 $ sont alloués au ministère
    ((False, 1), EXP, [], ""),  # et 700 000 $ au Conseil
    ((True, 1), EXP, [], ""),  # il s'agit d'une augmentation de 5 400 000 $
    ((True, 1), EXP, [], "soit"),  # soit une bonification de 5,1 %
    ((True, 1), INV, ["2007-2008"], ""),  # Le budget d'investissements 2007-2008 est augmenté
    ((False, 1), INV, [], "passant"),  # passant à 6 700 000 $
]


@pytest.mark.parametrize("index", range(len(READ)))
def test_each_value_is_read_as_its_sentence_says(
    read: list[tuple[int, StatedValue, Place]], index: int
) -> None:
    _, _, place = read[index]
    changed, measure, years, opener = READ[index]
    assert (sense(place), quantity(place), written_years(place), place.opener) == (
        changed,
        measure,
        years,
        opener,
    )


def test_a_clause_stops_at_the_next_value(read: list[tuple[int, StatedValue, Place]]) -> None:
    """Line 7's three amounts share one sentence; each clause holds its amount only."""
    line_7 = [(value, place) for line, value, place in read if line == 7]
    amounts = [value.raw for value, _ in line_7]
    assert len(amounts) == len([p for p in seed.HIGHLIGHTS if p.line == 7])
    for value, place in line_7:
        assert [raw for raw in amounts if raw in place.clause] == [value.raw]


def decrease_document() -> Path:
    """A corpus document whose investments are `en diminution de 900 000 $`."""
    return SYNTHETIC.parent / "culture-communications-2010-2011.txt"


def test_a_decrease_is_a_negative_change() -> None:
    document = read_document(decrease_document())
    found = [
        (value.raw, sense(place), quantity(place))
        for paragraph in document.highlights
        for value, place in places(paragraph)
        if "diminution" in place.clause
    ]
    assert found == [("900 000 $", (True, -1), INV)]


def test_tokens_fold_words_and_keep_their_capitals(micc_text: str) -> None:
    line = micc_text.splitlines()[122]  # line 123: - Le *Secrétariat du Ministère* coordonne
    found = tokens(line)
    assert [(t.word, t.capital) for t in found[:4]] == [
        ("le", True),
        ("secretariat", True),
        ("du", False),
        ("ministere", True),
    ]
    assert all(line[t.start : t.end].lower().startswith(t.word[:1]) for t in found[:4])
