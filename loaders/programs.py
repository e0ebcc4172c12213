"""One `Program` record from the places a program appears in (sections 1, 2, 3)."""

from __future__ import annotations

from loaders.credits import CreditsSection
from loaders.definitions import Definition
from loaders.errors import StructureError
from loaders.highlights import Highlights
from loaders.records import Program, Row, Text
from loaders.tables_program import ProgramTables


def assemble_programs(
    credits: CreditsSection, definitions: dict[int, Definition], highlights: Highlights
) -> tuple[Program, ...]:
    rows = _credit_rows(credits)
    tables = _program_tables(credits)
    _check_same(rows, tables, definitions)
    return tuple(
        _program(row, tables[number], definitions[number], highlights)
        for number, row in rows.items()
    )


def _program_tables(credits: CreditsSection) -> dict[int, ProgramTables]:
    tables: dict[int, ProgramTables] = {}
    for table in credits.programs:
        if table.number in tables:
            raise _error(table.heading, f"program {table.number} has a second PROGRAMME section")
        tables[table.number] = table
    return tables


def _program(
    row: Row, table: ProgramTables, definition: Definition, highlights: Highlights
) -> Program:
    """The program's names in document order: credits row, section 2, 1 and 3 headings."""
    number = table.number
    names = [Text(row.name or "", row.provenance), table.heading]
    if number in highlights.program_names:
        names.append(highlights.program_names[number])
    names.append(definition.name)
    return Program(
        number=number,
        names=tuple(names),
        credits=row,
        elements=table.elements,
        elements_total=table.elements_total,
        comparison=table.comparison,
        comparison_total=table.comparison_total,
        definition=definition.paragraphs,
        share=definition.share,
        highlights=tuple(p for p in highlights.paragraphs if p.program == number),
    )


def _credit_rows(credits: CreditsSection) -> dict[int, Row]:
    rows: dict[int, Row] = {}
    for row in credits.credits.programs:
        assert row.number is not None
        if row.number in rows:
            raise _error(row, f"program {row.number} has a second row in the credits table")
        rows[row.number] = row
    return rows


def _check_same(
    rows: dict[int, Row], tables: dict[int, ProgramTables], definitions: dict[int, Definition]
) -> None:
    for number, row in rows.items():
        if number not in tables:
            raise _error(row, f"program {number} has no PROGRAMME {number} section in section 2")
        if number not in definitions:
            raise _error(row, f"program {number} has no definition in section 3")
    for number, definition in definitions.items():
        if number not in rows:
            raise _error(definition.name, f"program {number} is not in the credits table")
    for number, table in tables.items():
        if number not in rows:
            raise _error(table.heading, f"program {number} is not in the credits table")


def _error(record: Row | Text, problem: str) -> StructureError:
    where = record.provenance
    return StructureError(where.source, where.line_start, problem, text=where.text)
