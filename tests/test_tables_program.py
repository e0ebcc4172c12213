"""Section 2, per program: elements and comparison tables, against the real document."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders import Document, DocumentError
from loaders.records import Measure, Unit
from tests import seed
from tests.documents import Layout, build, described, parse_text, with_line

Y, PY = "2007-2008", "2006-2007"
K, PCT = Unit.THOUSANDS_OF_DOLLARS, Unit.PERCENT
Figures = list[tuple[int, Measure, str | None, Unit, Decimal]]


def elements(row: seed.Budget) -> Figures:
    """Expenditure, amortization, investment and credits for 2007-2008, cells 2 to 5."""
    measures = (Measure.EXPENDITURE, Measure.AMORTIZATION, Measure.INVESTMENT, Measure.CREDITS)
    values = row.figures()[:4]
    return [
        (cell, measure, Y, K, value)
        for cell, (measure, value) in enumerate(zip(measures, values, strict=True), start=2)
    ]


def compared(row: seed.Compared) -> Figures:
    """2007-2008, 2006-2007, variation and %, cells 2 to 5."""
    assert row.variation is not None and row.percent is not None
    return [
        (2, Measure.EXPENDITURE, Y, K, row.now),
        (3, Measure.EXPENDITURE, PY, K, row.before),
        (4, Measure.VARIATION, None, K, row.variation),
        (5, Measure.PERCENT_CHANGE, None, PCT, row.percent),
    ]


def index_of(element: seed.Element) -> str:
    return f"element {element.key}"


@pytest.mark.parametrize("element", seed.ELEMENTS, ids=index_of)
def test_program_tables_element_rows(micc: Document, element: seed.Element) -> None:
    row = micc.programs[element.program - 1].elements[element.number - 1]
    stated = (element.number, element.name, element.budget.line)
    assert (row.number, row.name, row.provenance.line_start) == stated
    assert described(row) == elements(element.budget)


@pytest.mark.parametrize("program", seed.PROGRAMS, ids=lambda p: f"program {p.number}")
def test_program_tables_elements_total(micc: Document, program: seed.Program) -> None:
    total = micc.programs[program.number - 1].elements_total
    stated = (program.total.label, program.number, program.total.line)
    assert (total.label, total.number, total.provenance.line_start) == stated
    assert described(total) == elements(program.total)


@pytest.mark.parametrize("element", seed.ELEMENTS, ids=index_of)
def test_program_tables_comparison_rows(micc: Document, element: seed.Element) -> None:
    row = micc.programs[element.program - 1].comparison[element.number - 1]
    stated = (element.number, element.name, element.compared.line)
    assert (row.number, row.name, row.provenance.line_start) == stated
    assert described(row) == compared(element.compared)


@pytest.mark.parametrize("program", seed.PROGRAMS, ids=lambda p: f"program {p.number}")
def test_program_tables_comparison_total(micc: Document, program: seed.Program) -> None:
    total = micc.programs[program.number - 1].comparison_total
    stated = (program.compared.label, program.number, program.compared.line)
    assert (total.label, total.number, total.provenance.line_start) == stated
    assert described(total) == compared(program.compared)


def test_program_tables_element_counts(micc: Document) -> None:
    assert [len(p.elements) for p in micc.programs] == [4, 1]
    assert [len(p.comparison) for p in micc.programs] == [4, 1]


def test_program_tables_row_provenance_is_the_source_line(micc: Document) -> None:
    row = micc.programs[0].elements[0]
    assert row.provenance.line_start == row.provenance.line_end == 65
    assert row.provenance.text == "1. Immigration\t3 794,8\t0,0\t0,0\t3 794,8"
    figure = row.figures[0]
    assert (figure.cell, figure.raw, figure.provenance) == (2, "3 794,8", row.provenance)


@pytest.mark.parametrize(
    "spelling", ["Total Programme {n}", "Total programme {n}", "Total – Programme {n}"]
)
def test_program_tables_total_row_spellings(spelling: str) -> None:
    built = build(Layout(total=spelling, comparison_total=spelling))
    document = parse_text(built.text)
    for program in document.programs:
        assert program.elements_total.label == spelling.format(n=program.number)
        assert program.comparison_total.label == spelling.format(n=program.number)
        assert program.elements_total.figures
        assert program.comparison_total.figures


@pytest.mark.parametrize("count", [1, 2, 3, 4, 6])
def test_program_tables_element_count(count: int) -> None:
    built = build(Layout(elements=(count, 1)))
    document = parse_text(built.text)
    first = document.programs[0]
    assert [row.number for row in first.elements] == list(range(1, count + 1))
    assert [row.number for row in first.comparison] == list(range(1, count + 1))
    got = {(f.provenance.line_start, f.cell): f.value for f in document.figures()}
    assert got == built.values


@pytest.mark.parametrize("programs", [(1,), (2, 6), (2, 1, 3)])
def test_program_tables_program_count(programs: tuple[int, ...]) -> None:
    built = build(Layout(elements=programs))
    document = parse_text(built.text)
    assert [p.number for p in document.programs] == list(range(1, len(programs) + 1))
    assert [len(p.elements) for p in document.programs] == list(programs)
    got = {(f.provenance.line_start, f.cell): f.value for f in document.figures()}
    assert got == built.values


def test_program_tables_elements_without_total_row_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 69, "")
    message = (
        r"^micc\.txt:68: the program 1 elements table has no total row "
        r"\(expected Total Programme 1\)$"
    )
    with pytest.raises(DocumentError, match=message):
        parse_text(text, "micc.txt")


def test_program_tables_comparison_without_total_row_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 97, "")
    with pytest.raises(DocumentError, match=r"^micc\.txt:96: the program 2 comparison table has"):
        parse_text(text, "micc.txt")


def test_program_tables_total_of_another_program_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 69, micc_text.split("\n")[68].replace("1", "2", 1))
    with pytest.raises(DocumentError, match=r"^micc\.txt:69: names program 2 inside"):
        parse_text(text, "micc.txt")


def test_program_tables_row_after_total_is_an_error(micc_text: str) -> None:
    row = "5. Autre\t1,0\t0,0\t0,0\t1,0"
    text = with_line(micc_text, 69, micc_text.split("\n")[68] + "\n" + row)
    with pytest.raises(DocumentError, match=r"^micc\.txt:69: the program 1 elements table goes on"):
        parse_text(text, "micc.txt")


def test_program_tables_missing_comparison_element_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 77, "")
    message = r"^micc\.txt:80: the comparison lists elements \[1, 3, 4\] but the elements"
    with pytest.raises(DocumentError, match=message):
        parse_text(text, "micc.txt")


def test_program_tables_repeated_element_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 66, micc_text.split("\n")[64])
    message = r'^micc\.txt:66: row "1\. Immigration" repeats line 65 \(a row label appears once'
    with pytest.raises(DocumentError, match=message):
        parse_text(text, "micc.txt")


def test_program_tables_foreign_row_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 66, "Francisation\t51 100,0\t0,0\t0,0\t51 100,0")
    with pytest.raises(DocumentError, match=r'^micc\.txt:66: row "Francisation" does not belong'):
        parse_text(text, "micc.txt")


def test_program_tables_missing_comparison_is_an_error(micc_text: str) -> None:
    text = micc_text
    for number in range(91, 98):
        text = with_line(text, number, "")
    with pytest.raises(DocumentError, match=r"^micc\.txt:89: expected program 2's COMPARATIF"):
        parse_text(text, "micc.txt")
