"""Section 2, per program: the elements table and the comparison table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from loaders.columns import Table, read_columns, required_columns
from loaders.errors import StructureError
from loaders.lines import Line
from loaders.records import Row, Text
from loaders.tables import Segment, parse_row, reject_figures, reject_repeats, split_header

_PROGRAM = re.compile(r"PROGRAMME\s+(?P<number>\d+)\s*:\s*(?P<name>.+)")
_COMPARISON = re.compile(r"COMPARATIF DES BUDGETS", re.IGNORECASE)
_ELEMENT = re.compile(r"(?P<number>\d+)\.\s*(?P<name>.+)")
_COMPARED_ELEMENT = re.compile(r"Élément\s+(?P<number>\d+)\s*:\s*(?P<name>.+)", re.IGNORECASE)
_PROGRAM_ROW = re.compile(r"PROGRAMME\s+(?P<number>\d+)")
_TOTAL = re.compile(r"Total\s*[–—-]?\s*programme\s+(?P<number>\d+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ProgramTables:
    number: int
    heading: Text
    elements: tuple[Row, ...]
    elements_total: Row
    comparison: tuple[Row, ...]
    comparison_total: Row


def parse_program_tables(parts: Sequence[Segment], year: str) -> tuple[ProgramTables, ...]:
    """Pairs of segments: `PROGRAMME N : NAME` + elements, `COMPARATIF ...` + comparison."""
    programs: list[ProgramTables] = []
    for index in range(0, len(parts), 2):
        head = parts[index]
        match = _PROGRAM.fullmatch(head.heading.clean)
        if match is None:
            raise head.heading.error(
                StructureError, "expected a program heading PROGRAMME N : NAME in section 2"
            )
        number = int(match.group("number"))
        if index + 1 >= len(parts) or not _COMPARISON.match(parts[index + 1].heading.clean):
            where = parts[index + 1].heading if index + 1 < len(parts) else _last(head)
            raise where.error(
                StructureError, f"expected program {number}'s COMPARATIF DES BUDGETS table"
            )
        programs.append(_program(number, match.group("name"), head, parts[index + 1], year))
    if not programs:
        raise StructureError(
            parts[0].heading.source if parts else "?", None, "section 2 has no program"
        )
    return tuple(programs)


def _last(segment: Segment) -> Line:
    return segment.table[-1] if segment.table else segment.heading


def _program(number: int, name: str, head: Segment, compared: Segment, year: str) -> ProgramTables:
    elements, total = _table(head, "elements", number, year)
    comparison, comparison_total = _table(compared, "comparison", number, year)
    _check_same_elements(elements, comparison, compared)
    heading = Text(name, head.heading.provenance)
    return ProgramTables(number, heading, elements, total, comparison, comparison_total)


def _table(segment: Segment, table: Table, number: int, year: str) -> tuple[tuple[Row, ...], Row]:
    what = f"program {number} {table}"
    pattern = _ELEMENT if table == "elements" else _COMPARED_ELEMENT
    header, lines = split_header(segment.table, what, segment.heading)
    columns = read_columns(header, year, what, required_columns(table, year))
    reject_repeats(lines, partial(_row_key, pattern))
    rows: list[Row] = []
    for line in lines:
        label = line.cells[0]
        if rows_total := _TOTAL.fullmatch(label):
            _check_number(line, int(rows_total.group("number")), number, what)
            if line is not lines[-1]:
                raise line.error(StructureError, f"the {what} table goes on after its total row")
            if not rows:
                raise line.error(StructureError, f"the {what} table has no element row")
            return tuple(rows), parse_row(line, columns, label, number, None)
        if (program_row := _PROGRAM_ROW.fullmatch(label)) and not rows:
            _check_number(line, int(program_row.group("number")), number, what)
            reject_figures(line)
        elif match := pattern.fullmatch(label):
            element = int(match.group("number"))
            rows.append(parse_row(line, columns, label, element, match.group("name")))
        else:
            raise line.error(StructureError, f'row "{label}" does not belong in the {what} table')
    raise lines[-1].error(
        StructureError, f"the {what} table has no total row (expected Total Programme {number})"
    )


def _row_key(pattern: re.Pattern[str], line: Line) -> tuple[str, int] | None:
    """An element row by its number, the program and total rows by what they are."""
    label = line.cells[0]
    for what, known in (("element", pattern), ("program", _PROGRAM_ROW), ("total", _TOTAL)):
        if match := known.fullmatch(label):
            return what, int(match.group("number"))
    return None


def _check_number(line: Line, found: int, expected: int, what: str) -> None:
    if found != expected:
        raise line.error(StructureError, f"names program {found} inside the {what} table")


def _check_same_elements(elements: Sequence[Row], comparison: Sequence[Row], seg: Segment) -> None:
    numbers = [row.number for row in elements]
    compared = [row.number for row in comparison]
    if compared != numbers:
        raise _last(seg).error(
            StructureError,
            f"the comparison lists elements {compared} but the elements table lists {numbers}",
        )
