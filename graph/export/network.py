"""The graph as a network for Gephi, yEd or networkx: GraphML and node-link JSON.

Attributes are typed. Every amount is written twice: a number that viewers can
size and colour by (`expenditure_2007-2008`, a double) and its exact decimal
string beside it (`expenditure_2007-2008_exact`, `"110585.5"`); `expenditure` is
the node's own year's (a portfolio's latest). Amounts come from the graph's
aggregates, so totals are computed from the leaf figures. Provenance names the
document (`micc-2007-2008.txt`), never the path it was loaded from; the first
line is also flat (`document`, `line`). Edge ids are unique (`e0`, `e1`, ...) and
each edge says its `relation`.

In node-link JSON, lists and records stay JSON; GraphML has no such type, so
there they are JSON strings, and an attribute whose values mix types across
nodes (a program's number 2, an objective's `"2.1"`) is a string everywhere.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, TypeAlias

import networkx as nx

from graph import attributes
from graph.aggregates import amount
from graph.attributes import (
    EdgeData,
    Graph,
    edge_confidence,
    edge_exported,
    edge_provenance,
    every_edge,
    exported,
    has_figures,
    inputs,
    own_year,
    provenances,
    stated,
)
from graph.export.sources import document_names, document_of
from graph.facts import Stated
from graph.kinds import Kind, kind_of
from graph.queries import linked_for_year, portfolio_of, years
from loaders.records import Figure, Measure, Provenance

Json: TypeAlias = None | bool | int | float | str | list["Json"] | dict[str, "Json"]

AMOUNT_MEASURES = (
    Measure.EXPENDITURE,
    Measure.AMORTIZATION,
    Measure.INVESTMENT,
    Measure.CREDITS,
    Measure.PERMANENT_CREDITS,
    Measure.CREDITS_TO_VOTE,
    Measure.HEADCOUNT,
)
BUDGETED = (
    Kind.PORTFOLIO,
    Kind.ORGANIZATION,
    Kind.PROGRAM,
    Kind.ELEMENT,
    Kind.SUPERCATEGORY,
    Kind.INVESTMENT_CATEGORY,
)


def graphml(graph: Graph) -> bytes:
    plain = network(graph, nested=False)
    out = io.BytesIO()
    nx.write_graphml(plain, out, encoding="utf-8")
    return out.getvalue()


def node_link_json(graph: Graph) -> bytes:
    data = nx.node_link_data(network(graph, nested=True), edges="edges", key="id")
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def network(graph: Graph, nested: bool) -> nx.MultiDiGraph[str]:
    """A copy of `graph` with typed, path-free attributes (nested records as JSON text
    unless `nested`: GraphML's attributes then have one type each), each edge keyed by a
    unique id."""
    names = document_names(graph)
    documents: list[Json] = [names[attributes.path(graph, d)] for d in attributes.documents(graph)]
    nodes = {n: _all_shaped(node_values(graph, n, names), nested) for n in graph}
    edges = [
        (source, target, _all_shaped(edge_values(rel, data, names), nested))
        for source, target, rel, data in every_edge(graph)
    ]
    if not nested:
        _one_type_per_attribute(nodes.values())
        _one_type_per_attribute(values for *_, values in edges)
    plain: nx.MultiDiGraph[str] = nx.MultiDiGraph(documents=_shaped(documents, nested))
    for node, values in nodes.items():
        plain.add_node(node, **values)
    for index, (source, target, values) in enumerate(edges):
        plain.add_edge(source, target, key=f"e{index}", **values)
    return plain


def node_values(graph: Graph, node: str, names: dict[str, str]) -> dict[str, Json]:
    label = attributes.name(graph, node)
    values: dict[str, Json] = {"label": label, "name": label}
    values |= {k: jsonable(v, names) for k, v in exported(graph, node).items()}
    values |= _provenance(provenances(graph, node), names)
    if has_figures(graph, node):
        values["figures"] = figures(graph, node, names)
    if kind_of(node) in BUDGETED:
        values |= amounts(graph, node)
    return {k: v for k, v in values.items() if v is not None}


def edge_values(rel: str, data: EdgeData, names: dict[str, str]) -> dict[str, Json]:
    values = {"relation": jsonable(rel, names)}
    values |= {k: jsonable(v, names) for k, v in edge_exported(data).items()}
    if (found := edge_confidence(data)) is not None:
        values |= _both("confidence", found)
    if (where := edge_provenance(data)) is not None:
        values |= _provenance([where], names)
    return {k: v for k, v in values.items() if v is not None}


def _all_shaped(values: dict[str, Json], nested: bool) -> dict[str, Json]:
    return {k: _shaped(v, nested) for k, v in values.items()}


def amounts(graph: Graph, node: str) -> dict[str, Json]:
    """Each measure of each year the node has figures for, as a number and exact."""
    found: dict[str, Json] = {}
    own = _own_year(graph, node)
    for year in figure_years(graph, node):
        for measure in AMOUNT_MEASURES:
            computed = amount(graph, node, measure, year)
            if computed is not None:
                found |= _both(f"{measure.value}_{year}", computed.value)
                if year == own:
                    found |= _both(measure.value, computed.value)
    return found


def figure_years(graph: Graph, node: str) -> list[str]:
    """A portfolio's (or its organization's) years; a line's own and its figures' years
    (another year's only when no node of that year stands for it)."""
    if kind_of(node) in (Kind.PORTFOLIO, Kind.ORGANIZATION):
        return years(graph, portfolio_of(graph, node))
    found = {year for _, year in inputs(graph, node)} | {own_year(graph, node)}
    return sorted(y for y in found if linked_for_year(graph, node, y) == node)


def _own_year(graph: Graph, node: str) -> str | None:
    if kind_of(node) in (Kind.PORTFOLIO, Kind.ORGANIZATION):
        return max(years(graph, portfolio_of(graph, node)), default=None)
    return attributes.year(graph, node)


def figures(graph: Graph, node: str, names: dict[str, str]) -> list[Json]:
    """The figures the document states about a node: leaf inputs, then stated totals."""
    leaves = [_figure(f, names) | {"input": True} for f in inputs(graph, node).values()]
    return [*leaves, *(_stated(s, names) for s in stated(graph, node))]


def _stated(record: Stated, names: dict[str, str]) -> Json:
    extra: dict[str, Json] = {"input": False, "table": record.table.value}
    return _figure(record.figure, names) | extra | {"about": record.about.value}


def _figure(figure: Figure, names: dict[str, str]) -> dict[str, Json]:
    return {
        "measure": figure.measure.value,
        "year": figure.year,
        **_both("value", figure.value),
        "unit": figure.unit.value,
        "raw": figure.raw,
        "document": document_of(figure.provenance, names),
        "line": figure.provenance.line_start,
        "cell": figure.cell,
    }


def _both(name: str, value: Decimal) -> dict[str, Json]:
    """`{"x": 110585.5, "x_exact": "110585.5"}`: a number to plot, the exact amount beside."""
    return {name: float(value), f"{name}_exact": format(value, "f")}


def _provenance(records: list[Provenance], names: dict[str, str]) -> dict[str, Json]:
    if not records:
        return {}
    first = records[0]
    return {
        "document": document_of(first, names),
        "line": first.line_start,
        "provenance": [jsonable(p, names) for p in records],
    }


def jsonable(value: object, names: dict[str, str]) -> Json:
    """JSON data: a Decimal its exact string, an enum its value, a provenance with its
    document's name, records objects, sets sorted lists."""
    if isinstance(value, Enum):  # before str: the vocabulary's enums are str enums
        return str(value.value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Provenance):
        return _provenance_record(value, names)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name), names) for f in fields(value)}
    if isinstance(value, dict):
        return {_key(k, names): jsonable(v, names) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((jsonable(v, names) for v in value), key=json.dumps)
    if isinstance(value, list | tuple):
        return [jsonable(v, names) for v in value]
    return str(value)


def _provenance_record(record: Provenance, names: dict[str, str]) -> Json:
    return {
        "document": document_of(record, names),
        "line_start": record.line_start,
        "line_end": record.line_end,
        "text": record.text,
    }


def _key(key: object, names: dict[str, str]) -> str:
    """A dict key as a string: `(Measure.EXPENDITURE, "2007-2008")` → `expenditure/2007-2008`."""
    if isinstance(key, tuple):
        return "/".join(_key(part, names) for part in key)
    return str(jsonable(key, names))


def _shaped(value: Json, nested: bool) -> Json:
    """GraphML holds scalars only: lists and objects become JSON text there."""
    if nested or not isinstance(value, list | dict):
        return value
    return json.dumps(value, ensure_ascii=False)


def _one_type_per_attribute(items: Iterable[dict[str, Any]]) -> None:
    """Attributes whose values have several types across items become strings."""
    found = list(items)
    types: dict[str, set[type]] = {}
    for attrs in found:
        for name, value in attrs.items():
            types.setdefault(name, set()).add(type(value))
    mixed = {name for name, seen in types.items() if len(seen) > 1}
    for attrs in found:
        for name in mixed & attrs.keys():
            attrs[name] = str(attrs[name])
