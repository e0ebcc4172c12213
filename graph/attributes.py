"""The graph's type and every attribute it holds: the one module that spells their keys.

`NodeAttributes`, `EdgeAttributes` and `GraphAttributes` declare each key and its type;
the functions below read and write them (graph first, then the node or the edge's
data), so mypy checks both the name and the type at every use. A new attribute is a
key in one of those classes, the keyword `add_node` or `add_edge` takes (`NodeExtras`,
`EdgeExtras`) when the builder sets it, and an accessor here.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict, Unpack

import networkx as nx

from graph.facts import Key, Passage, Stated, Uncomputed
from graph.kinds import Kind, Rel, ServesMethod
from loaders.records import Figure, GroupKind, Paragraph, Provenance

if TYPE_CHECKING:
    Graph: TypeAlias = nx.MultiDiGraph[str]
else:  # networkx's classes take no type parameters at run time
    Graph: TypeAlias = nx.MultiDiGraph
"""The one graph type: nodes keyed by id, typed edges keyed by relation."""

EdgeData: TypeAlias = dict[str, Any]
"""One edge's attributes: a handle to pass to the edge accessors below, never indexed."""


class NodeExtras(TypedDict, total=False):
    """What `add_node` sets besides kind, name and provenance, by the kinds that have it."""

    path: str  # document: as given to the loader (`shown_path` hides the server's folders)
    year: str  # document, program, element, category, group, unit, role: its fiscal year
    previous_year: str  # document: the year of its comparison columns
    portfolio_name: str  # document
    lines: int  # document: how many lines it has
    portfolio: str  # every node of a portfolio: the portfolio's id
    number: int | str  # program, element (int); objective, mode (`2.1`)
    program_number: int  # element
    names: tuple[str, ...]  # program: each way the document writes its name
    identity: str  # program, element: what stays the same across years
    definition: str  # program
    # program: its paragraphs of section 1; portfolio: each edition's (`add_highlights`)
    highlights: tuple[str, ...] | dict[str, tuple[Paragraph, ...]]
    body: bool  # organization: a body (not the ministry)
    group_kind: GroupKind  # group
    intro: tuple[str, ...]  # group
    unit_type: str  # unit: `Direction`, `Service`...
    mandate: tuple[str, ...]  # unit


class NodeAttributes(NodeExtras, total=False):
    """Every node attribute."""

    kind: Kind
    name: str
    provenance: list[Provenance]
    layout_group: str  # unit: the group whose heading it is under
    editions: dict[str, str]  # portfolio: document node by fiscal year
    years: set[str]  # portfolio: every year its documents give figures for
    inputs: dict[Key, Figure]  # leaf figures, one a (measure, year)
    edition_inputs: dict[str, dict[Key, Figure]]  # portfolio: each edition's own leaves
    stated: list[Stated]
    uncomputed: list[Uncomputed]
    passages: list[Passage]


class EdgeExtras(TypedDict, total=False):
    """What `add_edge` sets besides the relation."""

    year: str | None  # has_program, administers, has_*category: the year it holds for
    method: str | None  # serves (`ServesMethod`), part_of (`stated`, `layout`)
    evidence: str | None  # the sentence that grounds it
    verb: str  # a stated relation's verb
    provenance: Provenance  # where a stated or laid-out relation is read
    confidence: Decimal  # serves
    lines: tuple[int, ...]  # serves: the lines of its evidence


class EdgeAttributes(EdgeExtras, total=False):
    rel: Rel


class GraphAttributes(TypedDict, total=False):
    documents: list[str]  # document nodes, in build order
    cache: dict[Hashable, Any]  # memo of derived values (`memo`); a snapshot drops it
    built: bool  # set once the graph is complete (`graph.index.kept` keeps nothing before)
    # ...and the lookups `graph.index.kept` keeps, each under its module's own key.


# Writing: what graph/build calls.


def new_graph(documents: list[str]) -> Graph:
    return Graph(cache={}, documents=documents)


def add_document(graph: Graph, doc: str) -> None:
    graph.graph["documents"].append(doc)


def mark_built(graph: Graph) -> None:
    graph.graph["built"] = True


