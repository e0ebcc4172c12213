"""Not found is null; a bad argument is an error with a clear message and a stable code."""

from __future__ import annotations

import base64

import pytest

from schema.context import Context
from tests.contract import codes, data_of, errors_of

MICC = "Immigration et Communautés culturelles"


def global_id(type_name: str, node: str) -> str:
    return base64.b64encode(f"{type_name}:{node}".encode()).decode()


@pytest.mark.parametrize(
    "node",
    [
        global_id("Program", "program:immigration-et-communautes-culturelles/2007-2008/9"),
        global_id("Element", "program:immigration-et-communautes-culturelles/2007-2008/1"),
        global_id("Nothing", "program:immigration-et-communautes-culturelles/2007-2008/1"),
        global_id("Program", "no kind at all"),
    ],
)
def test_node_unknown_id_is_null(api_context: Context, node: str) -> None:
    query = "query($id: ID!) { node(id: $id) { id } }"
    assert data_of(api_context, query, {"id": node}) == {"node": None}


def test_nodes_unknown_ids_are_null_in_place(api_context: Context) -> None:
    known = global_id("Program", "program:immigration-et-communautes-culturelles/2007-2008/2")
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Program { number } } }"
    answer = data_of(api_context, query, {"ids": [global_id("Program", "x"), known]})
    assert answer == {"nodes": [None, {"number": 2}]}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            f'{{ programs(portfolio: "{MICC}", year: "1999-2000") {{ number }} }}',
            'no figures for year "1999-2000" in portfolio « Immigration et Communautés '
            'culturelles »: expected one of "2006-2007", "2007-2008"',
        ),
        (
            f'{{ breakdown(portfolio: "{MICC}", year: "2007-2008", by: SUPERCATEGORY, '
            "measure: CREDITS) { total } }",
            "a breakdown by SUPERCATEGORY splits EXPENDITURE only, not CREDITS",
        ),
        (
            f'{{ portfolio(name: "{MICC}") {{ breakdown(year: "2007-2008", '
            "by: INVESTMENT_CATEGORY, measure: HEADCOUNT) { total } } }",
            "a breakdown by INVESTMENT_CATEGORY splits INVESTMENT only, not HEADCOUNT",
        ),
        (
            f'{{ portfolio(name: "{MICC}") {{ change(from: "2007-2008", to: "2006-2007") '
            "{ amount } } }",
            '`from` ("2007-2008") must be a year before `to` ("2006-2007")',
        ),
        (
            '{ neighborhood(id: "VW5rbm93bjp4", depth: -1) { nodes { id } } }',
            "`depth` is -1: expected a number from 0 to 3",
        ),
        (
            '{ programs(portfolio: "Tourisme", year: "2007-2008") { name } }',
            f'unknown portfolio "Tourisme": expected one of "{MICC}"',
        ),
        (
            f'{{ portfolio(name: "{MICC}") {{ budget(year: "2010-2011") {{ credits }} }} }}',
            'no figures for year "2010-2011" in portfolio « Immigration et Communautés '
            'culturelles »: expected one of "2006-2007", "2007-2008"',
        ),
        (
            f'{{ orgGroups(portfolio: "{MICC}", year: "2020") {{ name }} }}',
            'no figures for year "2020" in portfolio « Immigration et Communautés '
            'culturelles »: expected one of "2006-2007", "2007-2008"',
        ),
        (
            '{ audit(year: "2006-2007") { status } }',
            'no document for year "2006-2007": expected one of "2007-2008"',
        ),
        (
            f'{{ portfolio(name: "{MICC}") {{ change(from: "2005-2006") {{ amount }} }} }}',
            'no figures for year "2005-2006" in portfolio « Immigration et Communautés '
            'culturelles »: expected one of "2006-2007", "2007-2008"',
        ),
        ('{ search(text: "  ") { id } }', "`text` is blank: give a word or phrase to search for"),
        (
            '{ search(text: "a", first: 101) { id } }',
            "`first` is 101: expected a number from 1 to 100",
        ),
        (
            "{ entities(first: 500) { totalCount } }",
            "`first` is 500: expected a number from 0 to 100",
        ),
    ],
)
def test_bad_argument_is_bad_user_input(api_context: Context, query: str, message: str) -> None:
    errors = errors_of(api_context, query)
    assert [e["message"] for e in errors] == [message]
    assert codes(errors) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    "cursor",
    [
        "not a cursor",
        base64.b64encode(b"arrayconnection:-5").decode(),
        base64.b64encode(b"arrayconnection:x").decode(),
        base64.b64encode(b"Program:1").decode(),
    ],
)
def test_bad_cursor_is_bad_user_input(api_context: Context, cursor: str) -> None:
    errors = errors_of(api_context, f'{{ entities(after: "{cursor}") {{ totalCount }} }}')
    assert codes(errors) == ["BAD_USER_INPUT"]
    assert errors[0]["message"] == ("invalid cursor in `after`: use a cursor this connection gave")


