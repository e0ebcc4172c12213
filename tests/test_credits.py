"""Section 2's portfolio tables, figure by figure against data/micc-2007-2008.txt."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders import Document, DocumentError
from loaders.records import Measure, Unit
from tests import seed
from tests.documents import Layout, build, described, parse_text, with_line

Y, PY = "2007-2008", "2006-2007"
K, PCT, PERSONS = Unit.THOUSANDS_OF_DOLLARS, Unit.PERCENT, Unit.PERSONS
Column = tuple[Measure, str | None, Unit]
CREDITS: tuple[Column, ...] = (
    (Measure.EXPENDITURE, Y, K),
    (Measure.AMORTIZATION, Y, K),
    (Measure.INVESTMENT, Y, K),
    (Measure.CREDITS, Y, K),
    (Measure.CREDITS, PY, K),
)
EXPENDITURE: tuple[Column, ...] = (
    (Measure.EXPENDITURE, Y, K),
    (Measure.EXPENDITURE, PY, K),
    (Measure.PERCENT_CHANGE, None, PCT),
)
INVESTMENT: tuple[Column, ...] = (
    (Measure.INVESTMENT, Y, K),
    (Measure.INVESTMENT, PY, K),
    (Measure.PERCENT_CHANGE, None, PCT),
)
HEADCOUNT: tuple[Column, ...] = (
    (Measure.HEADCOUNT, Y, PERSONS),
    (Measure.HEADCOUNT, PY, PERSONS),
    (Measure.PERCENT_CHANGE, None, PCT),
)


def expected(
    columns: tuple[Column, ...], *values: Decimal, first_cell: int = 2
) -> list[tuple[int, Measure, str | None, Unit, Decimal]]:
    """The figures a row should hold: one per column, from cell `first_cell` on."""
    return [
        (cell, measure, year, unit, value)
        for cell, ((measure, year, unit), value) in enumerate(
            zip(columns, values, strict=True), start=first_cell
        )
    ]


@pytest.mark.parametrize("program", seed.PROGRAMS, ids=lambda p: f"program {p.number}")
def test_portfolio_credits_program_rows(micc: Document, program: seed.Program) -> None:
    row, stated = micc.credits.programs[program.number - 1], program.credits
    assert (row.label, row.number, row.provenance.line_start) == (
        stated.label,
        program.number,
        stated.line,
    )
    assert described(row) == expected(CREDITS, *stated.figures())


def test_portfolio_credits_has_a_row_per_program(micc: Document) -> None:
    assert [row.number for row in micc.credits.programs] == [p.number for p in seed.PROGRAMS]


def test_portfolio_credits_total_row(micc: Document) -> None:
    total, stated = micc.credits.total, seed.CREDITS_TOTAL
    assert (total.label, total.provenance.line_start) == (stated.label, stated.line)
    assert described(total) == expected(CREDITS, *stated.figures())


def test_portfolio_credits_permanent_row(micc: Document) -> None:
    permanent, stated = micc.credits.permanent, seed.PERMANENT_CREDITS
    assert (permanent.label, permanent.provenance.line_start) == (stated.label, stated.line)
    assert described(permanent) == expected(CREDITS[3:], *stated.figures(), first_cell=5)


def test_portfolio_credits_to_vote_row(micc: Document) -> None:
    to_vote, stated = micc.credits.to_vote, seed.CREDITS_TO_VOTE
    assert (to_vote.label, to_vote.provenance.line_start) == (stated.label, stated.line)
    assert described(to_vote) == expected(CREDITS[3:], *stated.figures(), first_cell=5)


def test_portfolio_credits_header_provenance(micc: Document) -> None:
    assert micc.credits.header.line_start == 37


@pytest.mark.parametrize("index", range(len(seed.SUPERCATEGORIES)))
def test_supercategories_rows(micc: Document, index: int) -> None:
    row, stated = micc.supercategories.categories[index], seed.SUPERCATEGORIES[index]
    assert (row.label, row.name, row.provenance.line_start) == (
        stated.label,
        stated.label,
        stated.line,
    )
    assert described(row) == expected(EXPENDITURE, *stated.figures())


def test_supercategories_has_the_tables_categories(micc: Document) -> None:
    labels = [row.label for row in micc.supercategories.categories]
    assert labels == [row.label for row in seed.SUPERCATEGORIES]


def test_supercategories_total(micc: Document) -> None:
    total, stated = micc.supercategories.total, seed.EXPENDITURE_TOTAL
    assert (total.label, total.provenance.line_start) == (stated.label, stated.line)
    assert described(total) == expected(EXPENDITURE, *stated.figures())


def test_supercategories_headcount(micc: Document) -> None:
    headcount, stated = micc.supercategories.headcount, seed.HEADCOUNT
    assert (headcount.label, headcount.provenance.line_start) == (stated.label, stated.line)
    assert described(headcount) == expected(HEADCOUNT, *stated.figures())
    assert [f.raw for f in headcount.figures] == ["969", "984", "(1,5)"]


@pytest.mark.parametrize("index", range(len(seed.INVESTMENT_CATEGORIES)))
def test_supercategories_investment_rows(micc: Document, index: int) -> None:
    row, stated = micc.supercategories.investments[index], seed.INVESTMENT_CATEGORIES[index]
    assert (row.label, row.provenance.line_start) == (stated.label, stated.line)
    assert described(row) == expected(INVESTMENT, *stated.figures())


def test_supercategories_investment_total(micc: Document) -> None:
    total, stated = micc.supercategories.investment_total, seed.INVESTMENT_TOTAL
    assert (total.label, total.provenance.line_start) == (stated.label, stated.line)
    assert described(total) == expected(INVESTMENT, *stated.figures())
    assert len(micc.supercategories.investments) == len(seed.INVESTMENT_CATEGORIES)


def test_supercategories_header_provenance(micc: Document) -> None:
    assert micc.supercategories.header.line_start == 48


def test_portfolio_credits_synthetic_negative_percentages(synthetic: Document) -> None:
    fonctionnement = synthetic.supercategories.categories[1]
    assert described(fonctionnement)[2][4] == Decimal("-2.7")
    loans = synthetic.supercategories.investments[1]
    assert [f.value for f in loans.figures] == [
        Decimal("250.0"),
        Decimal("300.0"),
        Decimal("-16.7"),
    ]


def test_portfolio_credits_without_to_vote_row_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 44, "")
    with pytest.raises(DocumentError, match=r"^micc\.txt:43: the portfolio credits table has no "):
        parse_text(text, "micc.txt")


def test_portfolio_credits_without_total_row_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 41, "")
    with pytest.raises(DocumentError, match=r"^micc\.txt:44: .* has no total row"):
        parse_text(text, "micc.txt")


def test_portfolio_credits_to_vote_without_credits_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 44, "Crédits à voter\t\t\t\t\t109 036,0")
    with pytest.raises(DocumentError, match=r"^micc\.txt:44: cell 5 is empty"):
        parse_text(text, "micc.txt")


def test_portfolio_credits_second_total_row_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 42, micc_text.split("\n")[40])
    message = r"^micc\.txt:42: the total row \(empty label\) repeats line 41 \(a row label appears"
    with pytest.raises(DocumentError, match=message):
        parse_text(text, "micc.txt")


def test_portfolio_credits_unknown_row_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 42, "Ajouter :\t\t\t\t\t")
    with pytest.raises(DocumentError, match=r"^micc\.txt:42: row \"Ajouter :\" is not a row"):
        parse_text(text, "micc.txt")


def test_supercategories_without_headcount_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 54, "")
    with pytest.raises(DocumentError, match=r"^micc\.txt:55: expected the Effectif total row"):
        parse_text(text, "micc.txt")


def test_supercategories_headcount_with_decimals_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 54, "Effectif total\t969,0\t984\t(1,5)")
    message = r'^micc\.txt:54: cell 2 "969,0" is not a headcount \(expected e\.g\. 969\)$'
    with pytest.raises(DocumentError, match=message):
        parse_text(text, "micc.txt")


def test_supercategories_missing_is_an_error(micc_text: str) -> None:
    text = with_line(micc_text, 46, "")
    for number in range(48, 59):
        text = with_line(text, number, "")
    with pytest.raises(DocumentError, match=r"^micc\.txt:62: expected VENTILATION PAR SUPERCAT"):
        parse_text(text, "micc.txt")


@pytest.mark.parametrize("programs", [(1,), (2, 1, 3)])
def test_portfolio_credits_other_program_counts(programs: tuple[int, ...]) -> None:
    document = parse_text(build(Layout(elements=programs)).text)
    numbers = [row.number for row in document.credits.programs]
    assert numbers == list(range(1, len(programs) + 1))
