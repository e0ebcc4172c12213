"""Section 2: the portfolio's credits, its supercategories and each program's tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial

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
    reject_repeats,
    segments,
    split_header,
)
from loaders.tables_program import ProgramTables, parse_program_tables
from loaders.text import fold

_PORTFOLIO = re.compile(r"PORTEFEUILLE\s*«\s*(?P<name>.+?)\s*»", re.IGNORECASE)
_CREDITS_HEADING = re.compile(r"CRÉDITS\s+\d{4}-\d{4}", re.IGNORECASE)
_SUPERCATEGORIES = re.compile(r"VENTILATION PAR SUPERCAT", re.IGNORECASE)
_NUMBERED = re.compile(r"(?P<number>\d+)\.\s*(?P<name>.+)")
_TWO_TOTALS = "the supercategories table needs two Total rows (expenditure, then investments)"


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
    reject_repeats(rows, _credits_key)
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
        elif key == "less":
            reject_figures(line)
            named[key] = parse_row(line, columns, label, None, None, required=False)
        else:
            named[key] = _credits_row(line, columns, label, key)
    return _portfolio_credits(segment, programs, named, header[0])


def _credits_key(line: Line) -> tuple[str, int] | str | None:
    """A program row by its number, the other rows by what they are."""
    label = line.cells[0]
    if match := _NUMBERED.fullmatch(label):
        return ("program", int(match.group("number")))
    return _credits_row_key(label)


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
    """Supercategories, `Total`, `Effectif total`, then `Budget d'investissements` and the
    investment categories with their own `Total`: each row label once (`Total` once in
    each part)."""
    what = "supercategories"
    header, rows = split_header(segment.table, what, segment.heading)
    columns = read_columns(header, year, what, required_columns("supercategories", year))
    spending, divider, investing = _parts(rows)
    reject_repeats(rows, partial(_supercategories_key, frozenset(investing)))
    categories, total, headcount = _spending(spending, divider)
    reject_figures(divider)
    investments, investment_total = _investing(investing, divider)
    investment_columns = _with(columns, Measure.INVESTMENT, None)
    return Supercategories(
        categories=tuple(_plain_row(x, columns) for x in categories),
        total=_plain_row(total, columns),
        headcount=_plain_row(headcount, _with(columns, Measure.HEADCOUNT, Unit.PERSONS)),
        investments=tuple(_plain_row(x, investment_columns) for x in investments),
        investment_total=_plain_row(investment_total, investment_columns),
        header=header[0].provenance,
    )


def _supercategories_key(investing: frozenset[Line], line: Line) -> str | tuple[str, bool]:
    """A row by its label; `Total` once in each part (expenditure, investments)."""
    return ("total", line in investing) if _is_total(line) else _folded_label(line)


def _folded_label(line: Line) -> str:
    return fold(line.cells[0])


def _is_total(line: Line) -> bool:
    return _folded_label(line) == "total"


def _parts(rows: Sequence[Line]) -> tuple[list[Line], Line, list[Line]]:
    """The expenditure rows, the `Budget d'investissements` row, the investment rows."""
    labels = [_folded_label(x) for x in rows]
    divider = next(
        (i for i, x in enumerate(labels) if x.startswith("budget d'investissement")), None
    )
    if divider is None:
        headcount = next((i for i, x in enumerate(labels) if x.startswith("effectif")), len(rows))
        where = rows[min(headcount + 1, len(rows) - 1)]  # where the row was expected
        raise where.error(StructureError, "expected the Budget d'investissements row")
    return list(rows[:divider]), rows[divider], list(rows[divider + 1 :])


def _spending(spending: Sequence[Line], divider: Line) -> tuple[list[Line], Line, Line]:
    """The supercategory rows, their `Total` and the `Effectif total` row after it."""
    first = next((i for i, x in enumerate(spending) if _is_total(x)), None)
    if first is None:
        raise divider.error(StructureError, _TWO_TOTALS)
    after = [*spending[first + 1 :], divider]
    if not _folded_label(after[0]).startswith("effectif"):
        raise after[0].error(
            StructureError, "expected the Effectif total row after the expenditure Total"
        )
    if after[1] is not divider:
        raise after[1].error(StructureError, "expected the Budget d'investissements row")
    if first == 0:
        raise spending[0].error(
            StructureError, "the supercategories table has no supercategory row before its Total"
        )
    return list(spending[:first]), spending[first], after[0]


def _investing(investing: Sequence[Line], divider: Line) -> tuple[list[Line], Line]:
    """The investment category rows and their `Total`, the table's last row."""
    last = next((i for i, x in enumerate(investing) if _is_total(x)), None)
    if last is None:
        raise (investing[-1] if investing else divider).error(StructureError, _TWO_TOTALS)
    if last + 1 < len(investing):
        raise investing[last + 1].error(
            StructureError, "the supercategories table goes on after its investment Total"
        )
    if last == 0:
        raise investing[0].error(
            StructureError, "the supercategories table has no investment category row"
        )
    return list(investing[:last]), investing[last]


def _with(columns: Sequence[Column], measure: Measure, unit: Unit | None) -> list[Column]:
    return [
        replace(c, measure=measure, unit=unit or c.unit) if c.year is not None else c
        for c in columns
    ]


def _plain_row(line: Line, columns: Sequence[Column]) -> Row:
    label = line.cells[0]
    return parse_row(line, columns, label, None, label)
