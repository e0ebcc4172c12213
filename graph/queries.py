"""Reading the graph: lookups and relationship queries, as plain functions."""

from __future__ import annotations

import os.path
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph import attributes
from graph.attributes import (
    EdgeData,
    Graph,
    documents,
    edge,
    edge_year,
    editions,
    in_edges,
    method,
    name,
    number,
    out_edges,
    own_year,
    path,
    program_number,
)
from graph.index import index_of
from graph.kinds import Kind, Rel, kind_of
from graph.substrings import substrings_of
from loaders.text import name_key
from loaders.years import next_year

ORG_KINDS = (Kind.ORG_GROUP, Kind.ORG_UNIT)


def has_node(graph: Graph, node: str) -> bool:
    return node in graph


def portfolio_of(graph: Graph, node: str) -> str:
    """The portfolio a node belongs to (a portfolio belongs to itself)."""
    return attributes.portfolio(graph, node) or node


def portfolio_names(graph: Graph) -> list[str]:
    return [name(graph, p) for p in portfolios(graph)]


def nodes_of_kind(graph: Graph, kind: Kind) -> list[str]:
    return list(index_of(graph).by_kind.get(kind, ()))


def every_node(graph: Graph) -> tuple[str, ...]:
    """Every node, in id order."""
    return index_of(graph).ordered


def children(graph: Graph, node: str, rel: Rel) -> list[str]:
    """Targets of `node`'s `rel` edges, in id order."""
    return sorted(t for _, t, k in graph.out_edges(node, keys=True) if k == rel)


def parents(graph: Graph, node: str, rel: Rel) -> list[str]:
    """Sources of the `rel` edges that end at `node`, in id order."""
    return sorted(s for s, _, k in graph.in_edges(node, keys=True) if k == rel)


def shown_path(graph: Graph, source: str) -> str:
    """`source` relative to the data root, the deepest directory holding every loaded
    document: a document's name when they share one directory, never a server path."""
    cache = attributes.cache(graph)
    shown: dict[str, str] = cache.setdefault("shown_paths", {})
    if source not in shown:  # a wide answer shows the same few documents' paths again and again
        shown[source] = _shown_path(graph, cache, source)
    return shown[source]


def _shown_path(graph: Graph, cache: dict[Hashable, Any], source: str) -> str:
    if "document_root" not in cache:
        paths = [path(graph, d) for d in documents(graph)]
        folders = [os.path.dirname(os.path.abspath(p)) for p in paths]
        cache["document_root"] = os.path.commonpath(folders) if folders else ""
    root: str = cache["document_root"]
    return os.path.relpath(os.path.abspath(source), root) if root else os.path.basename(source)


def portfolios(graph: Graph) -> list[str]:
    return nodes_of_kind(graph, Kind.PORTFOLIO)


def find_by_name(graph: Graph, kind: Kind, name: str) -> list[str]:
    """Nodes of `kind` whose name matches `name` across case, accents and articles."""
    return list(index_of(graph).by_name.get((kind, name_key(name)), ()))


def years(graph: Graph, portfolio: str) -> list[str]:
    """Every fiscal year a portfolio's documents give figures for."""
    return sorted(attributes.years(graph, portfolio))


def latest_year(graph: Graph, portfolio: str) -> str:
    return years(graph, portfolio)[-1]


def year_before(graph: Graph, portfolio: str, year: str) -> str | None:
    """The latest year before `year` that the portfolio's documents give figures for."""
    earlier = [y for y in years(graph, portfolio) if y < year]
    return earlier[-1] if earlier else None


def document_years(graph: Graph, portfolio: str | None = None) -> list[str]:
    """The fiscal years a document is for (of `portfolio`, if given)."""
    chosen = [portfolio] if portfolio else portfolios(graph)
    return sorted({y for p in chosen for y in editions(graph, p)})


def edition(graph: Graph, portfolio: str, year: str) -> str | None:
    """Which document year speaks for `year`: its own, else the next year's comparison."""
    held = editions(graph, portfolio)
    if year in held:
        return year
    following = next_year(year) if year[:4].isdigit() else ""
    return following if following in held else None


def edition_members(graph: Graph, node: str, year: str) -> list[str]:
    """A portfolio's programs, or an organization's programs and elements, for `year`."""
    chosen = edition(graph, portfolio_of(graph, node), year)
    rel = Rel.HAS_PROGRAM if kind_of(node) is Kind.PORTFOLIO else Rel.ADMINISTERS
    found = [t for t, y in year_edges(graph, node, rel) if y == chosen]
    return sorted(_whole_programs(graph, found))


def year_edges(graph: Graph, node: str, rel: Rel) -> list[tuple[str, str | None]]:
    """The targets of `node`'s `rel` edges, each with the fiscal year the edge holds for."""
    return [(t, edge_year(d)) for t, d in out_edges(graph, node, rel)]


