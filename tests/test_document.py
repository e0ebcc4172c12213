"""Whole documents: sections, encodings, the records they give, and whole-file errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import Document, DocumentError, read_document
from loaders.errors import NotTextError, StructureError
from tests.documents import MICC, Layout, build, parse_text, with_line


def test_read_document_portfolio_and_years(micc: Document) -> None:
    assert micc.source == str(MICC)
    assert micc.portfolio == "Immigration et Communautés culturelles"
    assert (micc.year, micc.previous_year) == ("2007-2008", "2006-2007")


def test_read_document_portfolio_names_as_written(micc: Document) -> None:
    names = [(t.text, t.provenance.line_start) for t in micc.portfolio_names]
    assert names == [
        ("Immigration et Communautés culturelles", 7),
        ("Immigration et Communautés culturelles", 9),
        ("IMMIGRATION ET COMMUNAUTÉS CULTURELLES", 33),
    ]


def test_read_document_programs(micc: Document) -> None:
    assert [(p.number, p.name) for p in micc.programs] == [
        (1, "Immigration, Intégration et Communautés culturelles"),
        (2, "Organisme relevant du ministre"),
    ]


def test_read_document_program_names_everywhere_they_appear(micc: Document) -> None:
    names = [[(t.text, t.provenance.line_start) for t in p.names] for p in micc.programs]
    assert names == [
        [
            ("Immigration, intégration et communautés culturelles", 39),
            ("IMMIGRATION, INTÉGRATION ET COMMUNAUTÉS CULTURELLES", 62),
            ("Immigration, Intégration et Communautés culturelles", 17),
            ("Immigration, Intégration et Communautés culturelles", 101),
        ],
        [
            ("Organisme relevant du ministre", 40),
            ("ORGANISME RELEVANT DU MINISTRE", 84),
            ("Organisme relevant de la ministre", 23),
            ("Organisme relevant du ministre", 107),
        ],
    ]


def test_read_document_program_credits_row_is_the_portfolio_row(micc: Document) -> None:
    assert [p.credits for p in micc.programs] == list(micc.credits.programs)


def test_read_document_provenance_spans_the_file(micc: Document) -> None:
    assert (micc.provenance.line_start, micc.provenance.line_end) == (1, 224)
    assert micc.provenance.text == MICC.read_text(encoding="utf-8")


def test_read_document_table_rows_in_order(micc: Document) -> None:
    lines = [row.provenance.line_start for row in micc.table_rows()]
    portfolio = [39, 40, 41, 43, 44, 50, 51, 52, 53, 54, 56, 57, 58]
    assert lines == portfolio + [65, 66, 67, 68, 69, 76, 77, 78, 79, 80, 88, 89, 96, 97]


def test_read_document_crlf_and_bom_read_like_lf(micc_text: str, tmp_path: Path) -> None:
    path = tmp_path / "micc.txt"
    path.write_bytes(b"\xef\xbb\xbf" + micc_text.replace("\n", "\r\n").encode("utf-8"))
    document = read_document(path)
    plain = parse_text(micc_text, str(path))
    assert document == plain


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_read_document_built_document_encodings(tmp_path: Path, bom: bool, newline: str) -> None:
    built = build()
    path = tmp_path / "built.txt"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + built.text.replace("\n", newline).encode())
    document = read_document(path)
    assert {(f.provenance.line_start, f.cell): f.value for f in document.figures()} == built.values
    assert all("\r" not in f.provenance.text for f in document.figures())


@pytest.mark.parametrize("programs", [(1,), (2, 1, 3)])
def test_read_document_program_counts(programs: tuple[int, ...]) -> None:
    document = parse_text(build(Layout(elements=programs)).text)
    assert [p.number for p in document.programs] == list(range(1, len(programs) + 1))
    assert [len(p.elements) for p in document.programs] == list(programs)
    assert [p.share.provenance.line_start > 0 for p in document.programs] == [True] * len(programs)


def test_read_document_missing_section_2(micc_text: str) -> None:
    text = micc_text
    for number in range(31, 98):
        text = with_line(text, number, "")
    message = r"^micc\.txt:99: found section 3 where section 2\. CRÉDITS YYYY-YYYY was expected$"
    with pytest.raises(StructureError, match=message):
        parse_text(text, "micc.txt")


def test_read_document_missing_section_2_heading_only(micc_text: str) -> None:
    with pytest.raises(DocumentError, match=r"^micc\.txt:99: found section 3 where section 2"):
        parse_text(with_line(micc_text, 31, ""), "micc.txt")


def test_read_document_missing_last_section(micc_text: str) -> None:
    text = "\n".join(micc_text.split("\n")[:112])
    with pytest.raises(DocumentError, match=r"^micc\.txt:111: section 4\. MANDATS.* is missing"):
        parse_text(text, "micc.txt")


def test_read_document_section_twice(micc_text: str) -> None:
    text = with_line(micc_text, 113, "3. DÉFINITIONS DES PROGRAMMES")
    with pytest.raises(DocumentError, match=r"^micc\.txt:113: section 3 appears a second time$"):
        parse_text(text, "micc.txt")


def test_read_document_text_before_section_1(micc_text: str) -> None:
    text = with_line(micc_text, 2, "Budget de dépenses")
    with pytest.raises(DocumentError, match=r"^micc\.txt:2: text before section 1"):
        parse_text(text, "micc.txt")


def test_read_document_bad_fiscal_year(micc_text: str) -> None:
    text = with_line(micc_text, 31, "2. CRÉDITS 2007-2009")
    with pytest.raises(DocumentError, match=r'^micc\.txt:31: "2007-2009" is not a fiscal year$'):
        parse_text(text, "micc.txt")


@pytest.mark.parametrize(
    "data", [b"", b"\n\n\n", b"\xef\xbb\xbf", b"\r\n \t\r\n", b"\nFiches explicatives\n\n"]
)
def test_read_document_empty_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "micc.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=r"micc\.txt: is empty \(no line of text\)$"):
        read_document(path)


def test_read_document_bad_utf8(micc_text: str, tmp_path: Path) -> None:
    path = tmp_path / "micc.txt"
    path.write_bytes(micc_text.encode("cp1252", errors="replace"))
    with pytest.raises(NotTextError, match=r"micc\.txt:7: is not UTF-8 text \(invalid"):
        read_document(path)


def test_read_document_nul_bytes(micc_text: str, tmp_path: Path) -> None:
    path = tmp_path / "micc.txt"
    path.write_bytes(with_line(micc_text, 65, "1. Immigration\x00\t3 794,8").encode())
    with pytest.raises(NotTextError, match=r"micc\.txt:65: is not text \(NUL byte\)$"):
        read_document(path)


def test_read_document_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(NotTextError, match=r"image\.png:3: is not text \(NUL byte\)$"):
        read_document(path)


def test_read_document_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    with pytest.raises(DocumentError, match=r"absent\.txt: cannot be read \(No such file"):
        read_document(path)


def test_read_document_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r": cannot be read \("):
        read_document(tmp_path)


def test_read_document_definition_without_program_row(micc_text: str) -> None:
    definition = [
        "Programme 3 **Autre**",
        "Ce programme vise autre chose.",
        "(Ce programme représente 0,0 % du budget de dépenses du portefeuille).",
    ]
    text = with_line(micc_text, 113, "\n".join(definition))
    with pytest.raises(DocumentError, match=r"^micc\.txt:113: program 3 is not in the credits"):
        parse_text(text, "micc.txt")


def test_read_document_program_row_without_tables(micc_text: str) -> None:
    text = micc_text
    for number in range(84, 98):
        text = with_line(text, number, "")
    with pytest.raises(DocumentError, match=r"^micc\.txt:40: program 2 has no PROGRAMME 2 section"):
        parse_text(text, "micc.txt")


def test_read_document_error_carries_path_line_and_text(micc_text: str) -> None:
    text = with_line(micc_text, 65, "1. Immigration\t3 79A,8\t0,0\t0,0\t3 794,8")
    with pytest.raises(DocumentError) as caught:
        parse_text(text, "micc.txt")
    error = caught.value
    assert (error.path, error.line, error.cell) == ("micc.txt", 65, 2)
    assert error.text == "1. Immigration\t3 79A,8\t0,0\t0,0\t3 794,8"
    assert error.problem == '"3 79A,8" is not an amount (expected e.g. 3 794,8)'
