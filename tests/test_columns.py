"""Table headers: one or two rows, column names that vary, the years and units they state."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders import DocumentError
from loaders.records import Measure, Unit
from tests.documents import PREVIOUS, YEAR, Headers, Layout, build, parse_text, with_line

HEADERS: list[Headers] = ["as published", "one row", "units row"]


@pytest.mark.parametrize("headers", HEADERS)
def test_read_columns_header_layouts(headers: Headers) -> None:
    built = build(Layout(headers=headers))
    document = parse_text(built.text)
    assert {(f.provenance.line_start, f.cell): f.value for f in document.figures()} == built.values
    first = document.credits.programs[0]
    assert [(f.measure, f.year) for f in first.figures] == [
        (Measure.EXPENDITURE, YEAR),
        (Measure.AMORTIZATION, YEAR),
        (Measure.INVESTMENT, YEAR),
        (Measure.CREDITS, YEAR),
        (Measure.CREDITS, PREVIOUS),
    ]
    compared = document.programs[0].comparison[0]
    assert [(f.measure, f.year, f.unit) for f in compared.figures] == [
        (Measure.EXPENDITURE, YEAR, Unit.THOUSANDS_OF_DOLLARS),
        (Measure.EXPENDITURE, PREVIOUS, Unit.THOUSANDS_OF_DOLLARS),
        (Measure.VARIATION, None, Unit.THOUSANDS_OF_DOLLARS),
        (Measure.PERCENT_CHANGE, None, Unit.PERCENT),
    ]


@pytest.mark.parametrize("headers", HEADERS)
def test_read_columns_header_rows_are_not_data(headers: Headers) -> None:
    built = build(Layout(headers=headers))
    document = parse_text(built.text)
    header = document.credits.header.line_start
    assert built.lines[header - 1].startswith("Programmes\t")
    assert document.credits.programs[0].provenance.line_start == built.line_of("1. Accueil")


@pytest.mark.parametrize("name", ["Amortissement", "Amortissements"])
def test_read_columns_amortization_spellings(name: str) -> None:
    built = build(Layout(amortization=name))
    assert f"Moins : {name} (000 \\$)" in built.text
    document = parse_text(built.text)
    amortization = document.programs[0].elements[0].figure(Measure.AMORTIZATION, YEAR)
    assert amortization is not None and amortization.value == Decimal("1.3")
    total = document.credits.total.figure(Measure.AMORTIZATION, YEAR)
    assert total is not None and total.cell == 3


def test_read_columns_micc_mixes_both_spellings_and_layouts(micc_text: str) -> None:
    lines = micc_text.split("\n")
    assert "Amortissements" in lines[63] and "Amortissement\t" in lines[85]
    assert lines[86].startswith("\t(000 \\$)")


def replace_once(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            f"Programmes\t{YEAR}\t\t\t{PREVIOUS}",
            f"Programmes\t{PREVIOUS}\t\t\t{YEAR}",
            r':26: the portfolio credits table header has no "Budget de dépenses 2008-2009" column',
        ),
        (
            f"Programmes\t{YEAR}\t\t\t{PREVIOUS}",
            f"Programmes\t{YEAR}\t\t\t2005-2006",
            r':26: the portfolio credits table header has no "Crédits 2007-2008" column',
        ),
        (
            f"Budget de dépenses\t{YEAR}\t{PREVIOUS}",
            f"Budget de dépenses\t{YEAR}\t{YEAR}",
            r':36: cell 3 is a second "Budget de dépenses 2008-2009" column in the supercat',
        ),
        (
            "\tVariation\t",
            "\t\t",
            r":59: program 1 comparison table header: column 4 names no single year, variation",
        ),
        (
            f"Budget de dépenses\t{YEAR}\t{PREVIOUS}\t%",
            f"Budget de dépenses\t{YEAR}\t{PREVIOUS}",
            r':37: the supercategories table header has no "%" column',
        ),
        (
            "Plus : Investissements (000 \\$)\tCrédits (000 \\$)\n1.",
            "Plus : Investissements (000 \\$)\n1.",
            r':52: the program 1 elements table header has no "Crédits 2008-2009" column',
        ),
        (
            "Programme/Élément\t2008-2009",
            "Programme/Élément\tBudget 2008-2009",
            r':59: cell 2 "Budget 2008-2009" is not a column header \(expected a year, a column',
        ),
        (
            "Programme/Élément\t2008-2009\t",
            "Programme/Élément\t2008-2009 2007-2008\t",
            r':59: cell 2 "2008-2009 2007-2008" is not a column header',
        ),
        (
            "\t(000 \\$)\t(000 \\$)\t\n",
            "\t(000 \\$)\t\t\n",
            r":37: column 3 states no unit \(expected \(000 \$\) in its header\)",
        ),
    ],
)
def test_read_columns_header_errors(old: str, new: str, message: str) -> None:
    text = replace_once(build().text, old, new)
    with pytest.raises(DocumentError, match=message):
        parse_text(text)


def test_read_columns_comparison_with_a_third_year_is_an_error() -> None:
    text = replace_once(
        build().text,
        f"Programme/Élément\t{YEAR}\t{PREVIOUS}\tVariation\t\n\t(000 \\$)\t(000 \\$)\t(000 \\$)\t%",
        f"Programme/Élément\t{YEAR}\t{PREVIOUS}\tVariation\t\t2005-2006\n"
        "\t(000 \\$)\t(000 \\$)\t(000 \\$)\t%\t(000 \\$)",
    )
    for number in (62, 63, 64):
        text = with_line(text, number, text.split("\n")[number - 1] + "\t1,0")
    with pytest.raises(DocumentError, match=r":62: cell 6 year 2005-2006 is neither"):
        parse_text(text)
