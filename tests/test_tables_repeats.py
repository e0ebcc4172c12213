"""A row label appears once per table: a repeated row is an error naming both lines.

FORMAT.md: "a repeated supercategory, category or element row is an error in the
document, not a second value". Each case copies a row of data/micc-2007-2008.txt
to another place of its own table (right after it, right before it, first, or
among the other part's rows) and expects the error on the later of the two lines.
"""

from __future__ import annotations

import pytest

from loaders import DocumentError
from tests.documents import parse_text


def copied(text: str, source: int, before: int) -> str:
    """`text` with its line `source` copied in front of line `before` (1-based)."""
    lines = text.split("\n")
    lines.insert(before - 1, lines[source - 1])
    return "\n".join(lines)


def repeat(label: str, second: int, first: int) -> str:
    what = f'row "{label}"' if label else "the total row (empty label)"
    return f"micc.txt:{second}: {what} repeats line {first} (a row label appears once per table)"


@pytest.mark.parametrize(
    ("source", "before", "label", "second", "first"),
    [
        # the portfolio credits table (lines 39-44)
        (39, 41, "1. Immigration, intégration et communautés culturelles", 41, 39),
        (40, 39, "2. Organisme relevant du ministre", 41, 39),
        (41, 42, "", 42, 41),
        (42, 43, "Moins :", 43, 42),
        (43, 45, "Crédits permanents", 45, 43),
        (44, 44, "Crédits à voter", 45, 44),
        # the supercategories table (lines 50-58): a supercategory after itself, before
        # itself, first; the totals, the headcount and the investments divider; an
        # investment category first, or a supercategory among the investments
        (50, 51, "Rémunération", 51, 50),
        (50, 50, "Rémunération", 51, 50),
        (52, 50, "Transfert", 53, 50),
        (52, 56, "Transfert", 56, 52),
        (53, 54, "Total", 54, 53),
        (54, 55, "Effectif total", 55, 54),
        (55, 59, "Budget d'investissements", 59, 55),
        (56, 50, "Immobilisations", 57, 50),
        (57, 56, "Prêts, placements et avances", 58, 56),
        (58, 58, "Total", 59, 58),
        # program 1's elements (65-69) and comparison (75-80); program 2's
        (65, 66, "1. Immigration", 66, 65),
        (68, 65, "4. Direction, Information et Services de soutien centralisés", 69, 65),
        (69, 70, "Total Programme 1", 70, 69),
        (75, 76, "PROGRAMME 1", 76, 75),
        (77, 76, "Élément 2 : Francisation", 78, 76),
        (80, 80, "Total programme 1", 81, 80),
        (88, 89, "1. Conseil des relations interculturelles", 89, 88),
        (96, 96, "Élément 1 : Conseil des relations interculturelles", 97, 96),
    ],
)
def test_repeated_row_is_an_error_naming_both_lines(
    micc_text: str, source: int, before: int, label: str, second: int, first: int
) -> None:
    with pytest.raises(DocumentError) as caught:
        parse_text(copied(micc_text, source, before), "micc.txt")
    assert str(caught.value) == repeat(label, second, first)
    assert caught.value.line == second


@pytest.mark.parametrize(
    ("line", "row", "earlier"),
    [
        (66, "1. Francisation\t51 100,0\t0,0\t0,0\t51 100,0", "1. Immigration"),
        (
            77,
            "Élément 1 : Francisation\t51 100,0\t45 800,0\t5 300,0\t11,6",
            "Élément 1 : Immigration",
        ),
        (40, "1. Organisme relevant du ministre\t727,8\t8,0\t3,0\t722,8\t721,2", ""),
    ],
)
def test_repeated_row_number_is_an_error_naming_both_lines(
    micc_text: str, line: int, row: str, earlier: str
) -> None:
    lines = micc_text.split("\n")
    lines[line - 1] = row
    earlier = earlier or lines[line - 2].split("\t")[0]
    with pytest.raises(DocumentError) as caught:
        parse_text("\n".join(lines), "micc.txt")
    label = row.split("\t")[0]
    assert str(caught.value) == (
        f'micc.txt:{line}: row "{label}" repeats the number of line {line - 1} '
        f'("{earlier}"; a row number appears once per table)'
    )


def test_same_label_in_two_tables_is_no_repeat(micc_text: str) -> None:
    """`Total` closes both parts of the supercategories table; each program has its own
    `1.` element: labels repeat across tables, or parts, not within one."""
    document = parse_text(micc_text, "micc.txt")
    supers = document.supercategories
    assert (supers.total.label, supers.investment_total.label) == ("Total", "Total")
    assert [p.elements[0].number for p in document.programs] == [1, 1]
