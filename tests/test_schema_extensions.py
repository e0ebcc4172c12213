"""Limits on a query's shape, checked before it runs, and unexpected errors masked.

Every query of the README's tour and of the contract passes the limits; a query over
one is refused with `BAD_USER_INPUT` and a message that says how to fix it.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, cast

import pytest
from graphql import get_introspection_query
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)

from graph.attributes import Graph
from schema.context import Context
from schema.errors import (
    BAD_REQUEST,
    BAD_USER_INPUT,
    INTERNAL,
    PARSE_FAILED,
    VALIDATION_FAILED,
)
from schema.extensions import ALIASES, DEPTH, MASKED, MAX_ALIASES, MAX_DEPTH, MAX_TOKENS, TOKENS
from schema.schema import schema
from tests import contract
from tests.contract import NESTED, PORTFOLIO, data_of, errors_of
from tests.documents import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_queries() -> list[tuple[str, dict[str, Any] | None]]:
    """Each query of the README, with the variables the README gives it."""
    blocks = re.findall(r"```graphql\n(.*?)```\n(?:with `(\{.*?\})`)?", README, re.S)
    found = [(q, json.loads(v) if v else None) for q, v in blocks]
    commands = re.findall(r"budget-kg query '([{q].*?)' \\\n\s*--variables '(.*?)'", README, re.S)
    return found + [(q, json.loads(v)) for q, v in commands]


CONTRACT = [
    contract.PROGRAMS,
    contract.PORTFOLIO_QUERY,
    contract.ORG_UNITS,
    contract.ORG_GROUPS,
    contract.PORTFOLIOS,
    contract.AUDIT,
    contract.SEARCH,
]


def nested_programs(depth: int) -> str:
    """`{ programs { elements { program { … number } } } }`, `depth` levels of selections."""
    fields = [f'programs(portfolio: "{PORTFOLIO}", year: "2007-2008")']
    fields += (["elements", "program"] * depth)[: depth - 1]
    return "{ " + " { ".join(fields) + " { number" + " }" * (depth + 1)


def limit_error(query: str, context: Context) -> dict[str, Any]:
    (error,) = errors_of(context, query)
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    return error


def test_readme_states_the_limits_and_the_codes() -> None:
    text = " ".join(README.split())
    assert f"at most {MAX_DEPTH} levels of nested selections" in text
    assert f"{MAX_TOKENS} tokens and {MAX_ALIASES} aliases" in text
    for code in (BAD_USER_INPUT, PARSE_FAILED, VALIDATION_FAILED, BAD_REQUEST, INTERNAL, MASKED):
        assert f"`{code}`" in text


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
    if "1999-2000" in query:
        assert [m.split(" in ")[0] for m in messages] == ['no figures for year "1999-2000"']
    else:
        assert messages == []


@pytest.mark.parametrize(
    "query", CONTRACT, ids=[f"contract-{n}" for n, _ in enumerate(CONTRACT, 1)]
)
def test_limits_admit_every_contract_query(api_context: Context, query: str) -> None:
    data_of(api_context, query)


def test_limits_admit_the_introspection_of_graphiql(api_context: Context) -> None:
    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )
    assert data_of(api_context, query)["__schema"]["queryType"]["name"] == "Query"


def test_depth_limit_admits_its_maximum(api_context: Context) -> None:
    data = data_of(api_context, nested_programs(MAX_DEPTH))
    assert data["programs"][0]["elements"][0]["program"]["elements"]


def test_depth_limit_refuses_one_level_more(api_context: Context) -> None:
    error = limit_error(nested_programs(MAX_DEPTH + 1), api_context)
    assert error["message"] == DEPTH
    assert "levels deep" in error["message"]


def test_depth_limit_refuses_the_nested_query_once(api_context: Context) -> None:
    error = limit_error(NESTED, api_context)
    assert error["message"] == DEPTH
    assert len(error["locations"]) == 1


def padded(tokens: int) -> str:
    """A query of `tokens` tokens: a search for a long list of kinds."""
    kinds = " ".join(["ELEMENT"] * (tokens - 15))
    return f'{{ search(text: "francisation", kinds: [{kinds}]) {{ __typename }} }}'


def test_token_limit(api_context: Context) -> None:
    assert data_of(api_context, padded(MAX_TOKENS)) == {"search": [{"__typename": "Element"}]}
    error = limit_error(padded(MAX_TOKENS + 1), api_context)
    assert error["message"] == TOKENS
    assert f"more than {MAX_TOKENS} tokens" in error["message"]


def test_alias_limit(api_context: Context) -> None:
    def aliased(count: int) -> str:
        return "{ " + " ".join(f"a{i}: portfolios {{ name }}" for i in range(count)) + " }"

    assert len(data_of(api_context, aliased(MAX_ALIASES))) == MAX_ALIASES
    error = limit_error(aliased(MAX_ALIASES + 1), api_context)
    assert error["message"] == ALIASES
    assert f"more than {MAX_ALIASES} aliases" in error["message"]


def test_schema_has_the_limits_and_no_extension_hooks_every_field() -> None:
    extensions = [make() for make in schema.extensions]
    kinds = (QueryDepthLimiter, MaxTokensLimiter, MaxAliasesLimiter, MaskErrors)
    assert [k for k in kinds if any(isinstance(e, k) for e in extensions)] == list(kinds)
    assert not any(e._implements_resolve() for e in extensions)


def test_internal_error_is_masked_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    broken = Context(graph=cast(Graph, None))
    with caplog.at_level(logging.ERROR, logger="strawberry.execution"):
        (error,) = errors_of(broken, "{ portfolios { name } }")
    assert error["message"] == MASKED == "internal error (logged on the server)"
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert error["path"] == ["portfolios"]
    (record,) = caplog.records
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], AttributeError)
    assert "'NoneType' object has no attribute" in caplog.text


def test_errors_raised_on_purpose_keep_their_message(api_context: Context) -> None:
    query = '{ programs(portfolio: "Tourisme", year: "2007-2008") { name } }'
    (error,) = errors_of(api_context, query)
    assert error["message"].startswith('unknown portfolio "Tourisme"')
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