def test_unknown_enum_value_fails_validation(api_context: Context) -> None:
    query = f'{{ breakdown(portfolio: "{MICC}", year: "2007-2008", by: COLOUR) {{ total }} }}'
    errors = errors_of(api_context, query)
    assert errors[0]["message"] == "Value 'COLOUR' does not exist in 'Dimension' enum."
    assert codes(errors) == ["GRAPHQL_VALIDATION_FAILED"]


def test_unknown_enum_value_in_variables_is_bad_user_input(api_context: Context) -> None:
    query = 'query($kinds: [Kind!]) { search(text: "immigration", kinds: $kinds) { id } }'
    errors = errors_of(api_context, query, {"kinds": ["PLANET"]})
    assert "PLANET" in errors[0]["message"]
    assert codes(errors) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("malformed", ["%%%", "bad", "", base64.b64encode(b"no colon").decode()])
def test_malformed_global_id_is_null_like_an_unknown_one(
    api_context: Context, malformed: str
) -> None:
    query = """query($id: ID!) { node(id: $id) { id } nodes(ids: [$id, $id]) { id }
      neighborhood(id: $id) { nodes { id } } path(from: $id, to: $id) { nodes { id } } }"""
    assert data_of(api_context, query, {"id": malformed}) == {
        "node": None,
        "nodes": [None, None],
        "neighborhood": None,
        "path": None,
    }


def test_long_cursor_is_refused_without_python_internals(api_context: Context) -> None:
    cursor = base64.b64encode(b"arrayconnection:" + b"9" * 5000).decode()
    errors = errors_of(api_context, f'{{ entities(after: "{cursor}") {{ totalCount }} }}')
    assert [e["message"] for e in errors] == [
        "invalid cursor in `after`: use a cursor this connection gave"
    ]


def test_unknown_field_fails_validation(api_context: Context) -> None:
    errors = errors_of(api_context, "{ budgets { total } }")
    assert codes(errors) == ["GRAPHQL_VALIDATION_FAILED"]


def test_syntax_error_fails_parsing(api_context: Context) -> None:
    errors = errors_of(api_context, "{ portfolios { name }")
    assert codes(errors) == ["GRAPHQL_PARSE_FAILED"]
    assert errors[0]["message"].startswith("Syntax Error:")


def test_missing_figure_is_null_with_a_reason(api_context: Context) -> None:
    query = f"""{{ programs(portfolio: "{MICC}", year: "2007-2008") {{
      budget(year: "2006-2007") {{ amortization headcount }}
      change(measure: AMORTIZATION) {{ amount percent reason }} }} }}"""
    program = data_of(api_context, query)["programs"][0]
    assert program["budget"] == {"amortization": None, "headcount": None}
    assert program["change"] == {
        "amount": None,
        "percent": None,
        "reason": "no amortization for 2006-2007",
    }
