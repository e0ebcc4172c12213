"""Section 2: the portfolio's credits, its supercategories and each program's tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from loaders.columns import read_columns, required_columns
from loaders.errors import CellError, StructureError
from loaders.lines import Line
from loaders.records import (
    Measure,
    PortfolioCredits,
    Row,
    Supercategories,
    Text,
    Unit,
)
from loaders.tables import (
    Column,
    Segment,
    parse_row,
    reject_figures,
    segments,
    split_header,
)
from loaders.tables_program import ProgramTables, parse_program_tables
from loaders.text import fold

_PORTFOLIO = re.compile(r"PORTEFEUILLE\s*«\s*(?P<name>.+?)\s*»", re.IGNORECASE)
_CREDITS_HEADING = re.compile(r"CRÉDITS\s+\d{4}-\d{4}", re.IGNORECASE)
_SUPERCATEGORIES = re.compile(r"VENTILATION PAR SUPERCAT", re.IGNORECASE)
_NUMBERED = re.compile(r"(?P<number>\d+)\.\s*(?P<name>.+)")


@dataclass(frozen=True, slots=True)
class CreditsSection:
    portfolio: Text
    credits: PortfolioCredits
    supercategories: Supercategories
    programs: tuple[ProgramTables, ...]


def parse_credits_section(heading: Line, lines: Sequence[Line], year: str) -> CreditsSection:
    """Section 2, whose heading is `heading` and whose content lines are `lines`."""
    parts = segments(lines)
    if not parts or not (match := _PORTFOLIO.fullmatch(parts[0].heading.clean)):
        where = parts[0].heading if parts else heading
        raise where.error(StructureError, "expected the portfolio heading PORTEFEUILLE « NAME »")
    portfolio = Text(match.group("name"), parts[0].heading.provenance)
    rest = parts[1:]
    if parts[0].table:
        rest = [Segment(parts[0].heading, parts[0].table), *rest]
    elif rest and _CREDITS_HEADING.fullmatch(rest[0].heading.clean):
        pass
    else:
        raise parts[0].heading.error(StructureError, "the portfolio credits table is missing")
    credits = parse_portfolio_credits(rest[0], year)
    if len(rest) < 2 or not _SUPERCATEGORIES.match(rest[1].heading.clean):
        where = rest[1].heading if len(rest) > 1 else rest[0].table[-1]
        raise where.error(StructureError, "expected VENTILATION PAR SUPERCATÉGORIES here")
    supercategories = parse_supercategories(rest[1], year)
    programs = parse_program_tables(rest[2:], year)
    return CreditsSection(portfolio, credits, supercategories, programs)


def parse_portfolio_credits(segment: Segment, year: str) -> PortfolioCredits:
    what = "portfolio credits"
    header, rows = split_header(segment.table, what, segment.heading)
    columns = read_columns(header, year, what, required_columns("credits", year))
    programs: list[Row] = []
    named: dict[str, Row] = {}
    for line in rows:
        label = line.cells[0]
        if match := _NUMBERED.fullmatch(label):
            if named:
                raise line.error(StructureError, "program row after the total row")
            number, name = int(match.group("number")), match.group("name")
            programs.append(parse_row(line, columns, label, number, name))
        elif (key := _credits_row_key(label)) is None:
            raise line.error(
                StructureError,
                f'row "{label}" is not a row of the portfolio credits table (expected "N. Name", '
                "the total row with an empty label, Moins :, Crédits permanents "
                "or Crédits à voter)",
            )
        elif key in named:
            raise line.error(StructureError, f'second "{label or "total"}" row')
        elif key == "less":
            reject_figures(line)
            named[key] = parse_row(line, columns, label, None, None, required=False)
        else:
            named[key] = _credits_row(line, columns, label, key)
    return _portfolio_credits(segment, programs, named, header[0])


def _credits_row_key(label: str) -> str | None:
    folded = fold(label)
    if folded in ("", "total"):
        return "total"
    if folded.startswith("moins"):
        return "less"
    if "permanent" in folded:
        return "permanent"
    if "voter" in folded:
        return "to_vote"
    return None


def _credits_row(line: Line, columns: Sequence[Column], label: str, key: str) -> Row:
    if key == "total":
        return parse_row(line, columns, label, None, None)
    row = parse_row(line, columns, label, None, None, required=False)
    for column in columns:
        if column.measure is Measure.CREDITS and row.figure(column.measure, column.year) is None:
            raise line.error(CellError, "is empty (expected credits, e.g. 9,6)", column.cell)
    return row


def _portfolio_credits(
    segment: Segment, programs: list[Row], named: dict[str, Row], header: Line
) -> PortfolioCredits:
    last = segment.table[-1]
    if not programs:
        raise last.error(StructureError, "the portfolio credits table has no program row")
    for key, label in (
        ("total", "total"),
        ("permanent", "Crédits permanents"),
        ("to_vote", "Crédits à voter"),
    ):
        if key not in named:
            raise last.error(StructureError, f"the portfolio credits table has no {label} row")
    return PortfolioCredits(
        tuple(programs), named["total"], named["permanent"], named["to_vote"], header.provenance
    )


def parse_supercategories(segment: Segment, year: str) -> Supercategories:
    what = "supercategories"
    header, rows = split_header(segment.table, what, segment.heading)
    columns = read_columns(header, year, what, required_columns("supercategories", year))
    totals = [i for i, line in enumerate(rows) if fold(line.cells[0]) == "total"]
    if len(totals) != 2:
        where = rows[totals[-1]] if len(totals) > 2 else rows[-1]
        raise where.error(
            StructureError,
            "the supercategories table needs two Total rows (expenditure, then investments)",
        )
    first, second = totals
    categories = tuple(_plain_row(x, columns) for x in rows[:first])
    headcount, investments = _split_investments(rows[first + 1 : second], second, rows)
    investment_columns = _with(columns, Measure.INVESTMENT, None)
    return Supercategories(
        categories=categories,
        total=_plain_row(rows[first], columns),
        headcount=_plain_row(headcount, _with(columns, Measure.HEADCOUNT, Unit.PERSONS)),
        investments=tuple(_plain_row(x, investment_columns) for x in investments),
        investment_total=_plain_row(rows[second], investment_columns),
        header=header[0].provenance,
    )


def _split_investments(
    middle: Sequence[Line], second: int, rows: Sequence[Line]
) -> tuple[Line, list[Line]]:
    labels = [fold(x.cells[0]) for x in middle]
    if len(middle) < 2 or not labels[0].startswith("effectif"):
        raise (middle[0] if middle else rows[second]).error(
            StructureError, "expected the Effectif total row after the expenditure Total"
        )
    if not labels[1].startswith("budget d'investissement"):
        raise middle[1].error(StructureError, "expected the Budget d'investissements row")
    reject_figures(middle[1])
    return middle[0], list(middle[2:])


def _with(columns: Sequence[Column], measure: Measure, unit: Unit | None) -> list[Column]:
    return [
        replace(c, measure=measure, unit=unit or c.unit) if c.year is not None else c
        for c in columns
    ]


def _plain_row(line: Line, columns: Sequence[Column]) -> Row:
    label = line.cells[0]
    return parse_row(line, columns, label, None, label)
