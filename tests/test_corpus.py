"""Every document of the corpus loads, and those written to hold every identity audit clean.

The corpus holds documents of the family by several authors (`tests/corpus/`,
`tests/corpus/unseen/` and `tests/corpus/heldout/`), each with its own portfolio,
wording and layout variations (markers, negatives, separators, BOM, CRLF, page
headers). `labelled-culture` breaks one identity on purpose; the others were written to
hold them all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.audit import Status, audit
from graph.build import build_graph
from loaders import read_document
from tests.documents import ROOT

CORPUS = ROOT / "tests" / "corpus"
DOCUMENTS = sorted(
    [*CORPUS.glob("*.txt"), *(CORPUS / "unseen").glob("*.txt"), *(CORPUS / "heldout").glob("*.txt")]
)
BROKEN_ON_PURPOSE = {"labelled-culture-2009-2010.txt"}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_document_loads_and_audits(path: Path) -> None:
    document = read_document(path)
    assert document.programs and document.groups
    found = audit(build_graph([document]))
    mismatches = [f for f in found if f.status is Status.MISMATCH]
    if path.name in BROKEN_ON_PURPOSE:
        assert mismatches
    else:
        assert mismatches == [], [(f.identity, f.stated_at.line_start) for f in mismatches]
