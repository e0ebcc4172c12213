"""The GraphQL contract of issue 4, written exactly as the issue writes it, and helpers
to run queries through `schema.execute_sync`."""

from __future__ import annotations

from typing import Any

import pytest

from bench.http_bench import TOUR
from schema.context import Context
from schema.execution import BudgetedExecution
from schema.schema import schema
from tests import seed

PORTFOLIO = "Immigration et Communautés culturelles"

PROGRAMS = TOUR  # the programs query of the contract is the tour query the bench measures

PORTFOLIO_QUERY = """{ portfolio(name: "Immigration et Communautés culturelles") {
    name years
    budget(year: "2007-2008") { expenditure credits }
    change(from: "2006-2007", to: "2007-2008") { amount percent }
    breakdown(year: "2007-2008", by: SUPERCATEGORY) { total rows { label amount share } }
} }"""

ORG_UNITS = """{ orgUnits(name: "Direction des ressources financières") {
    name parent { name }
    serves { target { __typename ... on Element { number name } ... on Program { number name } }
             basis { method evidence lines confidence } }
    provenance { document lineStart text }
} }"""

ORG_GROUPS = """{ orgGroups(portfolio: "Immigration et Communautés culturelles") {
    name kind
    units { name }
    serves { target { __typename ... on Element { number name program { number } } ... on Program { number name } }
             basis { method confidence } }
} }"""  # noqa: E501

PORTFOLIOS = "{ portfolios { name years } }"
AUDIT = "{ audit { status identity stated computed } }"
SEARCH = '{ search(text: "francisation") { __typename ... on Node { id } } }'

NESTED = (
    "{ entities(first: 100) { edges { node { ... on BudgetLine { portfolio { "
    "orgUnits(first: 100) { edges { node { serves { target { ... on Element { "
    "portfolio { name } } } } } } } } } } } } }"
)
"""Not the contract: a query that ran 145 s and answered 218 MB before the depth limit."""


def data_of(
    context: Context, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The data of a query that must succeed."""
    result = schema.execute_sync(query, variable_values=variables, context_value=context)
    assert result.errors is None, [e.formatted for e in result.errors]
    assert result.data is not None
    return result.data


def errors_of(
    context: Context, query: str, variables: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The formatted errors of a query that must fail."""
    result = schema.execute_sync(query, variable_values=variables, context_value=context)
    assert result.errors, result.data
    return [dict(e.formatted) for e in result.errors]


def codes(errors: list[dict[str, Any]]) -> list[str]:
    return [e["extensions"]["code"] for e in errors]


def program_one_over_http(body: dict[str, Any]) -> dict[str, Any]:
    """Program 1 of a PROGRAMS answer, after checking the figures the issue pins."""
    assert "errors" not in body
    program: dict[str, Any] = body["data"]["programs"][0]
    stated = seed.PROGRAM_1
    assert program["budget"]["expenditure"] == str(stated.credits.expenditure)
    assert program["budget"]["credits"] == str(stated.credits.credits)
    assert program["change"]["amount"] == str(stated.compared.variation)
    assert program["shareOfPortfolio"] == str(stated.share)
    return program


def fields_run(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The parent type of each field the executor runs from now on (its resolver calls)."""
    ran: list[str] = []
    execute_field = BudgetedExecution.execute_field

    def counting(self: BudgetedExecution, parent: Any, *args: Any) -> Any:
        ran.append(parent.name)
        return execute_field(self, parent, *args)

    monkeypatch.setattr(BudgetedExecution, "execute_field", counting)
    return ran
