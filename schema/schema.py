"""The root `Query` and the `Schema`."""

from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError
from strawberry import relay
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graph import audit, queries
from graph import search as graph_search
from graph.attributes import Graph
from schema import arguments as args
from schema.audit import AuditFinding
from schema.breakdown import MEASURE, Breakdown, breakdown_of
from schema.context import Info, graph_of
from schema.enums import Dimension, Kind, Measure, Rel, Status
from schema.errors import INTERNAL, add_codes, code_of
from schema.extensions import EXTENSIONS
from schema.listing import After, First, OrderBy, Page, PageSize, Where, page_mapped, top
from schema.lists import element_list, group_list, program_list
from schema.neighborhood import Subgraph
from schema.nodes import Entity, by_global_id, entities, typed
from schema.organization import OrgGroup, OrgUnit
from schema.pagination import Connection
from schema.portfolio import FiscalYear, Portfolio, SourceDocument
from schema.program import Element, Program
from schema.scalars import SCALARS
from schema.search import RANKING, SearchHit, checked_query

MAX_DEPTH = 3


def described(text: str) -> object:
    return strawberry.argument(description=text)


PortfolioName = Annotated[str, described("A portfolio's name; case, accents and articles aside.")]
OptionalPortfolio = Annotated[str | None, described("Only this portfolio (a name).")]
Year = Annotated[str, described("A fiscal year, e.g. `2007-2008`.")]
GlobalId = Annotated[relay.GlobalID, described("A global id, as an entity's `id` gives it.")]
Kinds = Annotated[list[Kind] | None, described("Only entities of these kinds.")]


