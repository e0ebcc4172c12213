"""Section 3, DÉFINITIONS DES PROGRAMMES: names, definitions and each program's share."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders import Document, DocumentError
from loaders.records import Measure, Unit
from tests import seed
from tests.documents import parse_text, with_line


@pytest.mark.parametrize("program", seed.PROGRAMS, ids=lambda p: f"program {p.number}")
def test_definitions_program_share(micc: Document, program: seed.Program) -> None:
    share = micc.programs[program.number - 1].share
    raw = str(program.share).replace(".", ",")
    assert (share.value, share.raw, share.provenance.line_start) == (
        program.share,
        raw,
        program.share_line,
    )
    assert (share.measure, share.unit, share.year, share.cell) == (
        Measure.SHARE,
        Unit.PERCENT,
        "2007-2008",
        0,
    )


def test_definitions_shares_sum_to_100(micc: Document) -> None:
    assert sum(p.share.value for p in micc.programs) == Decimal("100.0")


def test_definitions_paragraphs(micc: Document) -> None:
    paragraphs = [[t.provenance.line_start for t in p.definition] for p in micc.programs]
    assert paragraphs == [[103], [109]]
    assert (
        micc.programs[1]
        .definition[0]
        .text.startswith("Ce programme vise à permettre au Conseil des relations interculturelles")
    )


def test_definitions_names_without_markup(micc: Document) -> None:
    names = [(p.names[-1].text, p.names[-1].provenance.line_start) for p in micc.programs]
    assert names == [
        ("Immigration, Intégration et Communautés culturelles", 101),
        ("Organisme relevant du ministre", 107),
    ]


def test_definitions_synthetic_shares(synthetic: Document) -> None:
    assert [p.share.value for p in synthetic.programs] == [Decimal("97.9"), Decimal("2.1")]


@pytest.mark.parametrize(
    ("line", "new", "message"),
    [
        (105, "", r"^micc\.txt:103: program 1 needs exactly one \(Ce programme représente"),
        (
            109,
            "(Ce programme représente 0,7 % du budget).",
            r"^micc\.txt:111: program 2 needs exactly one",
        ),
        (103, "", r"^micc\.txt:101: program 1 has no definition paragraph$"),
        (
            105,
            "(Ce programme représente quatre-vingt-dix % du budget).",
            r'^micc\.txt:105: "quatre-vingt-dix" is not a percentage \(expected e\.g\. 99,3\)$',
        ),
        (107, "Programme 1 **Immigration**", r"^micc\.txt:107: program 1 is defined twice$"),
        (101, "Le programme 1", r"^micc\.txt:101: expected a program heading"),
    ],
)
def test_definitions_errors(micc_text: str, line: int, new: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        parse_text(with_line(micc_text, line, new), "micc.txt")
