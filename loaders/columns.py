"""Resolving header cells into columns: which measure, year and unit each holds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from loaders.errors import CellError, StructureError
from loaders.lines import Line
from loaders.records import Measure, Unit
from loaders.tables import THOUSANDS, Column, HeaderCell, header_cells
from loaders.years import previous_year

Table = Literal["credits", "supercategories", "elements", "comparison"]
Key = tuple[Measure, str | None]
_NAMES = {
    Measure.EXPENDITURE: "Budget de dépenses",
    Measure.AMORTIZATION: "Amortissement",
    Measure.INVESTMENT: "Investissements",
    Measure.CREDITS: "Crédits",
    Measure.VARIATION: "Variation",
    Measure.PERCENT_CHANGE: "%",
}


def required_columns(table: Table, year: str) -> tuple[Key, ...]:
    """The columns FORMAT.md gives each table: (measure, year), None for a change."""
    previous = previous_year(year)
    expenditure, credits = Measure.EXPENDITURE, Measure.CREDITS
    this_year = ((expenditure, year), (Measure.AMORTIZATION, year), (Measure.INVESTMENT, year))
    compared = ((expenditure, year), (expenditure, previous))
    return {
        "credits": (*this_year, (credits, year), (credits, previous)),
        "supercategories": (*compared, (Measure.PERCENT_CHANGE, None)),
        "elements": (*this_year, (credits, year)),
        "comparison": (*compared, (Measure.VARIATION, None), (Measure.PERCENT_CHANGE, None)),
    }[table]


def read_columns(
    header: Sequence[Line], year: str, what: str, required: Sequence[Key]
) -> list[Column]:
    """The columns of a table whose header rows are `header`; each of `required` once.

    Two layouts exist. Either every column names its measure and the years head
    runs of columns (`2007-2008` over four columns, `2006-2007` over the last
    one, wherever the export put the year cell), or the years head their own
    columns, beside a `Variation` and a `%` column. A column whose header cells
    name both its measure and its year (`Crédits 2006-2007`) stands on its own.
    """
    cells = [_with_table_unit(header, cell) for cell in header_cells(header)]
    if not cells:
        raise header[-1].error(StructureError, f"{what} table header names no column")
    per_measure = all(c.measure not in (None, Measure.VARIATION) for c in cells)
    if per_measure and not all(len(c.years) == 1 for c in cells):
        columns = _columns_by_runs(header, cells, year, what)
    else:
        columns = [_positional_column(header, cell, what) for cell in cells]
    _check_columns(header, columns, required, what)
    return columns


def _check_columns(
    header: Sequence[Line], columns: Sequence[Column], required: Sequence[Key], what: str
) -> None:
    seen: set[Key] = set()
    for column in columns:
        key = (column.measure, column.year)
        if key in seen:
            problem = f"is a second {_name(key)} column in the {what} table header"
            raise header[0].error(CellError, problem, column.cell)
        seen.add(key)
    for key in required:
        if key not in seen:
            raise header[-1].error(
                StructureError, f"the {what} table header has no {_name(key)} column"
            )


def _name(key: Key) -> str:
    measure, year = key
    return f'"{_NAMES.get(measure, measure.value)}{f" {year}" if year else ""}"'


def _columns_by_runs(
    header: Sequence[Line], cells: Sequence[HeaderCell], year: str, what: str
) -> list[Column]:
    years = [y for cell in cells for y in cell.years] or [year]
    run, seen, columns = 0, set[Measure](), []
    for cell in cells:
        assert cell.measure is not None
        if cell.measure in seen:
            run, seen = run + 1, set()
        seen.add(cell.measure)
        if run >= len(years):
            raise header[0].error(
                StructureError, f"{what} table header: column {cell.cell} has no year above it"
            )
        columns.append(Column(cell.cell, cell.measure, years[run], _amount_unit(header, cell)))
    if run + 1 != len(years):
        raise header[0].error(StructureError, f"{what} table header: a year heads no column")
    return columns


def _positional_column(header: Sequence[Line], cell: HeaderCell, what: str) -> Column:
    if cell.unit is Unit.PERCENT and cell.measure is None and not cell.years:
        return Column(cell.cell, Measure.PERCENT_CHANGE, None, Unit.PERCENT)
    if cell.measure is Measure.VARIATION and not cell.years:
        return Column(cell.cell, Measure.VARIATION, None, _amount_unit(header, cell))
    if len(cell.years) == 1:
        measure = cell.measure or Measure.EXPENDITURE
        return Column(cell.cell, measure, cell.years[0], _amount_unit(header, cell))
    raise header[0].error(
        StructureError,
        f"{what} table header: column {cell.cell} names no single year, variation or %",
    )


def _with_table_unit(header: Sequence[Line], cell: HeaderCell) -> HeaderCell:
    """A unit stated in the label column (`Budget de dépenses (000 $)`) covers all amounts."""
    if cell.unit is None and any(THOUSANDS.search(line.cells[0]) for line in header):
        return HeaderCell(cell.cell, cell.years, cell.measure, Unit.THOUSANDS_OF_DOLLARS)
    return cell


def _amount_unit(header: Sequence[Line], cell: HeaderCell) -> Unit:
    if cell.unit is Unit.THOUSANDS_OF_DOLLARS:
        return cell.unit
    raise header[-1].error(
        StructureError, f"column {cell.cell} states no unit (expected (000 $) in its header)"
    )
