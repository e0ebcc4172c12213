"""Every field of schema.graphql that has behaviour is selected by some query of a test or of
the README: the queries are read from the source (tests/*.py string literals, README's
```graphql blocks), parsed with graphql-core and walked with a TypeInfo, so a field nobody
queries shows up here by its `Type.field`.

A field counts for the type the query selects it on: `... on Node { id }` selects `Node.id`,
not `Element.id`, since which types answer depends on the data; every object type's own
field is selected on that type somewhere. `python -m tests.test_schema_coverage` lists the
fields left."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from graphql import (
    GraphQLError,
    GraphQLObjectType,
    GraphQLSchema,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    build_schema,
    parse,
    visit,
)
from graphql.language import FieldNode

ROOT = Path(__file__).resolve().parents[1]
OPERATION = re.compile(r"^\s*(?:\{|query\b|mutation\b|subscription\b|fragment\b)")
HOLE = "hole"
"""What an f-string's `{…}` is read as when it is no string constant of its module: an
argument's value inside quotes, or a field's name elsewhere (unknown to the schema)."""

NO_BEHAVIOUR = frozenset[str]()
"""Fields no query needs to select, each with why. None: every field of every object type,
an edge's `cursor` and a page's `pageInfo` included, has a behaviour a client relies on
(an id finds its node again, a cursor starts the next page), and a test asks for it."""


def constants(tree: ast.Module, known: dict[str, str]) -> dict[str, str]:
    """The strings the module names (`NAME = "..."` or an f-string of such names), at any
    scope, so a query that splices one reads whole."""
    found = dict(known)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            text = text_of(node.value, found)
            if text is not None:
                found[node.targets[0].id] = text
    return found


def text_of(node: ast.expr, known: dict[str, str]) -> str | None:
    """The string an expression writes: a literal, or an f-string with its holes filled."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = text_of(node.left, known), text_of(node.right, known)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Name):
        return known.get(node.id)
    if not isinstance(node, ast.JoinedStr):
        return None
    parts = []
    for part in node.values:
        if isinstance(part, ast.FormattedValue):
            name = part.value.id if isinstance(part.value, ast.Name) else ""
            parts.append(known.get(name, HOLE))
        else:
            parts.append(text_of(part, known) or "")
    return "".join(parts)


def python_queries(path: Path, known: dict[str, str]) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = constants(tree, known)
    inner = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr | ast.BinOp)
        for child in ast.walk(node)
        if child is not node
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.expr) and not isinstance(node, ast.Name) and id(node) not in inner:
            text = text_of(node, here)
            if text is not None and OPERATION.match(text):
                yield text


def readme_queries() -> Iterator[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    yield from re.findall(r"```graphql\n(.*?)```", text, re.DOTALL)


def queries() -> list[str]:
    known: dict[str, str] = {}
    for shared in ("contract", "samples", "documents"):
        known = constants(ast.parse((ROOT / "tests" / f"{shared}.py").read_text("utf-8")), known)
    found = list(readme_queries())
    for path in sorted((ROOT / "tests").glob("*.py")):
        found += python_queries(path, known)
    return found


class Selected(Visitor):
    def __init__(self, info: TypeInfo, into: set[str]) -> None:
        super().__init__()
        self.info, self.into = info, into

    def enter_field(self, node: FieldNode, *_: object) -> None:
        parent = self.info.get_parent_type()
        if parent is not None and self.info.get_field_def() is not None:
            self.into.add(f"{parent.name}.{node.name.value}")


def selected(schema: GraphQLSchema, texts: list[str]) -> set[str]:
    into: set[str] = set()
    for text in texts:
        try:
            document = parse(text)
        except GraphQLError:
            continue  # a literal that only looks like a query (an error case, a fragment of one)
        info = TypeInfo(schema)
        visit(document, TypeInfoVisitor(info, Selected(info, into)))
    return into


def declared(schema: GraphQLSchema) -> set[str]:
    return {
        f"{name}.{field}"
        for name, type_ in schema.type_map.items()
        if isinstance(type_, GraphQLObjectType) and not name.startswith("__")
        for field in type_.fields
    }


def unqueried() -> list[str]:
    schema = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))
    return sorted(declared(schema) - selected(schema, queries()) - NO_BEHAVIOUR)


def test_every_field_is_queried_by_a_test_or_the_readme() -> None:
    assert unqueried() == []


def test_a_field_counts_for_the_type_it_is_selected_on() -> None:
    schema = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))
    found = selected(schema, ['{ search(text: "x") { ... on Node { id } ... on Role { name } } }'])
    assert found == {"Query.search", "Node.id", "Role.name"}  # an interface's: no type's `id`
    assert "Role.id" not in found and "Node.id" not in declared(schema)


def test_queries_are_read_whole_from_f_strings_of_constants() -> None:
    tree = ast.parse('A = "name"\nB = f"{{ portfolios {{ {A} }} }}"\nC = B + ""\n')
    assert constants(tree, {})["C"] == "{ portfolios { name } }"


if __name__ == "__main__":
    print("\n".join(unqueried()))
