"""Tab-separated tables: header rows into columns, data rows into figures."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from loaders.errors import CellError, StructureError
from loaders.lines import Line
from loaders.numbers import AMOUNT_EXAMPLE, decimal_places, is_not_computable, parse_number
from loaders.records import Figure, Measure, NotComputable, Row, Unit
from loaders.text import fold
from loaders.years import YEAR

THOUSANDS = re.compile(r"\(\s*000\s*\$\s*\)")
_MEASURE_WORDS = (
    ("depense", Measure.EXPENDITURE),
    ("amortissement", Measure.AMORTIZATION),
    ("investissement", Measure.INVESTMENT),
    ("credit", Measure.CREDITS),
    ("variation", Measure.VARIATION),
)
# Rows that carry a label and no figure: they belong to the table all the same.
_LABEL_ONLY = re.compile(r"(Moins\s*:|Budget d'investissements|PROGRAMME\s+\d+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HeaderCell:
    """What the header rows say of one column, positionally."""

    cell: int
    years: tuple[str, ...]
    measure: Measure | None
    unit: Unit | None


@dataclass(frozen=True, slots=True)
class Column:
    """A resolved column: the figures in it measure `measure` for `year` in `unit`."""

    cell: int
    measure: Measure
    year: str | None
    unit: Unit


@dataclass(frozen=True, slots=True)
class Segment:
    """A heading line and the table lines that follow it (maybe none)."""

    heading: Line
    table: list[Line]


def segments(lines: Sequence[Line]) -> list[Segment]:
    found: list[Segment] = []
    for line in lines:
        if is_table_line(line):
            if not found:
                raise line.error(StructureError, "table row before any heading in its section")
            found[-1].table.append(line)
        else:
            found.append(Segment(line, []))
    return found


def is_table_line(line: Line) -> bool:
    return "\t" in line.text or _LABEL_ONLY.fullmatch(line.clean) is not None


def is_data_row(line: Line) -> bool:
    cells = line.cells
    if _LABEL_ONLY.fullmatch(cells[0]):
        return True
    return any(parse_number(cell) is not None for cell in cells[1:])


def split_header(lines: Sequence[Line], what: str, heading: Line) -> tuple[list[Line], list[Line]]:
    """The header rows (all rows before the first data row) and the data rows."""
    if not lines:
        raise heading.error(StructureError, f"{what} table is missing after this heading")
    first_data = next((i for i, x in enumerate(lines) if is_data_row(x)), len(lines))
    if first_data == 0:
        raise lines[0].error(StructureError, f"{what} table has no header row")
    if first_data == len(lines):
        raise lines[-1].error(StructureError, f"{what} table has no data row")
    return list(lines[:first_data]), list(lines[first_data:])


def header_cells(header: Sequence[Line]) -> list[HeaderCell]:
    """Read every header row; the label column (cell 1) is free text."""
    width = max(len(x.cells) for x in header)
    found: list[HeaderCell] = []
    for index in range(1, width):
        years: list[str] = []
        measure: Measure | None = None
        unit: Unit | None = None
        for line in header:
            cells = line.cells
            text = cells[index] if index < len(cells) else ""
            year, cell_measure, cell_unit = _read_header_cell(line, index + 1, text)
            years += [year] if year else []
            measure = cell_measure or measure
            unit = cell_unit or unit
        found.append(HeaderCell(index + 1, tuple(years), measure, unit))
    while found and not (found[-1].years or found[-1].measure or found[-1].unit):
        found.pop()
    return found


def _read_header_cell(
    line: Line, cell: int, text: str
) -> tuple[str | None, Measure | None, Unit | None]:
    """A header cell names a year, a measure and a unit, or some of them (`2007-2008 (000 $)`)."""
    if not text:
        return None, None, None
    if text == "%":
        return None, None, Unit.PERCENT
    unit = Unit.THOUSANDS_OF_DOLLARS if THOUSANDS.search(text) else None
    years = [match.group(0) for match in YEAR.finditer(text)]
    folded = fold(YEAR.sub("", THOUSANDS.sub("", text)))
    measure = next((m for word, m in _MEASURE_WORDS if word in folded), None)
    if len(years) > 1 or (measure is None and folded.strip()):
        raise line.error(
            CellError,
            f'"{text}" is not a column header (expected a year, a column name or (000 $))',
            cell,
        )
    return (years[0] if years else None), measure, unit


def parse_row(
    line: Line,
    columns: Sequence[Column],
    label: str,
    number: int | None,
    name: str | None,
    *,
    required: bool = True,
) -> Row:
    """A data row's figures, one per column; empty cells are errors when `required`.

    A percentage cell may instead say the change cannot be computed (`n.d.`,
    `s.o.`, `—`, or empty): it gives no figure and is kept as a `NotComputable`.
    """
    cells = line.cells
    _reject_extra_cells(line, cells, len(columns) + 1)
    figures: list[Figure] = []
    markers: list[NotComputable] = []
    for column in columns:
        text = cells[column.cell - 1] if column.cell <= len(cells) else ""
        if column.unit is Unit.PERCENT and is_not_computable(text):
            markers.append(NotComputable(column.measure, text, column.cell, line.provenance))
        elif text:
            figures.append(_figure(line, column, text))
        elif required:
            raise line.error(CellError, f"is empty (expected {_expected(column)})", column.cell)
    return Row(label, number, name, tuple(figures), line.provenance, tuple(markers))


def reject_repeats(lines: Sequence[Line], key: Callable[[Line], Hashable | None]) -> None:
    """A row label appears once per table: a second row with the same `key` is an error.

    `key` gives what identifies a row (its folded label, its number), or None for
    a row it does not identify (left for the table's own checks).
    """
    seen: dict[Hashable, Line] = {}
    for line in lines:
        found = key(line)
        if found is None:
            continue
        if found in seen:
            raise line.error(StructureError, _repeat(line, seen[found]))
        seen[found] = line


def _repeat(line: Line, first: Line) -> str:
    label, earlier = line.cells[0], first.cells[0]
    what = f'row "{label}"' if label else "the total row (empty label)"
    if fold(label) == fold(earlier):
        return f"{what} repeats line {first.number} (a row label appears once per table)"
    return (
        f'{what} repeats the number of line {first.number} ("{earlier}"; '
        "a row number appears once per table)"
    )


def reject_figures(line: Line) -> None:
    """A label-only row (`Moins :`, `PROGRAMME 1`) must stay empty."""
    _reject_extra_cells(line, line.cells, 1)


def _reject_extra_cells(line: Line, cells: Sequence[str], width: int) -> None:
    for index in range(width, len(cells)):
        if cells[index]:
            raise line.error(
                CellError, f'"{cells[index]}" is past the last column that holds figures', index + 1
            )


def _figure(line: Line, column: Column, text: str) -> Figure:
    """A cell's figure; amounts and percentages have one decimal, headcounts none."""
    value = parse_number(text)
    places = 0 if column.unit is Unit.PERSONS else 1
    if value is None or decimal_places(value) != places:
        hint = "; a marker such as n.d. stands in a % cell only" if is_not_computable(text) else ""
        raise line.error(
            CellError,
            f'"{text}" is not {_kind(column)} (expected {_expected(column)}{hint})',
            column.cell,
        )
    return Figure(
        column.measure, column.year, value, column.unit, text, column.cell, line.provenance
    )


def _kind(column: Column) -> str:
    return {Unit.PERCENT: "a percentage", Unit.PERSONS: "a headcount"}.get(column.unit, "an amount")


def _expected(column: Column) -> str:
    examples = {Unit.PERCENT: "e.g. 5,1 or (1,5)", Unit.PERSONS: "e.g. 969"}
    return examples.get(column.unit, f"e.g. {AMOUNT_EXAMPLE}")
