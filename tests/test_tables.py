"""Table rows: every numeric cell captured once, whatever the number style; cell errors."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from loaders import Document, DocumentError, read_document
from loaders.records import Measure
from tests import seed
from tests.documents import MICC, SYNTHETIC, Layout, build, parse_text, with_line

# A cell that holds a French number: digits grouped by threes with a space, a
# no-break space or a narrow no-break space, an optional decimal comma, and an
# optional sign or parentheses. Years (2007-2008), units ((000 $)) and % do not match.
FRENCH_NUMBER = re.compile(r"[-–−]?\(?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?\)?")


def numeric_cells(text: str) -> Counter[tuple[int, int, str]]:
    """Every (line, cell, text) of a tab-separated line whose cell is a number, label aside."""
    found: Counter[tuple[int, int, str]] = Counter()
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        cells = line.removesuffix("\r").split("\t")
        for index, cell in enumerate(cells[1:], start=2):
            if FRENCH_NUMBER.fullmatch(cell.strip()):
                found[(number, index, cell.strip())] += 1
    return found


def captured(document: Document) -> Counter[tuple[int, int, str]]:
    return Counter((f.provenance.line_start, f.cell, f.raw) for f in document.figures())


def test_figures_capture_every_numeric_cell_of_micc_once(micc: Document) -> None:
    expected = numeric_cells(MICC.read_text(encoding="utf-8"))
    assert sum(expected.values()) == 99
    assert captured(micc) == expected


def test_figures_capture_every_numeric_cell_of_synthetic_once(synthetic: Document) -> None:
    expected = numeric_cells(SYNTHETIC.read_text(encoding="utf-8"))
    assert sum(expected.values()) == 99
    assert captured(synthetic) == expected


LAYOUTS = [
    Layout(),
    Layout(group="\u00a0"),
    Layout(group="\u202f"),
    Layout(negative="-{}"),
    Layout(negative="–{}"),
    Layout(elements=(1,)),
    Layout(elements=(2, 6, 1)),
    Layout(headers="one row"),
    Layout(headers="units row"),
    Layout(page_header_in_table=True),
]


@pytest.mark.parametrize("layout", LAYOUTS, ids=repr)
def test_figures_capture_every_numeric_cell_of_built_documents(layout: Layout) -> None:
    built = build(layout)
    document = parse_text(built.text)
    assert captured(document) == numeric_cells(built.text)
    values = {(f.provenance.line_start, f.cell): f.value for f in document.figures()}
    assert values == built.values


@pytest.mark.parametrize(
    ("group", "raw"), [(" ", "11 234,5"), ("\u00a0", "11\u00a0234,5"), ("\u202f", "11\u202f234,5")]
)
def test_parse_row_reads_every_grouping_character(group: str, raw: str) -> None:
    built = build(Layout(group=group))
    document = parse_text(built.text)
    figure = document.programs[0].elements[0].figures[0]
    assert (figure.raw, figure.value) == (raw, Decimal("11234.5"))
    assert {(f.provenance.line_start, f.cell): f.value for f in document.figures()} == built.values


@pytest.mark.parametrize(
    ("negative", "variation", "percent"),
    [
        ("({})", "(1 500,0)", "(11,8)"),
        ("-{}", "-1 500,0", "-11,8"),
        ("–{}", "–1 500,0", "–11,8"),
        ("−{}", "−1 500,0", "−11,8"),
    ],
)
def test_parse_row_reads_every_negative_style(negative: str, variation: str, percent: str) -> None:
    built = build(Layout(negative=negative))
    document = parse_text(built.text)
    row = document.programs[0].comparison[0]
    change = row.figure(Measure.VARIATION)
    share = row.figure(Measure.PERCENT_CHANGE)
    assert change is not None and share is not None
    assert (change.raw, change.value) == (variation, Decimal("-1500.0"))
    assert (share.raw, share.value) == (percent, Decimal("-11.8"))
    assert {(f.provenance.line_start, f.cell): f.value for f in document.figures()} == built.values


def test_parse_row_skips_a_page_header_between_two_rows() -> None:
    built = build(Layout(page_header_in_table=True))
    header = built.lines.index("Fiches explicatives", built.line_of("1. Activité 1"))
    assert built.lines[header - 2].startswith("1. Activité 1")
    assert built.lines[header + 2].startswith("2. Activité 2")
    document = parse_text(built.text)
    rows = document.programs[0].elements
    assert [row.provenance.line_start for row in rows] == [header - 1, header + 3]
    assert {(f.provenance.line_start, f.cell): f.value for f in document.figures()} == built.values


def test_parse_row_skips_a_page_header_inside_the_credits_table(micc_text: str) -> None:
    text = with_line(micc_text, 41, "Fiches explicatives\n" + micc_text.split("\n")[40])
    document = parse_text(text)
    assert document.credits.total.provenance.line_start == 42
    assert [row.provenance.line_start for row in document.credits.programs] == [39, 40]


def test_parse_row_reads_markup_in_cells(micc_text: str) -> None:
    text = with_line(
        micc_text, 69, "**Total Programme 1**\t**110 585,5**\t2 551,7\t6 712,0\t114 745,8"
    )
    total = parse_text(text).programs[0].elements_total
    assert total.label == "Total Programme 1"
    stated = seed.PROGRAM_1.total.expenditure
    assert (total.figures[0].raw, total.figures[0].value) == ("110 585,5", stated)


def test_parse_row_malformed_amount_message(micc_text: str) -> None:
    text = with_line(micc_text, 65, "1. Immigration\t3 79A,8\t0,0\t0,0\t3 794,8")
    with pytest.raises(DocumentError) as caught:
        parse_text(text, "micc.txt")
    assert (
        str(caught.value)
        == 'micc.txt:65: cell 2 "3 79A,8" is not an amount (expected e.g. 3 794,8)'
    )
    assert (caught.value.line, caught.value.cell) == (65, 2)


def test_parse_row_malformed_amount_in_a_file(micc_text: str, tmp_path: Path) -> None:
    path = tmp_path / "micc.txt"
    path.write_text(micc_text.replace("3 794,8", "3 79A,8", 1), encoding="utf-8")
    message = r'micc\.txt:65: cell 2 "3 79A,8" is not an amount \(expected e\.g\. 3 794,8\)$'
    with pytest.raises(DocumentError, match=message):
        read_document(path)


@pytest.mark.parametrize(
    ("line", "row", "message"),
    [
        (
            65,
            "1. Immigration\t3 794,8\t0,0\t0,0",
            r":65: cell 5 is empty \(expected e\.g\. 3 794,8\)",
        ),
        (65, "1. Immigration\t3 794,8\t\t0,0\t3 794,8", r":65: cell 3 is empty"),
        (77, "Élément 2 : Francisation\t51 100,0\t\t5 300,0\t11,6", r":77: cell 3 is empty"),
        (77, "Élément 2 : Francisation\t51 100,0\t45 800,0\t\t11,6", r":77: cell 4 is empty"),
        (50, "Rémunération\t58 029,7\t\t3,2", r":50: cell 3 is empty \(expected e\.g\. 3 794,8\)"),
        (54, "Effectif total\t969\t\t(1,5)", r":54: cell 3 is empty \(expected e\.g\. 969\)"),
        (39, "1. Immigration\t110 585,5", r":39: cell 3 is empty"),
    ],
)
def test_parse_row_missing_cell_is_an_error(
    micc_text: str, line: int, row: str, message: str
) -> None:
    with pytest.raises(DocumentError, match=message):
        parse_text(with_line(micc_text, line, row), "micc.txt")


@pytest.mark.parametrize(
    ("line", "row", "message"),
    [
        (
            65,
            "1. Immigration\t3 794,8\t0,0\t0,0\t3 794,8\t1,0",
            r':65: cell 6 "1,0" is past the last',
        ),
        (42, "Moins :\t1,0\t\t\t\t", r':42: cell 2 "1,0" is past the last column'),
        (75, "PROGRAMME 1\t1,0\t\t\t", r':75: cell 2 "1,0" is past the last column'),
        (
            65,
            "1. Immigration\t3 794,85\t0,0\t0,0\t3 794,8",
            r':65: cell 2 "3 794,85" is not an amount',
        ),
        (65, "1. Immigration\t37948\t0,0\t0,0\t3 794,8", r':65: cell 2 "37948" is not an amount'),
        (
            65,
            "1. Immigration\t3794,8\t0,0\t0,0\t37 94,8",
            r':65: cell 5 "37 94,8" is not an amount',
        ),
        (
            76,
            "Élément 1 : Immigration\t3 794,8\t3 794,8\t0,0\t0",
            r':76: cell 5 "0" is not a percent',
        ),
        (54, "Effectif total\t969\t98A\t(1,5)", r':54: cell 3 "98A" is not a headcount'),
    ],
)
def test_parse_row_bad_cell_is_an_error(micc_text: str, line: int, row: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        parse_text(with_line(micc_text, line, row), "micc.txt")


def test_parse_row_accepts_ungrouped_thousands(micc_text: str) -> None:
    text = with_line(micc_text, 65, "1. Immigration\t3794,8\t0,0\t0,0\t3794,8")
    row = parse_text(text).programs[0].elements[0]
    assert [f.value for f in row.figures] == seed.ELEMENTS[0].budget.figures()
