"""Property: a damaged document gives a complete `Document` or a `DocumentError`, nothing
else, and the damage a reader cannot see is never a silent change of what is served.

Hypothesis deletes, duplicates, swaps and corrupts lines of the real document and
the synthetic sample, cuts them short, repeats table rows, types letters into
prose amounts and cuts section 4 short (`tests.mutations`). Whatever it does, the
loader must either read the result completely (every figure pointing at the cell
it came from) or raise `DocumentError`: never another exception, never a
half-built document. The targeted damage has a stronger oracle each:

- a repeated row of a table is an error naming both lines;
- a typo in a prose amount loads, and the audit reports the token `unchecked`
  with its text; no table figure changes, and no other finding;
- a cut inside section 4 (right after a line that announces more) is an error.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.audit import Finding, Identity, Status, audit
from graph.build import build_graph
from loaders import Document, DocumentError, parse_document
from loaders.lines import decode, split_lines
from tests.documents import MICC, SYNTHETIC
from tests.mutations import (
    KINDS,
    TARGETED,
    Mutation,
    cut_section_4,
    mutate,
    repeat_row,
    typo,
)

SOURCE = "mutated.txt"
TEXTS = [MICC.read_text(encoding="utf-8"), SYNTHETIC.read_text(encoding="utf-8")]
# Characters that matter to the format, then any character at all.
CHARACTERS = st.one_of(
    st.sampled_from(list("\t 0123456789,()-–−:.*%$\\É«»\u00a0\u202f\ufeff\r")), st.characters()
)
INDEX = st.integers(min_value=0, max_value=10**6)
MUTATIONS = st.lists(
    st.tuples(st.sampled_from(KINDS + TARGETED), INDEX, INDEX, CHARACTERS),
    min_size=1,
    max_size=4,
)
WHICH = st.sampled_from([0, 1])


def parse(text: str) -> Document:
    return parse_document(SOURCE, split_lines(SOURCE, text))


ORIGINALS = [parse(text) for text in TEXTS]


def assert_complete(document: Document, text: str) -> None:
    """Every part a document must have is there, and every figure is its cell's text."""
    assert document.programs and document.groups and document.credits.programs
    for program in document.programs:
        assert program.elements and program.definition and program.names
        assert [row.number for row in program.elements] == [r.number for r in program.comparison]
        assert program.elements_total.figures and program.comparison_total.figures
    assert document.credits.total.figures and document.supercategories.total.figures
    lines = split_lines(SOURCE, text)
    for figure in document.figures():
        line = lines[figure.provenance.line_start - 1]
        assert line.text == figure.provenance.text
        assert line.cells[figure.cell - 1] == figure.raw
    for marker in document.not_computable():
        line = lines[marker.provenance.line_start - 1]
        cells = line.cells
        assert marker.raw == (cells[marker.cell - 1] if marker.cell <= len(cells) else "")


def parse_or_fail(text: str) -> None:
    try:
        document = parse(text)
    except DocumentError as error:
        assert str(error).startswith(f"{SOURCE}")
        assert error.line is None or 1 <= error.line <= len(split_lines(SOURCE, text))
        return
    assert_complete(document, text)


@settings(max_examples=200, deadline=None, database=None)
@given(which=WHICH, mutations=MUTATIONS)
def test_parse_document_mutated_text(which: int, mutations: list[Mutation]) -> None:
    parse_or_fail(mutate(TEXTS[which], mutations))


@settings(max_examples=100, deadline=None, database=None)
@given(which=WHICH, at=st.integers(min_value=0), byte=st.binary(max_size=3))
def test_read_document_mutated_bytes(which: int, at: int, byte: bytes) -> None:
    data = TEXTS[which].encode("utf-8")
    position = at % (len(data) + 1)
    data = data[:position] + byte + data[position + 1 :]
    try:
        text = decode(SOURCE, data)
    except DocumentError:
        return
    parse_or_fail(text)


@settings(max_examples=60, deadline=None, database=None)
@given(which=WHICH, at=INDEX, other=INDEX)
def test_a_repeated_row_is_an_error_naming_both_lines(which: int, at: int, other: int) -> None:
    """The error is on the later of two rows of one table with the same label (or row
    number), and names the earlier; the copy is one of the two."""
    lines = TEXTS[which].split("\n")
    changed = repeat_row(lines, at, other)
    copy = next(i for i, (a, b) in enumerate(zip(lines, changed, strict=False)) if a != b) + 1
    try:
        parse("\n".join(changed))
    except DocumentError as error:
        named = re.search(r" repeats (?:the number of )?line (\d+) ", str(error))
        assert named is not None and error.line is not None, str(error)
        first, second = int(named.group(1)), error.line
        assert first < second and copy in (first, second)
        assert _row_key(changed[first - 1]) == _row_key(changed[second - 1])
        return
    raise AssertionError(f"line {copy} repeated without an error")


def _row_key(line: str) -> str:
    """A row's label, or its number when it has one (`1. Immigration` → `1`)."""
    label = line.split("\t")[0].strip().casefold()
    numbered = re.match(r"(?:élément\s+)?(\d+)\s*[.:]", label)
    return numbered.group(1) if numbered else label


def pinned(findings: list[Finding]) -> Counter[tuple[object, ...]]:
    return Counter(
        (f.identity, f.node, f.measure, f.years, f.stated, f.computed, f.status, f.cell)
        for f in findings
        if f.identity is not Identity.HIGHLIGHT_UNREAD
    )


@settings(max_examples=40, deadline=None, database=None)
@given(which=WHICH, at=INDEX, other=INDEX)
def test_a_typo_in_a_prose_amount_is_reported_and_changes_nothing_else(
    which: int, at: int, other: int
) -> None:
    lines = TEXTS[which].split("\n")
    changed = typo(lines, at, other)
    index = next(i for i, (a, b) in enumerate(zip(lines, changed, strict=True)) if a != b)
    document = parse("\n".join(changed))
    original = ORIGINALS[which]
    assert list(document.figures()) == list(original.figures())
    unread = [f for f in audit(build_graph([document])) if f.identity is Identity.HIGHLIGHT_UNREAD]
    assert [(f.status, f.stated_at.line_start) for f in unread] == [(Status.UNCHECKED, index + 1)]
    assert unread[0].stated_raw in changed[index].replace("\\$", "$")
    before, after = pinned(audit(build_graph([original]))), pinned(audit(build_graph([document])))
    assert not after - before  # no new finding; at most the typed value's is gone
    assert sum((before - after).values()) <= 1


@settings(max_examples=60, deadline=None, database=None)
@given(which=WHICH, at=INDEX, other=INDEX)
def test_a_cut_inside_section_4_is_an_error(which: int, at: int, other: int) -> None:
    text = "\n".join(cut_section_4(TEXTS[which].split("\n"), at, other))
    try:
        parse(text)
    except DocumentError as error:
        assert str(error).startswith(f"{SOURCE}:")
        return
    raise AssertionError(f"cut after {text.splitlines()[-1]!r} loaded without an error")


def test_mutate_keeps_an_untouched_document_readable() -> None:
    for text in TEXTS:
        parse_or_fail(mutate(text, [("duplicate", 0, 0, "x")]))
