"""Decoding and numbering lines; the export's markup and page headers."""

from __future__ import annotations

import pytest

from loaders import DocumentError
from loaders.errors import NotTextError
from loaders.lines import Line, content_lines, decode, span, split_lines, strip_markup


def test_decode_plain_utf8() -> None:
    assert decode("x.txt", "Crédits à voter".encode()) == "Crédits à voter"


def test_decode_removes_the_byte_order_mark() -> None:
    assert decode("x.txt", b"\xef\xbb\xbfFiches explicatives\n") == "Fiches explicatives\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"1. FAITS\n\xe9t\xe9\n", r"^x\.txt:2: is not UTF-8 text \(invalid continuation byte\)$"),
        (b"a\nb\nc\xff\n", r"^x\.txt:3: is not UTF-8 text \(invalid start byte\)$"),
        (b"a\nb\x00c\n", r"^x\.txt:2: is not text \(NUL byte\)$"),
        ("Fiches".encode("utf-16"), r"^x\.txt:1: is not text \(NUL byte\)$"),
    ],
)
def test_decode_rejects_what_is_not_text(data: bytes, message: str) -> None:
    with pytest.raises(NotTextError, match=message):
        decode("x.txt", data)


def test_decode_errors_are_document_errors() -> None:
    assert issubclass(NotTextError, DocumentError)


def test_split_lines_numbers_from_one() -> None:
    lines = split_lines("x.txt", "a\nb\n\nc\n")
    assert [(x.number, x.text) for x in lines] == [(1, "a"), (2, "b"), (3, ""), (4, "c")]
    assert all(x.source == "x.txt" for x in lines)


def test_split_lines_crlf_counts_like_lf() -> None:
    lf = split_lines("x.txt", "a\tb\n\nc\n")
    crlf = split_lines("x.txt", "a\tb\r\n\r\nc\r\n")
    assert crlf == lf


def test_split_lines_without_final_newline() -> None:
    assert [x.text for x in split_lines("x.txt", "a\nb")] == ["a", "b"]


def test_split_lines_empty_text() -> None:
    assert split_lines("x.txt", "") == []


def test_strip_markup() -> None:
    assert strip_markup("est de **111 300 000 \\$**") == "est de 111 300 000 $"
    assert strip_markup("La *Direction des ressources humaines* assure") == (
        "La Direction des ressources humaines assure"
    )


def test_line_cells_are_stripped_and_unmarked() -> None:
    line = Line("x.txt", 1, "**Total** \t 110 585,5\t(000 \\$)\t")
    assert line.cells == ("Total", "110 585,5", "(000 $)", "")
    assert line.clean == "Total \t 110 585,5\t(000 $)"


def test_line_error_names_file_line_and_cell() -> None:
    error = Line("x.txt", 65, "1. Immigration\t3 79A,8").error(DocumentError, "is bad", 2)
    assert str(error) == "x.txt:65: cell 2 is bad"
    assert (error.path, error.line, error.cell, error.text) == (
        "x.txt",
        65,
        2,
        "1. Immigration\t3 79A,8",
    )


@pytest.mark.parametrize(
    "header", ["Fiches explicatives", "  Fiches explicatives\t", "**Fiches explicatives**"]
)
def test_content_lines_drop_page_headers_and_blanks(header: str) -> None:
    lines = split_lines("x.txt", f"a\n\n{header}\n \t\nb\n")
    assert [(x.number, x.text) for x in content_lines(lines)] == [(1, "a"), (5, "b")]


def test_content_lines_keep_prose_mentioning_the_header() -> None:
    lines = split_lines("x.txt", "Les Fiches explicatives du portefeuille\n")
    assert len(content_lines(lines)) == 1


def test_span_covers_first_to_last_line() -> None:
    provenance = span(split_lines("x.txt", "a\nb\nc\n"))
    assert (provenance.line_start, provenance.line_end, provenance.text) == (1, 3, "a\nb\nc")