def _whole_programs(graph: Graph, members: list[str]) -> set[str]:
    """Elements that make up a whole program stand for it: the program states figures
    (its previous year's credits) that no element row does."""
    found = set(members)
    for element in [m for m in members if kind_of(m) is Kind.ELEMENT]:
        program = program_of(graph, element)
        if set(children(graph, program, Rel.HAS_ELEMENT)) <= found:
            found -= set(children(graph, program, Rel.HAS_ELEMENT))
            found.add(program)
    return found


def programs(graph: Graph, portfolio: str, year: str) -> list[str]:
    return by_number(graph, edition_members(graph, portfolio, year))


def by_number(graph: Graph, nodes: Iterable[str]) -> list[str]:
    """Programs, elements, objectives or modes in the order of their numbers (`2.10`
    after `2.9`)."""
    return sorted(nodes, key=lambda n: _number_key(number(graph, n)))


def numbered_children(graph: Graph, node: str, rel: Rel) -> list[str]:
    """Targets of `node`'s `rel` edges (elements, objectives, sub-items) by number."""
    return by_number(graph, children(graph, node, rel))


def _number_key(number: int | str) -> tuple[int, ...]:
    return (number,) if isinstance(number, int) else tuple(int(p) for p in number.split("."))


def categories(graph: Graph, portfolio: str, year: str, rel: Rel) -> list[str]:
    """Supercategories (or investment categories) that give figures for `year`."""
    chosen = edition(graph, portfolio, year)
    return [t for t, y in year_edges(graph, portfolio, rel) if y == chosen]


def linked_for_year(graph: Graph, node: str, year: str) -> str:
    """The same program or element in the document of `year`, if that year was loaded."""
    if attributes.year(graph, node) in (None, year) or kind_of(node) not in (
        Kind.PROGRAM,
        Kind.ELEMENT,
    ):
        return node
    # Walk the continued_by chain both ways (a filtered view's BFS costs O(graph) a call).
    for step in (children, parents):
        linked = step(graph, node, Rel.CONTINUED_BY)
        while linked:
            if own_year(graph, linked[0]) == year:
                return linked[0]
            linked = step(graph, linked[0], Rel.CONTINUED_BY)
    return node


def program_of(graph: Graph, element: str) -> str:
    return parents(graph, element, Rel.HAS_ELEMENT)[0]


def parent_unit(graph: Graph, node: str) -> str | None:
    """The unit or group a unit is part of: a stated relation first, else the layout."""
    edges = out_edges(graph, node, Rel.PART_OF)
    edges.sort(key=lambda pair: (method(pair[1]) != "stated", pair[0]))
    return edges[0][0] if edges else None


def units_of(graph: Graph, node: str) -> list[str]:
    """Units directly part of a group or unit."""
    return [n for n in parents(graph, node, Rel.PART_OF) if kind_of(n) is Kind.ORG_UNIT]


def served(graph: Graph, node: str) -> list[tuple[str, EdgeData]]:
    """What a group, unit or organization serves, with each edge's basis."""
    return out_edges(graph, node, Rel.SERVES)


def servers(graph: Graph, target: str, kinds: Sequence[Kind] = ORG_KINDS) -> list[str]:
    """Who serves a program (directly or through its elements) or an element."""
    targets = [target, *children(graph, target, Rel.HAS_ELEMENT)]
    found = {s for t in targets for s in parents(graph, t, Rel.SERVES) if kind_of(s) in kinds}
    return sorted(found, key=lambda n: (kind_of(n) != Kind.ORG_GROUP, name(graph, n)))


def served_by(graph: Graph, target: str) -> list[tuple[str, EdgeData]]:
    """Who serves an element or program directly, with each edge's basis."""
    return in_edges(graph, target, Rel.SERVES)


def administrators(graph: Graph, node: str) -> list[str]:
    """Organizations that administer a program (or one of its elements) or an element."""
    targets = [node, *children(graph, node, Rel.HAS_ELEMENT)]
    return sorted({s for t in targets for s in parents(graph, t, Rel.ADMINISTERS)})


def in_portfolio(graph: Graph, kind: Kind, portfolio: str, year: str | None = None) -> list[str]:
    """Nodes of `kind` a portfolio's documents hold (those of one document `year` if given)."""
    return list(index_of(graph).by_portfolio.get((kind, portfolio, year), ()))


def search(graph: Graph, text: str, kinds: Iterable[Kind] | None = None) -> list[str]:
    """Nodes whose name or text contains `text`, whatever the case, accents, ligatures,
    apostrophes and spacing; names first (`graph.substrings`: no pass over the nodes)."""
    return substrings_of(graph).search(text, kinds)


@dataclass(frozen=True, slots=True)
class Neighborhood:
    nodes: list[str]
    edges: list[tuple[str, str, Rel]]


def neighborhood(
    graph: Graph, node: str, depth: int, relations: Iterable[Rel] | None = None
) -> Neighborhood:
    """Nodes within `depth` edges of `node` (either direction) and the edges between them:
    a walk of what it reaches, nothing else."""
    allowed: set[Rel] = set(relations) if relations else {r for r in Rel if r is not Rel.SOURCE}
    reached = {node: 0}
    frontier = [node]
    for distance in range(1, depth + 1):
        frontier = [n for f in frontier for n in _linked(graph, f, allowed) if n not in reached]
        reached.update((n, distance) for n in frontier)
    members = sorted(reached, key=lambda n: (reached[n], n))
    edges = sorted(
        (s, t, Rel(str(k)))
        for s in members
        for t, keyed in graph.succ[s].items()
        if t in reached
        for k in keyed
        if k in allowed
    )
    return Neighborhood(members, edges)


