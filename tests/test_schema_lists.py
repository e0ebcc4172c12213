"""The lists that grow with the documents: `first`, `offset` and a count beside each;
filters given as lists are sets; paths are relative to the data root."""

from __future__ import annotations

import os

import pytest

from graph.attributes import Graph
from graph.kinds import Kind
from graph.queries import nodes_of_kind
from schema.context import Context
from tests.contract import AUDIT, data_of, errors_of
from tests.documents import MICC, SYNTHETIC


@pytest.fixture(scope="module")
def two(two_portfolios_graph: Graph) -> Context:
    return Context(graph=two_portfolios_graph)


def test_the_contract_audit_is_the_whole_audit(api_context: Context) -> None:
    """The default page (100) holds every finding of data/: the contract's answer is whole."""
    data = data_of(api_context, "{ audit { status identity stated computed } auditCount }")
    assert len(data["audit"]) == data["auditCount"] > 50
    assert data_of(api_context, AUDIT)["audit"] == data["audit"]


FINDING = "{ identity measure years cell entity { id } statedAt { document lineStart } }"


@pytest.mark.parametrize(
    ("name", "arguments", "selection", "count"),
    [
        ("audit", "", FINDING, "auditCount"),
        ("search", 'text: "direction"', "{ id }", 'searchCount(text: "direction")'),
        (
            "orgUnits",
            'name: "Direction des ressources humaines"',
            "{ id }",
            'orgUnitsCount(name: "Direction des ressources humaines")',
        ),
        ("portfolios", "", "{ id }", "portfoliosCount"),
        ("documents", "", "{ id }", "documentsCount"),
    ],
)
def test_pages_with_offset_cover_the_count(
    two: Context, name: str, arguments: str, selection: str, count: str
) -> None:
    """Pages of a third of the list, then of 100 items: the same items, the count of them."""
    total = data_of(two, f"{{ n: {count} }}")["n"]
    assert total >= 2

    def paged(size: int) -> list[dict[str, object]]:
        given = f"{arguments}, " if arguments else ""
        query = f"query($at: Int!) {{ {name}({given}first: {size}, offset: $at) {selection} }}"
        found: list[dict[str, object]] = []
        for at in range(0, total + size, size):
            found += data_of(two, query, {"at": at})[name]
        return found

    small = paged(max(total // 3, 1))
    assert small == paged(100)
    assert len(small) == len({repr(item) for item in small}) == total


def test_audit_count_follows_the_filters(two: Context) -> None:
    data = data_of(
        two,
        """{ all: auditCount rounding: auditCount(status: [ROUNDING, ROUNDING])
        micc: auditCount(portfolio: "Immigration et Communautés culturelles") }""",
    )
    assert data["micc"] < data["all"]
    assert data["rounding"] == 1  # program 1's 5,1 % (5,155 % rounds to 5,2)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("{ audit(first: 101) { status } }", "`first` is 101: expected a number from 0 to 100"),
        ("{ portfolios(first: -1) { name } }", "`first` is -1: expected a number from 0 to 100"),
        ("{ documents(offset: -2) { name } }", "`offset` is -2: expected 0 or more"),
        ('{ search(text: "a", first: 0) { id } }', "`first` is 0: expected a number from 1 to 100"),
    ],
)
def test_pages_are_checked(api_context: Context, query: str, message: str) -> None:
    (error,) = errors_of(api_context, query)
    assert (error["message"], error["extensions"]["code"]) == (message, "BAD_USER_INPUT")


def test_kinds_are_a_set(api_context: Context, real_graph: Graph) -> None:
    programs = len(nodes_of_kind(real_graph, Kind.PROGRAM))
    data = data_of(
        api_context,
        """{ once: entities(kinds: [PROGRAM]) { totalCount }
        twice: entities(kinds: [PROGRAM, PROGRAM]) { totalCount }
        search: searchCount(text: "immigration", kinds: [PROGRAM, PROGRAM]) }""",
    )
    assert data["once"]["totalCount"] == data["twice"]["totalCount"] == programs
    assert (
        data["search"]
        == data_of(api_context, '{ searchCount(text: "immigration", kinds: [PROGRAM]) }')[
            "searchCount"
        ]
    )


PATHS = """{ documents { name path } programs(portfolio: "Immigration et Communautés culturelles",
  year: "2007-2008") { provenance { document path } } }"""


def test_paths_are_document_names_when_they_share_a_directory(api_context: Context) -> None:
    data = data_of(api_context, PATHS)
    assert data["documents"] == [{"name": MICC.name, "path": MICC.name}]
    provenance = data["programs"][0]["provenance"][0]
    assert provenance == {"document": MICC.name, "path": MICC.name}


def test_paths_are_relative_to_the_data_root(two: Context) -> None:
    """data/ and tests/corpus/: their common directory is the root; no server path shows."""
    root = os.path.commonpath([MICC.parent, SYNTHETIC.parent])
    documents = data_of(two, "{ documents { path } }")["documents"]
    assert sorted(d["path"] for d in documents) == sorted(
        os.path.relpath(p, root) for p in (MICC, SYNTHETIC)
    )
    assert not any(os.path.isabs(d["path"]) or str(root) in d["path"] for d in documents)
