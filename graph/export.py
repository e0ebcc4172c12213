"""Exporting the graph for other tools: node-link JSON, and GraphML (Gephi, yEd).

Attribute values become plain strings, numbers and booleans, which both formats
hold: a `Decimal` its exact string (`"110585.5"`, never a float), an enum its
value, a record (figure, provenance, stated value) or a collection a JSON
string. `None` is left out (GraphML has no null), and an attribute whose values
mix types across nodes (an element's number 2, an objective's `"2.1"`) is
written as strings everywhere, since a GraphML key has one type. Each node gets
a `label` (its name) for the viewers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeAlias

import networkx as nx

from graph.attributes import Graph
from loaders.errors import BudgetKgError

FORMATS = ("json", "graphml")

Plain: TypeAlias = str | int | float | bool
Json: TypeAlias = None | bool | int | float | str | list["Json"] | dict[str, "Json"]


class ExportFormatError(BudgetKgError, ValueError):
    """The export format asked for is not one this module writes."""


def export_graph(graph: Graph, fmt: str, out: Path) -> None:
    """Write `graph` to `out` as `json` (networkx node-link data) or `graphml`."""
    if fmt not in FORMATS:
        raise ExportFormatError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    plain = plain_graph(graph)
    if fmt == "json":
        data = nx.node_link_data(plain, edges="edges")
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        nx.write_graphml(plain, out)


def plain_graph(graph: Graph) -> Graph:
    """A copy of `graph` whose attributes are plain values (and without its caches)."""
    plain = Graph(documents=plain_value(graph.graph.get("documents", [])))
    for node, attrs in graph.nodes(data=True):
        plain.add_node(node, label=attrs.get("name", node), **plain_attrs(attrs))
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        plain.add_edge(source, target, key=plain_value(key), **plain_attrs(attrs))
    _one_type_per_attribute(attrs for _, attrs in plain.nodes(data=True))
    _one_type_per_attribute(attrs for *_, attrs in plain.edges(keys=True, data=True))
    return plain


def plain_attrs(attrs: dict[str, Any]) -> dict[str, Plain]:
    converted = {name: plain_value(value) for name, value in attrs.items() if value is not None}
    return {name: value for name, value in converted.items() if value is not None}


def plain_value(value: object) -> Plain | None:
    """A value GraphML and JSON hold: scalars as they are, the rest as strings."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    return json.dumps(jsonable(value), ensure_ascii=False)


def jsonable(value: object) -> Json:
    """Records and collections as JSON data: dataclasses become objects, sets sorted lists."""
    if value is None or isinstance(value, bool | int | float | str | Decimal | Enum):
        return plain_value(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {_key(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((jsonable(v) for v in value), key=lambda v: json.dumps(v))
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return str(value)


def _key(key: object) -> str:
    """A dict key as a string: `(Measure.EXPENDITURE, "2007-2008")` → `expenditure/2007-2008`."""
    if isinstance(key, tuple):
        return "/".join(_key(part) for part in key)
    return str(plain_value(key))


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
