"""The figures as one tidy table (CSV): one row per figure, for pandas or a spreadsheet.

A row is either a figure a document states (`basis` `stated`, with its document,
line and cell; `input` true for the leaf figures the graph computes from, false
for the totals, changes and shares it recomputes, with the `table` they are in),
or a total the graph computes from the leaf figures (`basis` `computed`, naming
the documents it comes from). Amounts are exact decimals with a `.` point, in
`unit` (`000 $` for thousands of dollars, `%`, `persons`). A change's `year` is
the later year, `compared_with` the earlier; `of` says what a change or share is of.

The file is UTF-8 with a byte-order mark (so a spreadsheet opens it as UTF-8),
comma-separated, with a header row, quoted as RFC 4180, lines ending CRLF.
"""

from __future__ import annotations

import csv
import io
from dataclasses import astuple, dataclass, fields
from typing import Any

from graph.aggregates import Amount, amount
from graph.attributes import (
    Graph,
    documents,
    inputs,
    name,
    number,
    own_year,
    path,
    previous_year,
    stated,
)
from graph.export.network import AMOUNT_MEASURES, BUDGETED, figure_years
from graph.export.sources import document_names, document_of
from graph.kinds import Kind, kind_of
from graph.queries import portfolio_of, program_of
from loaders.records import Figure, Measure

LEVELS = [kind.value for kind in BUDGETED]
CHANGES = (Measure.VARIATION, Measure.PERCENT_CHANGE, Measure.SHARE)


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One row of the table; the field names are its columns."""

    portfolio: str
    year: str
    compared_with: str
    level: str
    program: int | None
    element: int | None
    name: str
    measure: str
    of: str
    amount: str
    unit: str
    basis: str
    input: bool
    table: str
    document: str
    line: int | None
    cell: int | None


COLUMNS = tuple(f.name for f in fields(FigureRow))


@dataclass(frozen=True, slots=True)
class Sources:
    """The loaded documents: their export names and their years, by path."""

    names: dict[str, str]
    years: dict[str, tuple[str, str]]

    @classmethod
    def of(cls, graph: Graph) -> Sources:
        years = {
            path(graph, d): (own_year(graph, d), previous_year(graph, d)) for d in documents(graph)
        }
        return cls(document_names(graph), years)


def figures_csv(graph: Graph) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(_cells(row) for row in figure_rows(graph))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cells(row: FigureRow) -> list[str | int]:
    """A row as CSV cells: None empty, booleans `true`/`false`."""
    return ["" if v is None else str(v).lower() if isinstance(v, bool) else v for v in astuple(row)]


def figure_rows(graph: Graph) -> list[FigureRow]:
    """Every stated figure and every computed total of the budgeted nodes, sorted."""
    sources = Sources.of(graph)
    rows: list[FigureRow] = []
    for node in graph:
        if kind_of(node) in BUDGETED:
            rows += stated_rows(graph, node, sources) + computed_rows(graph, node, sources)
    return sorted(rows, key=_order)


def _order(row: FigureRow) -> tuple[Any, ...]:
    where = (row.program or 0, row.element or 0, row.name, row.basis, row.document)
    return (row.portfolio, row.year, LEVELS.index(row.level), *where, row.line or 0, row.cell or 0)


def stated_rows(graph: Graph, node: str, sources: Sources) -> list[FigureRow]:
    """The figures the documents state about `node`: leaf inputs, then stated totals."""
    leaves = inputs(graph, node).values()
    rows = [_stated(graph, node, figure, sources, "", "") for figure in leaves]
    for record in stated(graph, node):
        of = record.about.value if record.figure.measure in CHANGES else ""
        rows.append(_stated(graph, node, record.figure, sources, record.table.value, of))
    return rows


def _stated(
    graph: Graph, node: str, figure: Figure, sources: Sources, table: str, of: str
) -> FigureRow:
    year, compared = figure.year, ""
    if year is None:  # a change, between the two years of its document
        year, compared = sources.years[figure.provenance.source]
    return FigureRow(
        **_identity(graph, node),
        year=year,
        compared_with=compared,
        measure=figure.measure.value,
        of=of,
        amount=format(figure.value, "f"),
        unit=figure.unit.value,
        basis="stated",
        input=not table,
        table=table,
        document=document_of(figure.provenance, sources.names),
        line=figure.provenance.line_start,
        cell=figure.cell,
    )


def computed_rows(graph: Graph, node: str, sources: Sources) -> list[FigureRow]:
    """The totals the graph computes for `node` (not the leaf figures it reads)."""
    rows = []
    for year in figure_years(graph, node):
        for measure in AMOUNT_MEASURES:
            found = amount(graph, node, measure, year)
            if found is not None and not _is_read(graph, node, measure, year, found):
                rows.append(_computed(graph, node, year, measure, found, sources))
    return rows


def _is_read(graph: Graph, node: str, measure: Measure, year: str, found: Amount) -> bool:
    figure = inputs(graph, node).get((measure, year))
    return figure is not None and found.sources == (figure.provenance,)


def _computed(
    graph: Graph, node: str, year: str, measure: Measure, found: Amount, sources: Sources
) -> FigureRow:
    documents = sorted({document_of(s, sources.names) for s in found.sources})
    return FigureRow(
        **_identity(graph, node),
        year=year,
        compared_with="",
        measure=measure.value,
        of="",
        amount=format(found.value, "f"),
        unit=found.unit.value,
        basis="computed",
        input=False,
        table="",
        document="; ".join(documents),
        line=None,
        cell=None,
    )


def _identity(graph: Graph, node: str) -> dict[str, Any]:
    """Which entity a row is about: portfolio, level, program and element numbers, name."""
    kind = kind_of(node)
    program: int | str | None = number(graph, node) if kind is Kind.PROGRAM else None
    if kind is Kind.ELEMENT:
        program = number(graph, program_of(graph, node))
    return {
        "portfolio": name(graph, portfolio_of(graph, node)),
        "level": kind.value,
        "program": program,
        "element": number(graph, node) if kind is Kind.ELEMENT else None,
        "name": name(graph, node),
    }
