"""Resolving header cells into columns: which measure, year and unit each holds."""

from __future__ import annotations

from collections.abc import Sequence

from loaders.errors import StructureError
from loaders.lines import Line
from loaders.records import Measure, Unit
from loaders.tables import THOUSANDS, Column, HeaderCell, header_cells


def read_columns(header: Sequence[Line], year: str, what: str) -> list[Column]:
    """The columns of a table whose header rows are `header`.

    Two layouts exist. Either every column names its measure and the years head
    runs of columns (`2007-2008` over four columns, `2006-2007` over the last
    one, wherever the export put the year cell), or the years head their own
    columns, beside a `Variation` and a `%` column.
    """
    cells = [_with_table_unit(header, cell) for cell in header_cells(header)]
    if not cells:
        raise header[-1].error(StructureError, f"{what} table header names no column")
    per_measure = all(c.measure not in (None, Measure.VARIATION) for c in cells)
    if per_measure:
        return _columns_by_runs(header, cells, year, what)
    return [_positional_column(header, cell, what) for cell in cells]


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
