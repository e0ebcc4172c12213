"""The house's rules on imports: data flows one way (loaders → graph → schema → server),
networkx stays in graph/, and the table parser is the loaders' own."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.documents import ROOT

LAYERS = ("loaders", "graph", "schema", "server")


def imports_of(path: Path, root: Path = ROOT) -> Iterator[tuple[int, str]]:
    """(line, module) for every import of a source file, relative ones made absolute."""
    package = path.relative_to(root).parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            yield node.lineno, module
            yield from ((node.lineno, f"{module}.{alias.name}") for alias in node.names)


def sources(layer: str, root: Path = ROOT) -> list[Path]:
    return sorted((root / layer).rglob("*.py"))


def broken(layer: str, forbidden: tuple[str, ...], root: Path = ROOT) -> list[str]:
    return [
        f"{path.relative_to(root)}:{line}: imports {module}"
        for path in sources(layer, root)
        for line, module in imports_of(path, root)
        if module.split(".")[0] in forbidden or module in forbidden
    ]


@pytest.mark.parametrize("layer", LAYERS)
def test_no_import_runs_back_up(layer: str) -> None:
    above = LAYERS[LAYERS.index(layer) + 1 :]
    assert broken(layer, above) == []


@pytest.mark.parametrize("layer", ["loaders", "schema", "server"])
def test_networkx_stays_in_graph(layer: str) -> None:
    assert broken(layer, ("networkx",)) == []


def test_the_table_parser_is_imported_only_by_the_loaders() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for layer in ("graph", "schema", "server", "bench", "tests")
        for path in sources(layer)
        for line, module in imports_of(path)
        if module.startswith("loaders.tables")
    ]
    assert found == []


def test_the_rule_sees_relative_imports(tmp_path: Path) -> None:
    planted = tmp_path / "graph" / "build" / "planted.py"
    planted.parent.mkdir(parents=True)
    planted.write_text("from ...schema import schema\nfrom .. import queries\n", encoding="utf-8")
    assert [m for _, m in imports_of(planted, tmp_path)] == [
        "schema",
        "schema.schema",
        "graph",
        "graph.queries",
    ]
    assert broken("graph", ("schema",), tmp_path) == [
        "graph/build/planted.py:1: imports schema",
        "graph/build/planted.py:1: imports schema.schema",
    ]