def _linked(graph: Graph, node: str, allowed: set[Rel]) -> Iterable[str]:
    """The nodes one edge of an allowed relation away from `node`, in either direction."""
    for adjacency in (graph.succ[node], graph.pred[node]):
        for other, keyed in adjacency.items():
            if any(k in allowed for k in keyed):
                yield other


def shortest_path(graph: Graph, source: str, target: str) -> Neighborhood | None:
    """The shortest chain of typed edges linking two nodes (in any direction), or None:
    a breadth-first walk from `source` that stops once it reaches `target`."""
    if source not in graph or target not in graph:
        return None
    parents = _parents_until(graph, source, target)
    if target not in parents:
        return None
    path = [target]
    while (parent := parents[path[-1]]) is not None:
        path.append(parent)
    path.reverse()
    edges = [_edge_between(graph, a, b) for a, b in zip(path, path[1:], strict=False)]
    return Neighborhood(path, edges)


def _parents_until(graph: Graph, source: str, target: str) -> dict[str, str | None]:
    """Each node reached from `source` (through any relation but SOURCE), with the node
    it was reached from, level by level until `target` is among them."""
    allowed: set[Rel] = {r for r in Rel if r is not Rel.SOURCE}
    parents: dict[str, str | None] = {source: None}
    frontier = [source]
    while frontier and target not in parents:
        reached = []
        for node in frontier:
            for other in _linked(graph, node, allowed):
                if other not in parents:
                    parents[other] = node
                    reached.append(other)
        frontier = reached
    return parents


def _edge_between(graph: Graph, a: str, b: str) -> tuple[str, str, Rel]:
    if graph.has_edge(a, b):
        return a, b, Rel(next(k for k in graph[a][b] if k != Rel.SOURCE))
    return b, a, Rel(next(k for k in graph[b][a] if k != Rel.SOURCE))


def unserved_groups(graph: Graph) -> list[str]:
    """Groups that serve nothing, directly or through a unit: the inference found no basis."""
    found = []
    for group in nodes_of_kind(graph, Kind.ORG_GROUP):
        members = [group, *all_units(graph, group)]
        if not any(served(graph, m) for m in members):
            found.append(group)
    return found


def all_units(graph: Graph, node: str) -> list[str]:
    """The units part of a group or unit, directly or through other units, each once:
    a document may make two units part of each other (see `part_of_cycles`)."""
    found: dict[str, None] = {}
    waiting = units_of(graph, node)
    while waiting:
        unit = waiting.pop(0)
        if unit not in found and unit != node:
            found[unit] = None
            waiting += units_of(graph, unit)
    return list(found)


PartOf = tuple[str, str, EdgeData]
"""A part-of edge: the part, the whole, and the edge's data (its sentence, its lines)."""


def part_of_cycles(graph: Graph) -> list[list[PartOf]]:
    """Each chain of part-of edges that leads back to where it started (`A regroupe B`
    and `B regroupe A`), as its edges, from the part with the smallest id."""
    part_of: nx.DiGraph[str] = nx.DiGraph(
        (s, t) for s, t, k in graph.edges(keys=True) if str(k) == Rel.PART_OF
    )
    found = []
    for cycle in nx.simple_cycles(part_of):
        start = cycle.index(min(cycle))
        ordered = cycle[start:] + cycle[:start]
        pairs = zip(ordered, ordered[1:] + ordered[:1], strict=True)
        found.append([(s, t, edge(graph, s, t, Rel.PART_OF)) for s, t in pairs])
    return sorted(found, key=lambda c: [s for s, _, _ in c])


def group_of(graph: Graph, node: str) -> str | None:
    """The group a unit is in, up its chain of parents (a group is its own group)."""
    seen: set[str] = set()
    current: str | None = node
    while current is not None and current not in seen and kind_of(current) in ORG_KINDS:
        if kind_of(current) is Kind.ORG_GROUP:
            return current
        seen.add(current)
        current = parent_unit(graph, current)
    return None


def unserved_elements(graph: Graph, portfolio: str, year: str) -> list[str]:
    """The ministry's elements (not the bodies') of one document year that no group or unit
    serves, directly or through their program: nothing in the text grounds them."""
    found = []
    for element in in_portfolio(graph, Kind.ELEMENT, portfolio, year):
        if any(kind_of(s) is Kind.ORGANIZATION for s in parents(graph, element, Rel.ADMINISTERS)):
            continue
        targets = (element, program_of(graph, element))
        if not any(kind_of(s) in ORG_KINDS for t in targets for s in parents(graph, t, Rel.SERVES)):
            found.append(element)
    return sorted(found, key=lambda e: (program_number(graph, e), number(graph, e)))
