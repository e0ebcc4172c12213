"""Checking arguments against the graph: portfolio names, fiscal years, page sizes.

A bad argument raises `BadUserInput` with a message that says what is expected.
"""

from __future__ import annotations

from graph.attributes import Graph, name
from graph.kinds import Kind
from graph.queries import (
    document_years,
    edition,
    find_by_name,
    latest_year,
    portfolio_names,
    years,
)
from schema.errors import bad_input, one_of
from schema.limits import MAX_PAGE as MAX_PAGE  # pages are checked here


def portfolio_named(graph: Graph, text: str) -> str:
    """The portfolio called `text` (across case, accents and articles)."""
    found = find_by_name(graph, Kind.PORTFOLIO, text)
    if not found:
        raise bad_input(f'unknown portfolio "{text}": {one_of(portfolio_names(graph))}')
    return found[0]


def checked_year(graph: Graph, portfolio: str, year: str) -> str:
    """`year`, if the portfolio's documents give figures for it."""
    known = years(graph, portfolio)
    if year not in known:
        named = name(graph, portfolio)
        raise bad_input(f'no figures for year "{year}" in portfolio « {named} »: {one_of(known)}')
    return year


def year_or(graph: Graph, portfolio: str, year: str | None, default: str) -> str:
    return default if year is None else checked_year(graph, portfolio, year)


def document_year(graph: Graph, portfolio: str, year: str | None) -> str | None:
    """The year of the document that speaks for `year` (default: the latest)."""
    return edition(graph, portfolio, year_or(graph, portfolio, year, latest_year(graph, portfolio)))


def checked_size(name: str, value: int, low: int = 0, high: int = MAX_PAGE) -> int:
    if not low <= value <= high:
        raise bad_input(f"`{name}` is {value}: expected a number from {low} to {high}")
    return value


def edition_year(graph: Graph, portfolio: str | None, year: str) -> str:
    """`year`, if a document (of `portfolio`, if given) is for that fiscal year."""
    known = document_years(graph, portfolio)
    if year not in known:
        raise bad_input(f'no document for year "{year}": {one_of(known)}')
    return year


def checked_text(text: str) -> str:
    if not text.strip():
        raise bad_input("`text` is blank: give a word or phrase to search for")
    return text