def add_node(graph: Graph, node: str, kind: Kind, name: str, **attrs: Unpack[NodeExtras]) -> None:
    """Add `node`, or enrich it with `attrs` when it is there already."""
    if node not in graph:
        graph.add_node(node, kind=kind, name=name, provenance=[], **attrs)
    else:
        graph.nodes[node].update(attrs)


def add_edge(graph: Graph, source: str, target: str, rel: Rel, **attrs: Unpack[EdgeExtras]) -> None:
    graph.add_edge(source, target, key=rel, rel=rel, **attrs)


def set_layout(graph: Graph, unit: str, group: str, mandate: tuple[str, ...]) -> None:
    graph.nodes[unit]["mandate"] = mandate
    graph.nodes[unit]["layout_group"] = group


def add_edition(graph: Graph, portfolio: str, year: str, previous: str, doc: str) -> None:
    attrs = graph.nodes[portfolio]
    attrs.setdefault("editions", {})[year] = doc
    attrs.setdefault("years", set()).update({year, previous})


def add_highlights(graph: Graph, portfolio: str, year: str, found: tuple[Paragraph, ...]) -> None:
    graph.nodes[portfolio].setdefault("highlights", {})[year] = found


def add_passages(graph: Graph, node: str, found: Iterable[Passage]) -> None:
    """Add passages a document states about a node (once each: a unit may be titled twice)."""
    held: list[Passage] = graph.nodes[node].setdefault("passages", [])
    held.extend(p for p in found if p not in held)


def add_stated(graph: Graph, node: str, found: Iterable[Stated]) -> None:
    graph.nodes[node].setdefault("stated", []).extend(found)


def add_uncomputed(graph: Graph, node: str, item: Uncomputed) -> None:
    graph.nodes[node].setdefault("uncomputed", []).append(item)


def copy_of(graph: Graph, nodes: Iterable[str], documents: list[str]) -> Graph:
    """The subgraph of `nodes`, each node's attributes copied (their values shared)."""
    copy = new_graph(documents)
    keep = list(nodes)
    copy.add_nodes_from((n, dict(graph.nodes[n])) for n in keep)
    for source, target, key, data in graph.subgraph(keep).edges(keys=True, data=True):
        copy.add_edge(source, target, key=key, **data)
    return copy


def set_edition_figures(
    graph: Graph, portfolio: str, editions: dict[str, str], held: dict[Key, Figure]
) -> None:
    graph.nodes[portfolio]["editions"] = editions
    graph.nodes[portfolio]["inputs"] = held


# Reading nodes.


def kind(graph: Graph, node: str) -> Kind:
    return Kind(graph.nodes[node]["kind"])


def name(graph: Graph, node: str) -> str:
    found: str = graph.nodes[node]["name"]
    return found


def provenances(graph: Graph, node: str) -> list[Provenance]:
    """Where the documents state the node (a list the builder extends)."""
    found: list[Provenance] = graph.nodes[node]["provenance"]
    return found


def year(graph: Graph, node: str) -> str | None:
    found: str | None = graph.nodes[node].get("year")
    return found


def own_year(graph: Graph, node: str) -> str:
    """The fiscal year of a node one document states (a program, a group, a document...)."""
    found: str = graph.nodes[node]["year"]
    return found


def previous_year(graph: Graph, doc: str) -> str:
    return str(graph.nodes[doc]["previous_year"])


def path(graph: Graph, doc: str) -> str:
    return str(graph.nodes[doc]["path"])


def portfolio_name(graph: Graph, doc: str) -> str:
    return str(graph.nodes[doc]["portfolio_name"])


def line_count(graph: Graph, doc: str) -> int:
    return int(graph.nodes[doc]["lines"])


def portfolio(graph: Graph, node: str) -> str | None:
    """The portfolio a node belongs to (None for portfolios, years and documents)."""
    found: str | None = graph.nodes[node].get("portfolio")
    return found


def number(graph: Graph, node: str) -> int | str:
    """A program's or element's number (an int), an objective's or mode's (`2.1`)."""
    found: int | str = graph.nodes[node]["number"]
    return found


def has_number(graph: Graph, node: str) -> bool:
    return "number" in graph.nodes[node]


