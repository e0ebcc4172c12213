"""Checking arguments against the graph (schema/arguments.py, and the year lookups of
graph/queries.py it uses): the portfolio a name means, the years a portfolio's documents
give figures for, page sizes and search text."""

from __future__ import annotations

import pytest

from bench.generate import shift_years
from graph.attributes import Graph
from graph.build import build_graph
from graph.queries import latest_year, year_before
from loaders import Document
from loaders.years import next_year
from schema.arguments import (
    checked_size,
    checked_text,
    checked_year,
    document_year,
    edition_year,
    portfolio_named,
)
from schema.errors import BadUserInput
from schema.limits import MAX_PAGE
from tests.documents import parse_text
from tests.samples import PORTFOLIO

NAME = "Immigration et Communautés culturelles"  # line 7: « Immigration et Communautés ... »


@pytest.fixture(scope="module")
def editions(micc: Document, micc_text: str) -> Graph:
    """The seed and its next edition (the same sheet a year later)."""
    return build_graph([micc, parse_text(shift_years(micc_text, 1), "micc-2008-2009.txt")])


@pytest.mark.parametrize("written", [NAME, NAME.upper(), "immigration et communautes culturelles"])
def test_portfolio_named_across_case_and_accents(real_graph: Graph, written: str) -> None:
    assert portfolio_named(real_graph, written) == PORTFOLIO


def test_unknown_portfolio_names_the_known_ones(real_graph: Graph) -> None:
    with pytest.raises(
        BadUserInput, match=f'unknown portfolio "Tourisme": expected one of "{NAME}"'
    ):
        portfolio_named(real_graph, "Tourisme")


def test_the_years_of_one_document(real_graph: Graph, micc: Document) -> None:
    for year in (micc.year, micc.previous_year):
        assert checked_year(real_graph, PORTFOLIO, year) == year
    assert latest_year(real_graph, PORTFOLIO) == micc.year
    assert year_before(real_graph, PORTFOLIO, micc.year) == micc.previous_year
    assert year_before(real_graph, PORTFOLIO, micc.previous_year) is None
    message = f'no figures for year "2005-2006" .*"{micc.previous_year}", "{micc.year}"'
    with pytest.raises(BadUserInput, match=message):
        checked_year(real_graph, PORTFOLIO, "2005-2006")


def test_the_document_that_speaks_for_a_year(editions: Graph, micc: Document) -> None:
    """The year before has no document of its own: the seed's comparison columns speak
    for it; the latest year is the next edition's."""
    later = next_year(micc.year)
    assert latest_year(editions, PORTFOLIO) == later
    assert document_year(editions, PORTFOLIO, None) == later
    assert document_year(editions, PORTFOLIO, micc.year) == micc.year
    assert document_year(editions, PORTFOLIO, micc.previous_year) == micc.year
    assert edition_year(editions, PORTFOLIO, later) == later
    with pytest.raises(BadUserInput, match='no document for year "2005-2006"'):
        edition_year(editions, PORTFOLIO, "2005-2006")


def test_page_sizes_and_search_text() -> None:
    assert checked_size("first", 0) == 0
    assert checked_size("first", MAX_PAGE) == MAX_PAGE
    with pytest.raises(BadUserInput, match=f"`first` is {MAX_PAGE + 1}: expected a number from 0"):
        checked_size("first", MAX_PAGE + 1)
    assert checked_text("francisation") == "francisation"
    with pytest.raises(BadUserInput, match="`text` is blank"):
        checked_text("  ")