@strawberry.type(description="Questions about the budget knowledge graph.")
class Query:
    @strawberry.field(description="The entity with this global id, or null if there is none.")
    def node(self, info: Info, id: GlobalId) -> relay.Node | None:
        return by_global_id(graph_of(info), id)

    @strawberry.field(description="The entities with these global ids (null where none).")
    def nodes(
        self, info: Info, ids: Annotated[list[relay.GlobalID], described("Global ids.")]
    ) -> list[relay.Node | None]:
        args.checked_size("ids", len(ids))
        return [by_global_id(graph_of(info), i) for i in ids]

    @strawberry.field(description="Every portfolio the loaded documents cover.")
    def portfolios(self, info: Info) -> list[Portfolio]:
        graph = graph_of(info)
        return typed(graph, queries.portfolios(graph), Portfolio)

    @strawberry.field(
        description="The portfolio of that name, across case, accents and articles "
        "(null if no loaded document has it)."
    )
    def portfolio(self, info: Info, name: PortfolioName) -> Portfolio | None:
        graph = graph_of(info)
        found = queries.find_by_name(graph, Kind.PORTFOLIO, name)
        return typed(graph, found[:1], Portfolio)[0] if found else None

    @strawberry.field(description="A portfolio's programs that give figures for a year.")
    def programs(
        self,
        info: Info,
        portfolio: PortfolioName,
        year: Year,
        order_by: OrderBy = None,
        where: Where = None,
        first: First = None,
    ) -> list[Program]:
        return top(program_list(*_checked(info, portfolio, year), order_by, where), first)

    @strawberry.field(
        description="The elements of a portfolio's programs for a year, by program and number "
        "unless `orderBy` says otherwise."
    )
    def elements(
        self,
        info: Info,
        portfolio: PortfolioName,
        year: Year,
        order_by: OrderBy = None,
        where: Where = None,
        first: First = None,
    ) -> list[Element]:
        return top(element_list(*_checked(info, portfolio, year), order_by, where), first)

    @strawberry.field(description="A portfolio's groups of section 4 (default: latest document).")
    def org_groups(
        self,
        info: Info,
        portfolio: PortfolioName,
        year: Annotated[
            str | None,
            described(
                "A fiscal year: the groups as stated by the document that gives its figures "
                "(that year's own, else the next year's comparison); default: the latest."
            ),
        ] = None,
        order_by: OrderBy = None,
        where: Where = None,
        first: First = None,
    ) -> list[OrgGroup]:
        graph = graph_of(info)
        found = args.portfolio_named(graph, portfolio)
        return top(group_list(graph, found, year, order_by, where), first)

    @strawberry.field(description="The units of that name (case, accents and articles aside).")
    def org_units(
        self,
        info: Info,
        name: Annotated[
            str, described("A unit's name, e.g. `Direction des ressources financières`.")
        ],
        portfolio: OptionalPortfolio = None,
    ) -> list[OrgUnit]:
        graph = graph_of(info)
        found = queries.find_by_name(graph, Kind.ORG_UNIT, name)
        if portfolio is not None:
            wanted = args.portfolio_named(graph, portfolio)
            found = [u for u in found if args.portfolio_of(graph, u) == wanted]
        return typed(graph, found, OrgUnit)

    @strawberry.field(description="The documents the graph was built from.")
    def documents(self, info: Info) -> list[SourceDocument]:
        graph = graph_of(info)
        return typed(graph, queries.nodes_of_kind(graph, Kind.DOCUMENT), SourceDocument)

    @relay.connection(Connection[Entity], description="Every entity (of some kinds), by id.")
    def entities(self, info: Info, kinds: Kinds = None) -> list[Entity]:
        graph = graph_of(info)
        wanted = kinds or list(Kind)
        return entities(graph, sorted(n for k in wanted for n in queries.nodes_of_kind(graph, k)))

    @strawberry.field(
        description="Entities whose name or text (mandate, intro, definition) contains "
        "`text`, case and accents aside; name matches first."
    )
    def search(
        self,
        info: Info,
        text: Annotated[str, described("A word or phrase, e.g. `francisation`.")],
        kinds: Kinds = None,
        first: Annotated[int, described("How many results at most (1 to 100).")] = 20,
    ) -> list[Entity]:
        graph = graph_of(info)
        found = queries.search(graph, args.checked_text(text), kinds)
        return entities(graph, found[: args.checked_size("first", first, low=1)])

    @strawberry.field(
        description="Ranked search of every entity's name and texts (definitions, highlights, "
        "group introductions, mandates, objectives, modes): words in any order, compared by "
        "their French stems, case and accents aside; phrases in quotes. " + RANKING
    )
    def ranked_search(
        self,
        info: Info,
        text: Annotated[
            str,
            described('Words and "phrases in quotes", e.g. `francisation immigration`.'),
        ],
        kinds: Kinds = None,
        portfolio: OptionalPortfolio = None,
        first: PageSize = None,
        after: After = None,
    ) -> Page[SearchHit]:
        graph = graph_of(info)
        wanted = None if portfolio is None else args.portfolio_named(graph, portfolio)
        query = checked_query(args.checked_text(text))
        found = graph_search.search(graph, query, kinds or (), wanted)
        return page_mapped(found, first, after, lambda hit: SearchHit.of(graph, hit))

    @strawberry.field(description="The audit: each stated figure against the computed one.")
    def audit(
        self,
        info: Info,
        portfolio: OptionalPortfolio = None,
        year: Annotated[str | None, described("Only the document of this year.")] = None,
        status: Annotated[
            list[Status] | None, described("Only findings of these statuses.")
        ] = None,
    ) -> list[AuditFinding]:
        graph = graph_of(info)
        found = args.portfolio_named(graph, portfolio) if portfolio is not None else None
        edition = None if year is None else args.edition_year(graph, found, year)
        findings = audit.audit(graph, found, edition)
        return [AuditFinding.of(graph, f) for f in findings if not status or f.status in status]

    @strawberry.field(description="A portfolio's budget for a year split by a dimension.")
    def breakdown(
        self,
        info: Info,
        portfolio: PortfolioName,
        year: Year,
        by: Annotated[Dimension, described("What the rows are.")],
        measure: Annotated[Measure | None, described(MEASURE)] = None,
    ) -> Breakdown | None:
        graph = graph_of(info)
        return breakdown_of(graph, args.portfolio_named(graph, portfolio), year, by, measure)

    @strawberry.field(
        description="The nodes within `depth` edges of an entity (either direction) and the "
        "edges between them; null for an unknown id."
    )
    def neighborhood(
        self,
        info: Info,
        id: GlobalId,
        depth: Annotated[int, described(f"How many edges away (0 to {MAX_DEPTH}).")] = 1,
        relations: Annotated[
            list[Rel] | None,
            described(
                "Follow only these relations (default, or an empty list: every relation but "
                "SOURCE, which would link everything through its document)."
            ),
        ] = None,
    ) -> Subgraph | None:
        graph = graph_of(info)
        steps = args.checked_size("depth", depth, high=MAX_DEPTH)
        start = by_global_id(graph, id)
        if start is None:
            return None
        return Subgraph.of(graph, queries.neighborhood(graph, start.key, steps, relations))

    @strawberry.field(
        description="The shortest chain of edges linking two entities, in either direction; "
        "null if an id is unknown or nothing links them."
    )
    def path(
        self,
        info: Info,
        from_: Annotated[relay.GlobalID, strawberry.argument(name="from", description="Start.")],
        to: Annotated[relay.GlobalID, described("End.")],
    ) -> Subgraph | None:
        graph = graph_of(info)
        start, end = by_global_id(graph, from_), by_global_id(graph, to)
        if start is None or end is None:
            return None
        found = queries.shortest_path(graph, start.key, end.key)
        return None if found is None else Subgraph.of(graph, found)


def _checked(info: Info, portfolio: str, year: str) -> tuple[Graph, str, str]:
    """The graph, the portfolio of that name, and `year` checked against its years."""
    graph = graph_of(info)
    found = args.portfolio_named(graph, portfolio)
    return graph, found, args.checked_year(graph, found, year)


class BudgetSchema(strawberry.Schema):
    """The schema; every error it returns carries an `extensions.code`, an unexpected one
    is logged here in full and reaches the client masked (`schema.extensions`)."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        add_codes(errors)
        unexpected = [e for e in errors if code_of(e) == INTERNAL]
        super().process_errors(unexpected, execution_context)


schema = BudgetSchema(
    query=Query,
    types=[FiscalYear],
    extensions=EXTENSIONS,
    config=StrawberryConfig(scalar_map=SCALARS),
)

__all__ = ["schema"]
