"""Editions: a portfolio as one of its documents states it, when several are loaded.

Each document (edition) of a portfolio gives two fiscal years: its own and, in its
comparison columns, the previous one, which a later edition may restate. By
default a year is read from its own document (`graph.queries.edition`); a view
of one edition reads both of its years from that document alone: the audit
checks a document against itself, and a change between an edition's two years
is that edition's own comparison (`graph.aggregates.change`).
"""

from __future__ import annotations

from graph.attributes import (
    Graph,
    copy_of,
    edition_inputs,
    editions,
    name,
    own_year,
    previous_year,
    set_edition_figures,
    year,
)
from graph.facts import Key
from graph.kinds import Kind, Rel, kind_of
from graph.queries import children, linked_for_year, portfolio_of
from loaders.records import Figure
from loaders.text import name_key

_CATEGORIES = (Rel.HAS_SUPERCATEGORY, Rel.HAS_INVESTMENT_CATEGORY)


def years_of(graph: Graph, portfolio: str, edition: str) -> tuple[str, str]:
    """The previous year and the year an edition gives figures for."""
    return previous_year(graph, editions(graph, portfolio)[edition]), edition


def edition_for(graph: Graph, portfolio: str, years: tuple[str, str]) -> str | None:
    """The edition that gives both `years` (its own year and its previous one), the one
    of the later year first; None when no one document gives both."""
    wanted = set(years)
    held = [e for e in editions(graph, portfolio) if wanted <= set(years_of(graph, portfolio, e))]
    if not held:
        return None
    return years[1] if years[1] in held else min(held)


def edition_nodes(graph: Graph, portfolio: str, edition: str) -> list[str]:
    """The portfolio and the nodes of one of its documents that hold figures."""
    programs = _of_year(graph, children(graph, portfolio, Rel.HAS_PROGRAM), edition)
    elements = [e for p in programs for e in children(graph, p, Rel.HAS_ELEMENT)]
    categories = [c for rel in _CATEGORIES for c in children(graph, portfolio, rel)]
    return [portfolio, *programs, *elements, *_of_year(graph, categories, edition)]


def counterpart(graph: Graph, node: str, edition: str) -> str | None:
    """The same program, element or category in the document of `edition` (None if it
    has none); a portfolio or organization is its own."""
    kind = kind_of(node)
    if kind in (Kind.PROGRAM, Kind.ELEMENT):
        found = linked_for_year(graph, node, edition)
        return found if own_year(graph, found) == edition else None
    if kind not in (Kind.SUPERCATEGORY, Kind.INVESTMENT_CATEGORY):
        return node
    key = name_key(name(graph, node))
    siblings = [c for rel in _CATEGORIES for c in children(graph, portfolio_of(graph, node), rel)]
    return next(
        (
            c
            for c in _of_year(graph, siblings, edition)
            if kind_of(c) is kind and name_key(name(graph, c)) == key
        ),
        None,
    )


def edition_graph(graph: Graph, portfolio: str, edition: str) -> Graph:
    """The portfolio as the document of `edition` states it: a copy holding that
    document's nodes only (its document node, the organizations), with a fresh cache;
    the graph itself when it holds one edition of the portfolio."""
    held = editions(graph, portfolio)
    if len(held) == 1:
        return graph
    keep = [*edition_nodes(graph, portfolio, edition), held[edition]]
    keep += children(graph, portfolio, Rel.HAS_ORGANIZATION)
    copy = copy_of(graph, keep, [held[edition]])
    own = own_inputs(copy, portfolio, edition)
    set_edition_figures(copy, portfolio, {edition: held[edition]}, own)
    return copy


def own_inputs(graph: Graph, portfolio: str, edition: str) -> dict[Key, Figure]:
    """A portfolio's leaves (crédits permanents, headcount) as one edition states them."""
    return dict(edition_inputs(graph, portfolio).get(edition, {}))


def _of_year(graph: Graph, nodes: list[str], edition: str) -> list[str]:
    return [n for n in nodes if year(graph, n) == edition]
