"""The direct resolvers (`schema.direct.direct_resolvers`) answer exactly what
Strawberry's own resolvers answer, data and errors alike."""

from __future__ import annotations

import re
from typing import Any

import pytest
from graphql import GraphQLObjectType

from schema.context import Context
from schema.direct import global_id, info_method_caller, method_caller, plain_reader
from schema.schema import BudgetSchema, build_schema, schema
from tests.documents import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```graphql\n(.*?)```", README, re.DOTALL)
WIDE = """{ entities(first: 100) { edges { node { id name graphId __typename
    provenance { document path lineStart lineEnd text } } } } }"""
BAD = """{ portfolio(name: "Immigration et Communautés culturelles") {
    programs(year: "1990-1991") { name } } }"""


@pytest.fixture(scope="module")
def reference() -> BudgetSchema:
    return build_schema(direct=False)


def answer(chosen: BudgetSchema, context: Context, query: str) -> dict[str, Any]:
    result = chosen.execute_sync(query, context_value=context)
    errors = [(e.message, e.path) for e in result.errors or []]
    return {"data": result.data, "errors": errors}


def test_the_readme_has_queries_to_compare() -> None:
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("query", [*QUERIES, WIDE, BAD])
def test_direct_resolvers_answer_as_strawberry_does(
    reference: BudgetSchema, api_context: Context, query: str
) -> None:
    assert answer(schema, api_context, query) == answer(reference, api_context, query)


def test_an_error_inside_a_resolver_is_still_located(api_context: Context) -> None:
    found = answer(schema, api_context, BAD)
    assert found["errors"] and all(path for _, path in found["errors"])


def direct_fields(chosen: BudgetSchema) -> set[tuple[str, str]]:
    direct = {
        f"{maker.__qualname__}.<locals>.{inner}"
        for maker, inner in (
            (plain_reader, "read"),
            (method_caller, "call"),
            (info_method_caller, "call"),
            (global_id, "read"),
        )
    }
    return {
        (name, field)
        for name, named in chosen._schema.type_map.items()
        if isinstance(named, GraphQLObjectType)
        for field, definition in named.fields.items()
        if getattr(definition.resolve, "__qualname__", None) in direct
    }


def test_only_fields_without_arguments_are_resolved_directly(
    reference: BudgetSchema,
) -> None:
    found = direct_fields(schema)
    assert {("Program", "name"), ("Program", "provenance"), ("Provenance", "text")} <= found
    assert {("Program", "id"), ("OrgUnit", "id")} <= found
    assert ("Provenance", "path") in found  # it takes `info` and no argument
    assert ("Query", "programs") not in found  # it takes arguments
    assert not direct_fields(reference)
