"""The shape of an operation: depth, cost, aliases and directives, in one pass."""

from __future__ import annotations

import pytest
from graphql import OperationDefinitionNode, SelectionSetNode, parse

from schema.limits import MAX_PAGE
from schema.schema import schema
from schema.shape import Measure, Parent, Shape


def shape_of(query: str) -> Shape:
    document = parse(query)
    (operation,) = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return Measure(document, schema._schema, MAX_PAGE).operation(operation)


@pytest.mark.parametrize(
    ("query", "depth", "cost"),
    [
        ("{ __typename }", 1, 1),
        ('{ portfolio(name: "x") { name } }', 2, 3.5),  # 2 + 1.5 × 1
        ('{ portfolio(name: "x") { name years } }', 2, 5),  # 2 + 1.5 × 2
        ('{ portfolio(name: "x") { programs { number } } }', 3, 2 + 1.5 * 3.5),
        ("{ portfolios(first: 3) { name } }", 2, 2 + 1.5 * 3),
        ("{ portfolios { name } }", 2, 2 + 1.5 * 100),  # the default page
        ('{ search(text: "x") { name } }', 2, 2 + 1.5 * 20),  # its default page: 20
        ("{ entities { totalCount } }", 2, 2 + 1.5 * 100),  # a connection: the largest
        ("{ entities(last: 4) { totalCount } }", 2, 2 + 1.5 * 4),
        ('{ nodes(ids: ["a", "b"]) { id } }', 2, 2 + 1.5 * 2),
        ('{ portfolio(name: "x") { ... on Portfolio { name } } }', 2, 3.5),  # no level
        ("{ __schema { types { fields { type { ofType { name } } } } } }", 0, 0),
        ('{ __type(name: "Query") { name } }', 0, 0),
    ],
)
def test_depth_and_cost(query: str, depth: int, cost: float) -> None:
    found = shape_of(query)
    assert (found.depth, found.cost) == (depth, cost)


def test_aliases_count_but_not_typename() -> None:
    found = shape_of("{ a: portfolios { b: name t: __typename } c: __typename }")
    assert found.aliases == 2


def test_directives_count_everywhere() -> None:
    query = """query Q @skip(if: false) { portfolios @include(if: true) { ...F @skip(if: false)
      ... @include(if: true) { name } } } fragment F on Portfolio @include(if: true) { years }"""
    assert shape_of(query).directives == 5


def test_fragments_count_at_each_spread() -> None:
    once = shape_of('{ portfolio(name: "x") { ...F } } fragment F on Portfolio { name years }')
    twice = shape_of(
        '{ a: portfolio(name: "x") { ...F } b: portfolio(name: "y") { ...F } }'
        " fragment F on Portfolio { n: name years }"
    )
    assert (once.cost, twice.cost, twice.aliases) == (5, 10, 4)


def test_unknown_and_cyclic_fragments_weigh_nothing() -> None:
    """Validation reports them; measuring must not loop."""
    query = "{ portfolios { ...A ...Missing } } fragment A on Portfolio { ...B } fragment B on Portfolio { ...A name }"  # noqa: E501
    assert shape_of(query).depth == 2


def test_each_fragment_is_measured_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty fragments, each spreading the previous ten times, expand to 10¹⁹ fields;
    measuring them visits each selection set once."""
    fragments = ["fragment F1 on Portfolio { name }"] + [
        f"fragment F{n} on Portfolio {{ {' '.join([f'...F{n - 1}'] * 10)} }}" for n in range(2, 21)
    ]
    query = "{ portfolios(first: 1) { ...F20 } }\n" + "\n".join(fragments)
    visits: list[int] = []
    selections = Measure.selections

    def counting(self: Measure, selection_set: SelectionSetNode, parent: Parent) -> Shape:
        visits.append(1)
        return selections(self, selection_set, parent)

    monkeypatch.setattr(Measure, "selections", counting)
    found = shape_of(query)
    assert found.cost == 2 + 1.5 * 10**19
    assert len(visits) == 2 + 20  # the operation, `portfolios`, each fragment once
