"""Checking arguments against the graph: portfolio names, fiscal years, page sizes.

A bad argument raises `BadUserInput` with a message that says what is expected.
"""

from __future__ import annotations

from graph.attributes import Graph
from graph.kinds import Kind
from graph.queries import edition, find_by_name, portfolios, years
from schema.errors import bad_input, one_of
from schema.limits import MAX_PAGE as MAX_PAGE  # pages are checked here
from schema.nodes import node_data


def portfolio_named(graph: Graph, name: str) -> str:
    """The portfolio called `name` (across case, accents and articles)."""
    found = find_by_name(graph, Kind.PORTFOLIO, name)
    if not found:
        names = [str(node_data(graph, p)["name"]) for p in portfolios(graph)]
        raise bad_input(f'unknown portfolio "{name}": {one_of(names)}')
    return found[0]


def portfolio_of(graph: Graph, node: str) -> str:
    """The portfolio a node belongs to (a portfolio belongs to itself)."""
    return str(node_data(graph, node).get("portfolio", node))


def checked_year(graph: Graph, portfolio: str, year: str) -> str:
    """`year`, if the portfolio's documents give figures for it."""
    known = years(graph, portfolio)
    if year not in known:
        name = node_data(graph, portfolio)["name"]
        raise bad_input(f'no figures for year "{year}" in portfolio « {name} »: {one_of(known)}')
    return year


def year_or(graph: Graph, portfolio: str, year: str | None, default: str) -> str:
    return default if year is None else checked_year(graph, portfolio, year)


def latest_year(graph: Graph, portfolio: str) -> str:
    return years(graph, portfolio)[-1]


def document_year(graph: Graph, portfolio: str, year: str | None) -> str | None:
    """The year of the document that speaks for `year` (default: the latest)."""
    return edition(graph, portfolio, year_or(graph, portfolio, year, latest_year(graph, portfolio)))


def year_before(graph: Graph, portfolio: str, year: str) -> str | None:
    """The latest year before `year` that the portfolio's documents give figures for."""
    earlier = [y for y in years(graph, portfolio) if y < year]
    return earlier[-1] if earlier else None


def checked_size(name: str, value: int, low: int = 0, high: int = MAX_PAGE) -> int:
    if not low <= value <= high:
        raise bad_input(f"`{name}` is {value}: expected a number from {low} to {high}")
    return value


def edition_year(graph: Graph, portfolio: str | None, year: str) -> str:
    """`year`, if a document (of `portfolio`, if given) is for that fiscal year."""
    chosen = [portfolio] if portfolio else portfolios(graph)
    known = sorted({y for p in chosen for y in node_data(graph, p).get("editions", {})})
    if year not in known:
        raise bad_input(f'no document for year "{year}": {one_of(known)}')
    return year


def checked_text(text: str) -> str:
    if not text.strip():
        raise bad_input("`text` is blank: give a word or phrase to search for")
    return text
