"""The root lists that grow with the documents loaded: portfolios, documents, units of a
name, search results and audit findings.

Each takes `first` (a page of at most `MAX_PAGE` items; its default is in its
description) and `offset`, and a count field beside it gives the whole list's length,
so a client pages with `offset` until it reaches the count. Filters given as lists
(`kinds`, `status`) are sets: a value given twice counts once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, TypeVar

import strawberry

from graph import audit, queries
from graph.attributes import Graph
from graph.audit import Finding
from graph.queries import portfolio_of
from schema import arguments as args
from schema.arguments import MAX_PAGE
from schema.audit import AuditFinding
from schema.context import Info, graph_of
from schema.enums import Kind, Status
from schema.errors import bad_input
from schema.nodes import Entity, entities, typed
from schema.organization import OrgUnit
from schema.portfolio import Portfolio, SourceDocument

T = TypeVar("T")


def described(text: str) -> object:
    return strawberry.argument(description=text)


def first_of(default: int) -> object:
    return described(f"How many items at most (0 to {MAX_PAGE}; default {default}).")


OptionalPortfolio = Annotated[str | None, described("Only this portfolio (a name).")]
Kinds = Annotated[list[Kind] | None, described("Only entities of these kinds.")]
Offset = Annotated[int, described("How many items to skip first (default 0).")]
Page = Annotated[int, first_of(MAX_PAGE)]
UnitName = Annotated[str, described("A unit's name, e.g. `Direction des ressources financières`.")]
SearchText = Annotated[str, described("A word or phrase, e.g. `francisation`.")]
EditionYear = Annotated[str | None, described("Only the document of this year.")]
Statuses = Annotated[list[Status] | None, described("Only findings of these statuses.")]
UNITS_PAGE = 20
SEARCH_PAGE = 20


def page(items: Sequence[T], first: int, offset: int, low: int = 0) -> list[T]:
    """`first` items from `offset` on (both checked)."""
    args.checked_size("first", first, low=low)
    if offset < 0:
        raise bad_input(f"`offset` is {offset}: expected 0 or more")
    return list(items[offset : offset + first])


def units_named(graph: Graph, name: str, portfolio: str | None) -> list[str]:
    found = queries.find_by_name(graph, Kind.ORG_UNIT, name)
    if portfolio is None:
        return found
    wanted = args.portfolio_named(graph, portfolio)
    return [u for u in found if portfolio_of(graph, u) == wanted]


def findings(
    graph: Graph, portfolio: str | None, year: str | None, status: list[Status] | None
) -> list[Finding]:
    found = args.portfolio_named(graph, portfolio) if portfolio is not None else None
    edition = None if year is None else args.edition_year(graph, found, year)
    wanted = set(status or ())
    return [f for f in audit.audit(graph, found, edition) if not wanted or f.status in wanted]


@strawberry.type
class Lists:
    """The root fields of the lists that grow; `Query` inherits them."""

    @strawberry.field(description="The portfolios the loaded documents cover, by name.")
    def portfolios(self, info: Info, first: Page = MAX_PAGE, offset: Offset = 0) -> list[Portfolio]:
        graph = graph_of(info)
        return typed(graph, page(queries.portfolios(graph), first, offset), Portfolio)

    @strawberry.field(description="How many portfolios the loaded documents cover.")
    def portfolios_count(self, info: Info) -> int:
        return len(queries.portfolios(graph_of(info)))

    @strawberry.field(description="The documents the graph was built from.")
    def documents(
        self, info: Info, first: Page = MAX_PAGE, offset: Offset = 0
    ) -> list[SourceDocument]:
        graph = graph_of(info)
        found = page(queries.nodes_of_kind(graph, Kind.DOCUMENT), first, offset)
        return typed(graph, found, SourceDocument)

    @strawberry.field(description="How many documents the graph was built from.")
    def documents_count(self, info: Info) -> int:
        return len(queries.nodes_of_kind(graph_of(info), Kind.DOCUMENT))

    @strawberry.field(description="The units of that name (case, accents and articles aside).")
    def org_units(
        self,
        info: Info,
        name: UnitName,
        portfolio: OptionalPortfolio = None,
        first: Annotated[int, first_of(UNITS_PAGE)] = UNITS_PAGE,
        offset: Offset = 0,
    ) -> list[OrgUnit]:
        graph = graph_of(info)
        return typed(graph, page(units_named(graph, name, portfolio), first, offset), OrgUnit)

    @strawberry.field(description="How many units have that name (in that portfolio).")
    def org_units_count(
        self, info: Info, name: UnitName, portfolio: OptionalPortfolio = None
    ) -> int:
        return len(units_named(graph_of(info), name, portfolio))

    @strawberry.field(
        description="Entities whose name or text (mandate, intro, definition) contains "
        "`text`, case and accents aside; name matches first."
    )
    def search(
        self,
        info: Info,
        text: SearchText,
        kinds: Kinds = None,
        first: Annotated[
            int, described(f"How many results at most (1 to {MAX_PAGE}; default {SEARCH_PAGE}).")
        ] = SEARCH_PAGE,
        offset: Offset = 0,
    ) -> list[Entity]:
        graph = graph_of(info)
        found = queries.search(graph, args.checked_text(text), kinds)
        return entities(graph, page(found, first, offset, low=1))

    @strawberry.field(description="How many entities `search` finds for `text`.")
    def search_count(self, info: Info, text: SearchText, kinds: Kinds = None) -> int:
        return len(queries.search(graph_of(info), args.checked_text(text), kinds))

    @strawberry.field(description="The audit: each stated figure against the computed one.")
    def audit(
        self,
        info: Info,
        portfolio: OptionalPortfolio = None,
        year: EditionYear = None,
        status: Statuses = None,
        first: Page = MAX_PAGE,
        offset: Offset = 0,
    ) -> list[AuditFinding]:
        graph = graph_of(info)
        found = page(findings(graph, portfolio, year, status), first, offset)
        return [AuditFinding.of(graph, f) for f in found]

    @strawberry.field(description="How many findings `audit` has (with the same filters).")
    def audit_count(
        self,
        info: Info,
        portfolio: OptionalPortfolio = None,
        year: EditionYear = None,
        status: Statuses = None,
    ) -> int:
        return len(findings(graph_of(info), portfolio, year, status))