def program_number(graph: Graph, element: str) -> int:
    return int(graph.nodes[element]["program_number"])


def names(graph: Graph, program: str) -> tuple[str, ...]:
    return tuple(graph.nodes[program]["names"])


def identity(graph: Graph, node: str) -> str:
    return str(graph.nodes[node]["identity"])


def definition(graph: Graph, program: str) -> str:
    return str(graph.nodes[program].get("definition", ""))


def program_highlights(graph: Graph, program: str) -> tuple[str, ...]:
    return tuple(graph.nodes[program]["highlights"])


def edition_highlights(graph: Graph, portfolio: str) -> dict[str, tuple[Paragraph, ...]]:
    """A portfolio's section 1 paragraphs, by edition."""
    found: dict[str, tuple[Paragraph, ...]] = graph.nodes[portfolio].get("highlights", {})
    return found


def is_body(graph: Graph, organization: str) -> bool:
    return bool(graph.nodes[organization]["body"])


def group_kind(graph: Graph, group: str) -> GroupKind:
    return GroupKind(graph.nodes[group]["group_kind"])


def intro(graph: Graph, group: str) -> tuple[str, ...]:
    return tuple(graph.nodes[group].get("intro", ()))


def unit_type(graph: Graph, unit: str) -> str:
    return str(graph.nodes[unit]["unit_type"])


def mandate(graph: Graph, unit: str) -> tuple[str, ...]:
    return tuple(graph.nodes[unit].get("mandate", ()))


def layout_group(graph: Graph, unit: str) -> str | None:
    found: str | None = graph.nodes[unit].get("layout_group")
    return found


def editions(graph: Graph, portfolio: str) -> dict[str, str]:
    """A portfolio's document nodes by fiscal year."""
    found: dict[str, str] = graph.nodes[portfolio].get("editions", {})
    return found


def years(graph: Graph, portfolio: str) -> set[str]:
    found: set[str] = graph.nodes[portfolio].get("years", set())
    return found


def inputs(graph: Graph, node: str) -> dict[Key, Figure]:
    """A node's leaf figures, one a (measure, year). Reading adds no empty dict to the
    node: a read must not change what an export of the served graph writes."""
    found: dict[Key, Figure] = graph.nodes[node].get("inputs", {})
    return found


def edition_inputs(graph: Graph, node: str) -> dict[str, dict[Key, Figure]]:
    """A portfolio's leaves by edition: each document's own, both of its years (`inputs`
    holds one figure a year, from that year's own document when it is loaded)."""
    found: dict[str, dict[Key, Figure]] = graph.nodes[node].get("edition_inputs", {})
    return found


def held_inputs(graph: Graph, node: str) -> dict[Key, Figure]:
    """The builder's: a node's leaf figures, to add to (made on first use)."""
    found: dict[Key, Figure] = graph.nodes[node].setdefault("inputs", {})
    return found


def held_edition_inputs(graph: Graph, node: str, edition: str) -> dict[Key, Figure]:
    """The builder's: one edition's own leaves of a portfolio, to add to."""
    held: dict[str, dict[Key, Figure]] = graph.nodes[node].setdefault("edition_inputs", {})
    return held.setdefault(edition, {})


def leaves(graph: Graph, node: str) -> list[Figure]:
    """Every leaf figure a node holds: its inputs, then other editions' own."""
    found = list(inputs(graph, node).values())
    held = set(found)
    for figures in edition_inputs(graph, node).values():
        found += [f for f in figures.values() if f not in held]
        held |= set(figures.values())
    return found


def stated(graph: Graph, node: str) -> list[Stated]:
    """The figures the documents state about a node (reading adds no empty list)."""
    found: list[Stated] = graph.nodes[node].get("stated", [])
    return found


def uncomputed(graph: Graph, node: str) -> list[Uncomputed]:
    """A node's not-computable percentages (reading adds no empty list to the node)."""
    found: list[Uncomputed] = graph.nodes[node].get("uncomputed", [])
    return found


def passages(graph: Graph, node: str) -> tuple[Passage, ...]:
    """The prose about a node besides its name: definitions, highlights, mandates..."""
    return tuple(graph.nodes[node].get("passages", ()))


