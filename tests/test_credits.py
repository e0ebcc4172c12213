"""Section 2's portfolio tables, figure by figure against data/micc-2007-2008.txt."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders import Document, DocumentError
from loaders.records import Measure, Unit
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


@pytest.mark.parametrize(
    ("index", "line", "label", "figures"),
    [
        (
            0,
            39,
            "1. Immigration, intégration et communautés culturelles",
            expected(
                CREDITS,
                Decimal("110585.5"),
                Decimal("2551.7"),
                Decimal("6712.0"),
                Decimal("114745.8"),
                Decimal("108324.4"),
            ),
        ),
        (
            1,
            40,
            "2. Organisme relevant du ministre",
            expected(
                CREDITS,
                Decimal("727.8"),
                Decimal("8.0"),
                Decimal("3.0"),
                Decimal("722.8"),
                Decimal("721.2"),
            ),
        ),
    ],
)
def test_portfolio_credits_program_rows(
    micc: Document,
    index: int,
    line: int,
    label: str,
    figures: list[tuple[int, Measure, str | None, Unit, Decimal]],
) -> None:
    row = micc.credits.programs[index]
    assert (row.label, row.number, row.provenance.line_start) == (label, index + 1, line)
    assert described(row) == figures


def test_portfolio_credits_has_two_program_rows(micc: Document) -> None:
    assert [row.number for row in micc.credits.programs] == [1, 2]


def test_portfolio_credits_total_row(micc: Document) -> None:
    total = micc.credits.total
    assert (total.label, total.provenance.line_start) == ("", 41)
    assert described(total) == expected(
        CREDITS,
        Decimal("111313.3"),
        Decimal("2559.7"),
        Decimal("6715.0"),
        Decimal("115468.6"),
        Decimal("109045.6"),
    )


def test_portfolio_credits_permanent_row(micc: Document) -> None:
    permanent = micc.credits.permanent
    assert (permanent.label, permanent.provenance.line_start) == ("Crédits permanents", 43)
    assert described(permanent) == expected(
        CREDITS[3:], Decimal("9.6"), Decimal("9.6"), first_cell=5
    )


def test_portfolio_credits_to_vote_row(micc: Document) -> None:
    to_vote = micc.credits.to_vote
    assert (to_vote.label, to_vote.provenance.line_start) == ("Crédits à voter", 44)
    assert described(to_vote) == expected(
        CREDITS[3:], Decimal("115459.0"), Decimal("109036.0"), first_cell=5
    )


def test_portfolio_credits_header_provenance(micc: Document) -> None:
    assert micc.credits.header.line_start == 37


@pytest.mark.parametrize(
    ("index", "line", "label", "values"),
    [
        (0, 50, "Rémunération", (Decimal("58029.7"), Decimal("56229.7"), Decimal("3.2"))),
        (1, 51, "Fonctionnement", (Decimal("23367.1"), Decimal("19744.1"), Decimal("18.3"))),
        (2, 52, "Transfert", (Decimal("29916.5"), Decimal("29916.5"), Decimal("0.0"))),
    ],
)
def test_supercategories_rows(
    micc: Document, index: int, line: int, label: str, values: tuple[Decimal, ...]
) -> None:
    row = micc.supercategories.categories[index]
    assert (row.label, row.name, row.provenance.line_start) == (label, label, line)
    assert described(row) == expected(EXPENDITURE, *values)


def test_supercategories_has_three_categories(micc: Document) -> None:
    labels = [row.label for row in micc.supercategories.categories]
    assert labels == ["Rémunération", "Fonctionnement", "Transfert"]


def test_supercategories_total(micc: Document) -> None:
    total = micc.supercategories.total
    assert (total.label, total.provenance.line_start) == ("Total", 53)
    assert described(total) == expected(
        EXPENDITURE, Decimal("111313.3"), Decimal("105890.3"), Decimal("5.1")
    )


def test_supercategories_headcount(micc: Document) -> None:
    headcount = micc.supercategories.headcount
    assert (headcount.label, headcount.provenance.line_start) == ("Effectif total", 54)
    assert described(headcount) == expected(
        HEADCOUNT, Decimal("969"), Decimal("984"), Decimal("-1.5")
    )
    assert [f.raw for f in headcount.figures] == ["969", "984", "(1,5)"]


@pytest.mark.parametrize(
    ("index", "line", "label", "values"),
    [
        (0, 56, "Immobilisations", (Decimal("6531.0"), Decimal("5531.0"), Decimal("18.1"))),
        (
            1,
            57,
            "Prêts, placements et avances",
            (Decimal("184.0"), Decimal("184.0"), Decimal("0.0")),
        ),
    ],
)
def test_supercategories_investment_rows(
    micc: Document, index: int, line: int, label: str, values: tuple[Decimal, ...]
) -> None:
    row = micc.supercategories.investments[index]
    assert (row.label, row.provenance.line_start) == (label, line)
    assert described(row) == expected(INVESTMENT, *values)


def test_supercategories_investment_total(micc: Document) -> None:
    total = micc.supercategories.investment_total
    assert (total.label, total.provenance.line_start) == ("Total", 58)
    assert described(total) == expected(
        INVESTMENT, Decimal("6715.0"), Decimal("5715.0"), Decimal("17.5")
    )
    assert len(micc.supercategories.investments) == 2


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
