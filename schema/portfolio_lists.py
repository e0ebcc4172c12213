"""A portfolio's lists of programs, elements and groups, filtered and sorted as asked:
one function each, for the root's fields, the portfolio's, and their pages."""

from __future__ import annotations

from graph.attributes import Graph
from graph.kinds import Kind, Rel
from graph.queries import in_portfolio, latest_year, numbered_children, programs
from schema.arguments import document_year, year_or
from schema.listing import OrderBy, Where, arranged
from schema.nodes import typed
from schema.organization import OrgGroup
from schema.program import Element, Program


def program_list(
    graph: Graph, portfolio: str, year: str, order_by: OrderBy, where: Where
) -> list[Program]:
    """A portfolio's programs for a checked `year` (by number unless `order_by` says)."""
    found = arranged(graph, programs(graph, portfolio, year), portfolio, year, order_by, where)
    return typed(graph, found, Program, year)


def element_list(
    graph: Graph, portfolio: str, year: str, order_by: OrderBy, where: Where
) -> list[Element]:
    """The elements of a portfolio's programs for a checked `year` (by program and number)."""
    programs_of_year = programs(graph, portfolio, year)
    found = [e for p in programs_of_year for e in numbered_children(graph, p, Rel.HAS_ELEMENT)]
    return typed(graph, arranged(graph, found, portfolio, year, order_by, where), Element, year)


def group_list(
    graph: Graph, portfolio: str, year: str | None, order_by: OrderBy, where: Where
) -> list[OrgGroup]:
    """A portfolio's groups as the document of `year` (default: the latest) states them;
    their figures are that year's."""
    chosen = document_year(graph, portfolio, year)
    found = in_portfolio(graph, Kind.ORG_GROUP, portfolio, chosen)
    figures = year_or(graph, portfolio, year, latest_year(graph, portfolio))
    return typed(graph, arranged(graph, found, portfolio, figures, order_by, where), OrgGroup)
