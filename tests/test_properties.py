"""Property: a damaged document gives a complete `Document` or a `DocumentError`, nothing else.

Hypothesis deletes, duplicates, swaps and corrupts lines of the real document and
the synthetic sample, or cuts them short. Whatever it does, the loader must either
read the result completely (every figure pointing at the cell it came from) or
raise `DocumentError`: never another exception, never a half-built document.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import Document, DocumentError, parse_document
from loaders.lines import decode, split_lines
from tests.documents import MICC, SYNTHETIC

SOURCE = "mutated.txt"
TEXTS = [MICC.read_text(encoding="utf-8"), SYNTHETIC.read_text(encoding="utf-8")]
# Characters that matter to the format, then any character at all.
CHARACTERS = st.one_of(
    st.sampled_from(list("\t 0123456789,()-–−:.*%$\\É«»\u00a0\u202f\ufeff\r")), st.characters()
)
Mutation = tuple[str, int, int, str]
MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "swap", "corrupt", "insert", "cut"]),
        st.integers(min_value=0, max_value=10**6),
        st.integers(min_value=0, max_value=10**6),
        CHARACTERS,
    ),
    min_size=1,
    max_size=4,
)


def mutate(text: str, mutations: list[Mutation]) -> str:
    lines = text.split("\n")
    for kind, at, other, character in mutations:
        if kind == "cut":
            joined = "\n".join(lines)
            lines = joined[: at % (len(joined) + 1)].split("\n")
            continue
        index, second = at % len(lines), other % len(lines)
        if kind == "delete":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "swap":
            lines[index], lines[second] = lines[second], lines[index]
        else:
            lines[index] = _edit(lines[index], kind, other, character)
        lines = lines or [""]
    return "\n".join(lines)


def _edit(line: str, kind: str, at: int, character: str) -> str:
    """Replace (corrupt) or insert one character of a line."""
    position = at % (len(line) + 1)
    end = position + 1 if kind == "corrupt" else position
    return line[:position] + character + line[end:]


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


def parse_or_fail(text: str) -> None:
    try:
        document = parse_document(SOURCE, split_lines(SOURCE, text))
    except DocumentError as error:
        assert str(error).startswith(f"{SOURCE}")
        assert error.line is None or 1 <= error.line <= len(split_lines(SOURCE, text))
        return
    assert_complete(document, text)


@settings(max_examples=200, deadline=None, database=None)
@given(which=st.sampled_from([0, 1]), mutations=MUTATIONS)
def test_parse_document_mutated_text(which: int, mutations: list[Mutation]) -> None:
    parse_or_fail(mutate(TEXTS[which], mutations))


@settings(max_examples=100, deadline=None, database=None)
@given(which=st.sampled_from([0, 1]), at=st.integers(min_value=0), byte=st.binary(max_size=3))
def test_read_document_mutated_bytes(which: int, at: int, byte: bytes) -> None:
    data = TEXTS[which].encode("utf-8")
    position = at % (len(data) + 1)
    data = data[:position] + byte + data[position + 1 :]
    try:
        text = decode(SOURCE, data)
    except DocumentError:
        return
    parse_or_fail(text)


def test_mutate_keeps_an_untouched_document_readable() -> None:
    for text in TEXTS:
        parse_or_fail(mutate(text, [("duplicate", 0, 0, "x")]))
