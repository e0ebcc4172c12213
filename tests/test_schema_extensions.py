"""The schema's extensions: every query of the README's tour, of the contract and of
GraphiQL passes the default limits; unexpected errors are masked and logged in one line.
"""

from __future__ import annotations

import logging
from typing import Any, cast

import pytest
from graphql import get_introspection_query

from graph import queries
from graph.attributes import Graph
from schema.context import Context
from schema.errors import LOGGED_CHARACTERS
from schema.extensions import MASKED, Limits, MaskInternalErrors
from schema.schema import schema
from tests import contract
from tests.contract import data_of, errors_of
from tools.conformance.tour import BAD_ARGUMENT, readme_queries

CONTRACT = [
    contract.PROGRAMS,
    contract.PORTFOLIO_QUERY,
    contract.ORG_UNITS,
    contract.ORG_GROUPS,
    contract.PORTFOLIOS,
    contract.AUDIT,
    contract.SEARCH,
]
GRAPHIQL = get_introspection_query(
    descriptions=True,
    specified_by_url=True,
    directive_is_repeatable=True,
    schema_description=True,
    input_value_deprecation=True,
)
"""What GraphiQL asks when it opens (graphql-js `getIntrospectionQuery()`, every option)."""


def test_readme_has_queries_to_check() -> None:
    queries = readme_queries()
    assert len(queries) >= 12
    assert sum(v is not None for _, v in queries) == 2


@pytest.mark.parametrize(
    ("query", "variables"),
    readme_queries(),
    ids=[f"readme-{n}" for n, _ in enumerate(readme_queries(), 1)],
)
def test_limits_admit_every_readme_query(
    api_context: Context, query: str, variables: dict[str, Any] | None
) -> None:
    """Each runs; the README's example of a bad argument answers its own error."""
    result = schema.execute_sync(query, variable_values=variables, context_value=api_context)
    messages = [e.message for e in result.errors or []]
    if BAD_ARGUMENT in query:
        assert [m.split(" in ")[0] for m in messages] == [f'no figures for year "{BAD_ARGUMENT}"']
    else:
        assert messages == []


@pytest.mark.parametrize(
    "query", CONTRACT, ids=[f"contract-{n}" for n, _ in enumerate(CONTRACT, 1)]
)
def test_limits_admit_every_contract_query(api_context: Context, query: str) -> None:
    data_of(api_context, query)


def test_limits_admit_the_introspection_of_graphiql(api_context: Context) -> None:
    assert data_of(api_context, GRAPHIQL)["__schema"]["queryType"]["name"] == "Query"


def test_schema_has_its_extensions_and_none_hooks_every_field() -> None:
    extensions = [make() for make in schema.extensions]
    assert [type(e) for e in extensions] == [Limits, MaskInternalErrors]
    assert not any(e._implements_resolve() for e in extensions)


def test_internal_error_is_masked_and_logged_in_one_line(caplog: pytest.LogCaptureFixture) -> None:
    broken = Context(graph=cast(Graph, None))
    with caplog.at_level(logging.ERROR, logger="budget_kg.graphql"):
        (error,) = errors_of(broken, "{ portfolios { name } }")
    assert error["message"] == MASKED == "internal error (logged on the server)"
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert error["path"] == ["portfolios"]
    (record,) = caplog.records
    assert record.exc_info is None
    assert "\n" not in record.getMessage()
    assert record.getMessage().startswith("unexpected error in portfolios: AttributeError: ")
    assert "'NoneType' object has no attribute" in record.getMessage()


def test_a_long_internal_message_is_logged_bounded(
    api_context: Context, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("x" * 1_000_000)

    monkeypatch.setattr(queries, "portfolios", broken)
    with caplog.at_level(logging.ERROR, logger="budget_kg.graphql"):
        (error,) = errors_of(api_context, "{ portfolios { name } }")
    assert error["message"] == MASKED
    (record,) = caplog.records
    assert len(record.getMessage()) < LOGGED_CHARACTERS + 300
    assert "(1000000 characters)" in record.getMessage()


def test_errors_raised_on_purpose_keep_their_message(api_context: Context) -> None:
    query = '{ programs(portfolio: "Tourisme", year: "2007-2008") { name } }'
    (error,) = errors_of(api_context, query)
    assert error["message"].startswith('unknown portfolio "Tourisme"')
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
