"""The document vocabulary serves matching counts on: its word families."""

from __future__ import annotations

import pytest

from bench.serves_quality import CORPUS
from graph.build.serves_match import Vocabulary
from graph.build.serves_text import Field, Passage
from loaders import read_document
from loaders.records import Document
from loaders.text import content_tokens, related_stems


def _passages(document: Document) -> list[Passage]:
    lines = document.provenance.text.split("\n")
    return [Passage.of(t, n, Field.NAME, content_tokens(t)) for n, t in enumerate(lines, 1)]


@pytest.mark.parametrize(
    "name", ["culture-communications-2010-2011.txt", "transports-2011-2012.txt"]
)
def test_a_stem_family_is_every_known_stem_related_to_it(name: str) -> None:
    passages = _passages(read_document(CORPUS / name))
    vocabulary = Vocabulary([passages])
    known = {s for p in passages for s in p.stems}
    assert len(known) > 100
    for stem in known:
        expected = {other for other in known if related_stems(other, stem)}
        assert vocabulary.family(stem) == expected, stem