def has_figures(graph: Graph, node: str) -> bool:
    """Whether a node holds inputs or stated figures (asking adds no empty ones)."""
    attrs = graph.nodes[node]
    return bool(attrs.get("inputs") or attrs.get("stated"))


_REWRITTEN = {"inputs", "stated", "provenance", "path", "name"}


def exported(graph: Graph, node: str) -> dict[str, Any]:
    """Every attribute of a node but those an export writes its own way: `inputs` and
    `stated` (its figures), `provenance` and `path` (document names, never server
    paths), `name` (its label)."""
    return {k: v for k, v in graph.nodes[node].items() if k not in _REWRITTEN}


# Reading edges: `out_edges` and friends give each edge's data for the accessors below.


def out_edges(graph: Graph, node: str, rel: Rel) -> list[tuple[str, EdgeData]]:
    """The targets of `node`'s `rel` edges, each with the edge's data."""
    return [(t, d) for _, t, k, d in graph.out_edges(node, keys=True, data=True) if k == rel]


def in_edges(graph: Graph, node: str, rel: Rel) -> list[tuple[str, EdgeData]]:
    """The sources of the `rel` edges that end at `node`, each with the edge's data."""
    return [(s, d) for s, _, k, d in graph.in_edges(node, keys=True, data=True) if k == rel]


def edge(graph: Graph, source: str, target: str, rel: Rel) -> EdgeData:
    """The data of an edge the graph holds."""
    found: EdgeData = graph.edges[source, target, rel]
    return found


def every_node_data(graph: Graph) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every node with all its attributes, in the graph's order: for what must carry all
    of them whatever they are (a snapshot's round trip), never to read one."""
    return iter(graph.nodes(data=True))


def every_edge(graph: Graph) -> Iterator[tuple[str, str, str, EdgeData]]:
    """Every edge: source, target, relation and data, in the graph's order."""
    return iter(graph.edges(keys=True, data=True))


def edge_year(data: EdgeData) -> str | None:
    found: str | None = data.get("year")
    return found


def method(data: EdgeData) -> str | None:
    found: str | None = data.get("method")
    return found


def serves_method(data: EdgeData) -> ServesMethod:
    """How a serves edge was found."""
    return ServesMethod(data["method"])


def evidence(data: EdgeData) -> str | None:
    found = data.get("evidence")
    return None if found is None else str(found)


def confidence(data: EdgeData) -> Decimal:
    return Decimal(data["confidence"])


def edge_confidence(data: EdgeData) -> Decimal | None:
    """A serves edge's confidence (None on other edges)."""
    found: Decimal | None = data.get("confidence")
    return found


def edge_lines(data: EdgeData) -> tuple[int, ...]:
    """The lines the evidence was read from, when the edge records them."""
    return tuple(int(line) for line in data.get("lines", ()))


def verb(data: EdgeData) -> str | None:
    """A stated relation's verb (`regroupe`, `comporte`...)."""
    found: str | None = data.get("verb")
    return found


def edge_provenance(data: EdgeData) -> Provenance | None:
    found: Provenance | None = data.get("provenance")
    return found


def edge_exported(data: EdgeData) -> dict[str, Any]:
    """Every attribute of an edge but its relation (the edge's key) and its provenance
    (an export writes document names, never server paths)."""
    return {k: v for k, v in data.items() if k not in ("rel", "provenance")}


# The graph's own attributes.


def documents(graph: Graph) -> list[str]:
    found: list[str] = graph.graph.get("documents", [])
    return found


def cache(graph: Graph) -> dict[Hashable, Any]:
    found: dict[Hashable, Any] = graph.graph.setdefault("cache", {})
    return found


def clear_cache(graph: Graph) -> None:
    graph.graph["cache"] = {}


def is_built(graph: Graph) -> bool:
    return bool(graph.graph.get("built"))


def has_lookup(graph: Graph, key: str) -> bool:
    """Whether the graph keeps a lookup under `key` (`graph.index.kept`)."""
    return key in graph.graph


def lookup(graph: Graph, key: str) -> Any:
    return graph.graph[key]


def keep_lookup(graph: Graph, key: str, value: object) -> None:
    graph.graph[key] = value
