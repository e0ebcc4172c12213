"""Percentage cells that say "not computable": `n.d.`, `n/d`, `s.o.`, `—`, or empty.

FORMAT.md: a percentage that cannot be computed (the previous year is 0: a new
element, a loan line at 0,0) is written with one of these markers, in any case,
with or without the dots, or the cell is left empty. Such a cell gives no
figure; the row keeps the marker, its cell and its line. Amount and headcount
cells stay strict.
"""

from __future__ import annotations

import re

import pytest

from loaders import DocumentError
from loaders.records import Measure, NotComputable, Row
from tests.documents import Layout, build, parse_text, with_line

MARKERS = ["n.d.", "N.D.", "nd", "n.d", "n/d", "N/D", "s.o.", "S.O.", "so", "s/o", "—", "–", ""]

# Rows of data/micc-2007-2008.txt whose % cell (the last) is replaced by a marker:
# (line, the row up to its % cell, which row of the `Document` it is).
ROWS = [
    (77, "Élément 2 : Francisation\t51 100,0\t45 800,0\t5 300,0", "comparison"),
    (80, "Total programme 1\t110 585,5\t105 164,1\t5 421,4", "comparison total"),
    (52, "Transfert\t29 916,5\t29 916,5", "supercategory"),
    (53, "Total\t111 313,3\t105 890,3", "supercategory total"),
    (54, "Effectif total\t969\t984", "headcount"),
    (57, "Prêts, placements et avances\t184,0\t184,0", "investment"),
    (58, "Total\t6 715,0\t5 715,0", "investment total"),
]


def row_of(text: str, which: str) -> Row:
    document = parse_text(text, "micc.txt")
    supers, program = document.supercategories, document.programs[0]
    return {
        "comparison": program.comparison[1],
        "comparison total": program.comparison_total,
        "supercategory": supers.categories[2],
        "supercategory total": supers.total,
        "headcount": supers.headcount,
        "investment": supers.investments[1],
        "investment total": supers.investment_total,
    }[which]


@pytest.mark.parametrize("marker", MARKERS)
@pytest.mark.parametrize(("line", "cells", "which"), ROWS)
def test_marker_in_a_percent_cell_gives_no_figure(
    micc_text: str, marker: str, line: int, cells: str, which: str
) -> None:
    row_text = f"{cells}\t{marker}"
    row = row_of(with_line(micc_text, line, row_text), which)
    cell = row_text.count("\t") + 1
    assert row.not_computable == (
        NotComputable(Measure.PERCENT_CHANGE, marker, cell, row.provenance),
    )
    assert (row.provenance.line_start, row.provenance.text) == (line, row_text)
    assert row.figure(Measure.PERCENT_CHANGE) is None
    assert len(row.figures) == cell - 2  # the amounts (or headcounts) are all read


def test_marker_cell_may_be_missing_or_empty(micc_text: str) -> None:
    """A row that stops before its % cell, or ends with an empty one, says the same."""
    for row_text in ("Transfert\t29 916,5\t29 916,5", "Transfert\t29 916,5\t29 916,5\t"):
        row = row_of(with_line(micc_text, 52, row_text), "supercategory")
        assert [(m.raw, m.cell) for m in row.not_computable] == [("", 4)]


def test_rows_with_figures_have_no_marker(micc_text: str) -> None:
    document = parse_text(micc_text, "micc.txt")
    assert list(document.not_computable()) == []


@pytest.mark.parametrize("marker", MARKERS)
def test_built_document_with_a_new_element_reads_its_markers(marker: str) -> None:
    built = build(Layout(not_computable=marker))
    document = parse_text(built.text)
    element = document.programs[0].comparison[-1]
    loans = document.supercategories.investments[-1]
    assert loans.figure(Measure.PERCENT_CHANGE) is None and loans.not_computable
    new_element = built.line_of("Élément 2 : Activité 2")
    loans_line = built.line_of("Prêts, placements et avances")
    assert [(m.provenance.line_start, m.cell, m.raw) for m in document.not_computable()] == [
        (loans_line, 4, marker),
        (new_element, 5, marker),
    ]
    assert element.not_computable[0].provenance == element.provenance


@pytest.mark.parametrize("marker", [m for m in MARKERS if m])
@pytest.mark.parametrize(
    ("line", "template", "cell", "kind", "example"),
    [
        (77, "Élément 2 : Francisation\t51 100,0\t{}\t5 300,0\t11,6", 3, "an amount", "3 794,8"),
        (77, "Élément 2 : Francisation\t51 100,0\t45 800,0\t{}\t11,6", 4, "an amount", "3 794,8"),
        (50, "Rémunération\t{}\t56 229,7\t3,2", 2, "an amount", "3 794,8"),
        (57, "Prêts, placements et avances\t184,0\t{}\t0,0", 3, "an amount", "3 794,8"),
        (65, "1. Immigration\t3 794,8\t{}\t0,0\t3 794,8", 3, "an amount", "3 794,8"),
        (
            39,
            "1. Immigration\t110 585,5\t2 551,7\t6 712,0\t114 745,8\t{}",
            6,
            "an amount",
            "3 794,8",
        ),
        (54, "Effectif total\t969\t{}\t(1,5)", 3, "a headcount", "969"),
    ],
)
def test_marker_in_an_amount_cell_is_an_error(
    micc_text: str, marker: str, line: int, template: str, cell: int, kind: str, example: str
) -> None:
    text = with_line(micc_text, line, template.format(marker))
    with pytest.raises(DocumentError) as caught:
        parse_text(text, "micc.txt")
    assert str(caught.value) == (
        f'micc.txt:{line}: cell {cell} "{marker}" is not {kind} '
        f"(expected e.g. {example}; a marker such as n.d. stands in a % cell only)"
    )


@pytest.mark.parametrize("text", ["n.d.x", "nd5", "5,1 n.d.", "n", "--", "non disponible"])
def test_other_words_in_a_percent_cell_are_errors(micc_text: str, text: str) -> None:
    changed = with_line(micc_text, 52, f"Transfert\t29 916,5\t29 916,5\t{text}")
    message = (
        rf'^micc\.txt:52: cell 4 "{re.escape(text)}" is not a percentage \(expected e\.g\. 5,1'
    )
    with pytest.raises(DocumentError, match=message):
        parse_text(changed, "micc.txt")
