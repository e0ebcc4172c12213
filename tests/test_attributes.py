"""graph/attributes.py owns every node, edge and graph attribute: no other module of
graph/, schema/, server/, tests/, bench/ or tools/ reads or writes one by its key."""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest

from graph.attributes import EdgeAttributes, Graph, GraphAttributes, NodeAttributes

ROOT = Path(__file__).resolve().parents[1]
OWNER = ROOT / "graph" / "attributes.py"
SCANNED = ("graph", "schema", "server", "tests", "bench", "tools")
KEYS = frozenset(
    key
    for declared in (NodeAttributes, EdgeAttributes, GraphAttributes)
    for key in declared.__required_keys__ | declared.__optional_keys__
)

# A raw attribute dict, wherever it is taken from: a node's (`graph.nodes[n]`, `.nodes(data=…)`,
# `.nodes.data()`; a class's own `self.nodes` list is not one), an edge's (`graph.edges[s, t, k]`,
# `get_edge_data`, an edge iteration with `data=`), the graph's own (`graph.graph[…]`), or a
# graph made without `new_graph`. A list's `.nodes[0]` or `.nodes[:2]` (a path's) is no node.
RAW = re.compile(
    r"(?<!\bself)\.nodes\s*(?:\[(?!-?\d|:)|[(.])"
    r"|\.edges\s*\[[^\]\n]*,"
    r"|\b(?:nodes|edges|out_edges|in_edges)\([^)]*\bdata\s*="
    r"|\bget_edge_data\("
    r"|\.graph\s*\[|\.graph\.(?:get|setdefault|update|pop)\("
    r"|\bGraph\("
)
# An attribute's key read or written by its string: only in modules that use the graph
# (HTTP scopes and JSON payloads elsewhere use some of the same words). Tests are left to
# `RAW`: the GraphQL answers and exports they read use the same words as the graph.
KEYED = re.compile(
    r"""\[\s*["'](?P<a>\w+)["']\s*\]|\.(?:get|setdefault|pop)\(\s*["'](?P<b>\w+)["']"""
)
USES_GRAPH = re.compile(r"^\s*(?:from graph[\s.]|import graph\b)", re.MULTILINE)
READ_BACK = "# an export read back, not the graph"
"""Ends a test line that reads a networkx graph parsed from an exported file."""
JSON_KEY = "# a JSON key, not an attribute"
"""Ends a line that reads a JSON object's key spelled like an attribute's."""


def offences(path: Path, text: str, keyed: bool) -> list[str]:
    """`file:line: what` for each raw attribute access in `text` (and, if `keyed`, each
    attribute key spelled as a string in a module that uses the graph)."""
    lines = text.split("\n")
    found = [(m.start(), m.group(0)) for m in RAW.finditer(text)]
    if keyed and USES_GRAPH.search(text):
        found += [
            (m.start(), m.group(0))
            for m in KEYED.finditer(text)
            if (m.group("a") or m.group("b")) in KEYS
        ]
    where = [(text.count("\n", 0, at) + 1, what) for at, what in found]
    return [
        f"{path}:{line}: {what.strip()}"
        for line, what in sorted(where)
        if not lines[line - 1].rstrip().endswith((READ_BACK, JSON_KEY))
    ]


def scanned_files() -> list[Path]:
    own = Path(__file__).resolve()
    found = [p for folder in SCANNED for p in sorted((ROOT / folder).rglob("*.py"))]
    ours = [p for p in found if not any(part.startswith(".") for part in p.relative_to(ROOT).parts)]
    return [p for p in ours if p.resolve() not in (OWNER, own)]  # not a tool's .venv


def test_no_module_but_attributes_spells_an_attribute() -> None:
    found = [
        offence
        for path in scanned_files()
        for offence in offences(
            path.relative_to(ROOT), path.read_text(encoding="utf-8"), "tests" not in path.parts
        )
    ]
    assert found == [], "read and write them through graph/attributes.py:\n" + "\n".join(found)


def holds(value: object, declared: Any) -> bool:
    """Whether `value` is of the `declared` type, as far as its outer type tells."""
    if get_origin(declared) in (Union, types.UnionType):
        return any(holds(value, option) for option in get_args(declared))
    if declared is None or declared is type(None):
        return value is None
    return declared is Any or isinstance(value, get_origin(declared) or declared)


def unlike(attributes: dict[str, Any], declared: dict[str, Any]) -> list[str]:
    return [k for k, v in attributes.items() if k not in declared or not holds(v, declared[k])]


def test_the_built_graph_holds_only_declared_attributes(two_portfolios_graph: Graph) -> None:
    """What the builder stores is what the TypedDicts declare, key and type: the accessors'
    types are the declared ones."""
    graph = two_portfolios_graph
    nodes, edges = get_type_hints(NodeAttributes), get_type_hints(EdgeAttributes)
    assert [(n, unlike(d, nodes)) for n, d in graph.nodes(data=True) if unlike(d, nodes)] == []
    every_edge = graph.edges(keys=True, data=True)
    assert [(s, t, k) for s, t, k, d in every_edge if unlike(d, edges)] == []
    assert set(GraphAttributes.__optional_keys__) <= set(graph.graph)


def test_a_declared_type_is_checked() -> None:
    assert unlike({"name": "Immigration", "number": 2}, get_type_hints(NodeAttributes)) == []
    assert unlike({"name": 1, "colour": "red"}, get_type_hints(NodeAttributes)) == [
        "name",
        "colour",
    ]


def test_the_keys_come_from_the_declared_attributes() -> None:
    assert {"name", "provenance", "portfolio", "editions"} <= KEYS  # nodes
    assert {"method", "evidence", "confidence", "lines"} <= KEYS  # edges
    assert {"documents", "cache"} <= KEYS  # the graph's own


@pytest.mark.parametrize(
    "line",
    [
        'name = graph.nodes[node]["name"]',
        "for node, data in graph.nodes(data=True):",
        'kinds = graph.nodes(data="kind")',
        "edges = graph.out_edges(node, keys=True,\n    data=True)",
        "data = self.graph.edges[unit, target, Rel.SERVES]",
        "data = graph.get_edge_data(a, b, Rel.PART_OF)",
        'cache = loaded.graph.graph.setdefault("cache", {})',
        "copy = Graph(documents=[])",
        'said = data.get("evidence")',
        "found = attrs['confidence']",
    ],
)
def test_a_planted_access_is_caught(tmp_path: Path, line: str) -> None:
    planted = tmp_path / "planted.py"
    text = f"from graph.attributes import Graph\n\n\ndef f(graph: Graph) -> None:\n    {line}\n"
    planted.write_text(text, encoding="utf-8")
    found = offences(planted, planted.read_text(encoding="utf-8"), keyed=True)
    assert found and all(offence.startswith(f"{planted}:5: ") for offence in found)


@pytest.mark.parametrize(
    "text",
    [
        'import json\nmethod = scope["method"]\nname = payload.get("name")\n',
        "from graph import attributes\nfirst = path.nodes[0]\nlast = path.nodes[-1:]\n",
        "from graph.attributes import Graph\nparts = self.nodes[at]\n",
        "from graph.attributes import Graph\nsource = part.edges[0].source\n",
        f"from graph import attributes\nback.nodes[node]  {READ_BACK}\n",
        f'from graph import attributes\nfound = header.get("documents", ())  {JSON_KEY}\n',
    ],
)
def test_what_is_no_attribute_access_is_left_alone(text: str) -> None:
    assert offences(Path("module.py"), text, keyed=True) == []
