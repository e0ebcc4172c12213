"""The root `Query` and the `Schema`."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Annotated

import strawberry
from graphql import GraphQLError
from strawberry import relay
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graph import queries
from graph import search as graph_search
from graph.attributes import Graph
from schema import arguments as args
from schema.breakdown import MEASURE, Breakdown, breakdown_of
from schema.context import Info, graph_of
from schema.direct import direct_resolvers
from schema.enums import Dimension, Kind, Measure, Rel
from schema.errors import INTERNAL, add_codes, code_of, log_line
from schema.execution import BudgetedExecution
from schema.extensions import EXTENSIONS
from schema.listing import After, First, OrderBy, Page, PageSize, Where, page_mapped, top
from schema.lists import Lists
from schema.neighborhood import Subgraph
from schema.nodes import Entity, LazyEntities, by_global_id, typed
from schema.organization import OrgGroup
from schema.pagination import Connection
from schema.portfolio import FiscalYear, Portfolio
from schema.portfolio_lists import element_list, group_list, program_list
from schema.program import Element, Program
from schema.scalars import SCALARS
from schema.search import RANKING, SearchHit, checked_query

MAX_DEPTH = 3
LOG = logging.getLogger("budget_kg.graphql")


def described(text: str) -> object:
    return strawberry.argument(description=text)


PortfolioName = Annotated[str, described("A portfolio's name; case, accents and articles aside.")]
OptionalPortfolio = Annotated[str | None, described("Only this portfolio (a name).")]
Year = Annotated[str, described("A fiscal year, e.g. `2007-2008`.")]
GlobalId = Annotated[
    strawberry.ID, described("A global id, as an entity's `id` gives it (null if it names none).")
]
Kinds = Annotated[list[Kind] | None, described("Only entities of these kinds.")]


@strawberry.type(description="Questions about the budget knowledge graph.")
class Query(Lists):
    @strawberry.field(description="The entity with this global id, or null if there is none.")
    def node(self, info: Info, id: GlobalId) -> relay.Node | None:
        return by_global_id(graph_of(info), id)

    @strawberry.field(description="The entities with these global ids (null where none).")
    def nodes(
        self, info: Info, ids: Annotated[list[strawberry.ID], described("Global ids.")]
    ) -> list[relay.Node | None]:
        args.checked_size("ids", len(ids))
        return [by_global_id(graph_of(info), i) for i in ids]

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

    @relay.connection(Connection[Entity], description="Every entity (of some kinds), by id.")
    def entities(self, info: Info, kinds: Kinds = None) -> Sequence[Entity]:
        graph = graph_of(info)
        if not kinds or set(kinds) == set(Kind):
            return LazyEntities(graph, queries.every_node(graph))
        wanted = dict.fromkeys(kinds)  # a set: a kind given twice counts once
        nodes = sorted(n for k in wanted for n in queries.nodes_of_kind(graph, k))
        return LazyEntities(graph, nodes)

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
        from_: Annotated[strawberry.ID, strawberry.argument(name="from", description="Start.")],
        to: Annotated[strawberry.ID, described("End.")],
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
    is logged here in one bounded line and reaches the client masked (`schema.extensions`)."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        add_codes(errors)
        for error in errors:
            if code_of(error) == INTERNAL:
                LOG.error(log_line(error))


def build_schema(direct: bool = True) -> BudgetSchema:
    """The schema; `direct=False` keeps Strawberry's own resolver on every field (the
    reference the direct resolvers are tested against)."""
    built = BudgetSchema(
        query=Query,
        types=[FiscalYear],
        extensions=EXTENSIONS,
        execution_context_class=BudgetedExecution,
        config=StrawberryConfig(scalar_map=SCALARS),
    )
    if direct and not built.exception_handlers:  # a direct resolver runs no handler
        direct_resolvers(built._schema)
    return built


schema = build_schema()

__all__ = ["schema"]
