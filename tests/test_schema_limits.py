"""Limits on an operation, checked before it runs, and its time budget once it runs.

Each limit admits its maximum and refuses one more, with `GRAPHQL_VALIDATION_FAILED`
and a message that names the limit and says how to fix the query.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import graphql
import pytest
from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema

from schema.context import Context
from schema.limits import INTEGER_DIGITS, Deadline, QueryLimits
from schema.schema import schema
from tests.contract import PORTFOLIO, data_of, errors_of, fields_run

DEFAULTS = QueryLimits()


def limited(context: Context, limits: QueryLimits) -> Context:
    return replace(context, limits=limits)


def refusal(context: Context, query: str, variables: dict[str, Any] | None = None) -> str:
    """The one error message of a query the limits refuse."""
    (error,) = errors_of(context, query, variables)
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    message: str = error["message"]
    return message


def chain(depth: int) -> str:
    """`{ programs { elements { program { … number } } } }`: `depth` levels of fields."""
    names = [f'programs(portfolio: "{PORTFOLIO}", year: "2007-2008")']
    names += (["elements", "program"] * depth)[: depth - 2] + ["number"]
    return "{ " + " { ".join(names) + " }" * len(names)


def test_defaults_are_graphql_armors() -> None:
    assert (DEFAULTS.depth, DEFAULTS.cost, DEFAULTS.aliases) == (6, 5000, 15)
    assert (DEFAULTS.directives, DEFAULTS.tokens, DEFAULTS.suggestions) == (50, 1000, False)


def test_depth_counts_leaves(api_context: Context) -> None:
    data = data_of(api_context, chain(DEFAULTS.depth))
    assert data["programs"][0]["elements"][0]["program"]["elements"][0]["program"]["number"] == 1
    message = refusal(api_context, chain(DEFAULTS.depth + 1))
    assert message.startswith("the query nests 7 levels of fields, more than 6: ask for fewer")
    assert "`node(id)`" in message


def test_depth_limit_follows_its_setting(api_context: Context) -> None:
    shallow = limited(api_context, QueryLimits(depth=2))
    assert data_of(shallow, "{ portfolios { name } }")
    assert "nests 3 levels" in refusal(shallow, "{ portfolios { programs { number } } }")


def test_cost_weighs_objects_scalars_levels_and_pages(api_context: Context) -> None:
    """`portfolios(first: 2) { name }` costs 2 + 1.5 × 2 × 1 = 5: admitted at 5, not at 4."""
    query = "{ portfolios(first: 2) { name } }"
    assert data_of(limited(api_context, QueryLimits(cost=5)), query)
    message = refusal(limited(api_context, QueryLimits(cost=4)), query)
    assert message.startswith("the query costs 5, more than 4 (objects 2, scalars 1, ×1.5 a level")


def test_cost_refuses_a_page_of_pages(api_context: Context) -> None:
    """100 entities × a page of 20 units each. Inside out: `orgUnits(first: 20)` costs
    2 + 1.5 × 20 × 1 = 32 (a fragment is no level), `node` 2 + 1.5 × 32 = 50, `edges` 77,
    `entities(first: 100)` 2 + 1.5 × 100 × 77 = 11552."""
    query = """{ entities(first: 100) { edges { node { ... on Portfolio {
        orgUnits(first: 20) { totalCount } } } } } }"""
    assert refusal(api_context, query).startswith("the query costs 11552, more than 5000")


def test_cost_takes_the_largest_page_for_a_variable(api_context: Context) -> None:
    """`first: $n` may be 100: 2 + 1.5 × 100 × 7.25 = 1089.5, whatever `$n` is."""
    query = "query($n: Int) { entities(first: $n) { edges { node { name } } } }"
    tight = limited(api_context, QueryLimits(cost=1000))
    assert refusal(tight, query, {"n": 1}).startswith("the query costs 1090, more than 1000")
    assert data_of(tight, "{ entities(first: 1) { edges { node { name } } } }")


def aliased(count: int, field: str = "portfolios { name }") -> str:
    return "{ " + " ".join(f"a{i}: {field}" for i in range(count)) + " }"


def test_alias_limit(api_context: Context) -> None:
    assert len(data_of(api_context, aliased(DEFAULTS.aliases))) == DEFAULTS.aliases
    message = refusal(api_context, aliased(DEFAULTS.aliases + 1))
    assert message == (
        "the query has 16 aliases, more than 15 (`__typename` aside): split it into several queries"
    )


def test_typename_aliases_are_free(api_context: Context) -> None:
    assert len(data_of(api_context, aliased(40, "__typename"))) == 40


def directed(count: int) -> str:
    return "{ portfolios(first: 1) { " + " ".join(["name @include(if: true)"] * count) + " } }"


def test_directive_limit(api_context: Context) -> None:
    assert data_of(api_context, directed(DEFAULTS.directives))["portfolios"]
    message = refusal(api_context, directed(DEFAULTS.directives + 1))
    assert message == "the query has 51 directives, more than 50: remove some, or split it"


def padded(tokens: int) -> str:
    """A query of `tokens` tokens: a search for a long list of kinds."""
    kinds = " ".join(["ELEMENT"] * (tokens - 15))
    return f'{{ search(text: "francisation", kinds: [{kinds}]) {{ __typename }} }}'


def test_token_limit(api_context: Context) -> None:
    assert data_of(api_context, padded(DEFAULTS.tokens)) == {"search": [{"__typename": "Element"}]}
    assert refusal(api_context, padded(DEFAULTS.tokens + 1)) == (
        "the query has more than 1000 tokens (names, punctuation, values): shorten it, or "
        "split it into several queries"
    )


def test_integer_literals_are_checked_before_conversion(api_context: Context) -> None:
    """5,000 digits is past Python's own limit (4,300): refused by length, not converted."""
    message = refusal(api_context, "{ entities(first: %s) { totalCount } }" % ("9" * 5000))
    assert message == (
        "an integer has 5000 digits, more than 50: no argument takes a number that large"
    )
    longest = "9" * INTEGER_DIGITS
    (error,) = errors_of(api_context, f"{{ entities(first: {longest}) {{ totalCount }} }}")
    assert error["message"].startswith("Int cannot represent non 32-bit signed integer value")


NESTED_FRAGMENTS = "\n".join(
    ["{ portfolios { ...F6 } }", "fragment F1 on Portfolio { name years }"]
    + [f"fragment F{n} on Portfolio {{ {' '.join([f'...F{n - 1}'] * 10)} }}" for n in range(2, 7)]
)
"""The issue's attack: under 200 tokens that expand to 2 × 10⁵ fields a portfolio."""


def test_nested_fragments_are_refused_by_cost(api_context: Context) -> None:
    """F1 costs 2, each F(n) ten times F(n-1): F6 2 × 10⁵, × 1.5 × 100 portfolios (the
    default page), + 2."""
    assert len(NESTED_FRAGMENTS.split()) < 200
    message = refusal(api_context, NESTED_FRAGMENTS)
    assert message.startswith("the query costs 30000002, more than 5000")


def test_field_suggestions_are_hidden_by_default(api_context: Context) -> None:
    (error,) = errors_of(api_context, "{ portfolioz { name } }")
    assert error["message"] == "Cannot query field 'portfolioz' on type 'Query'."
    shown = limited(api_context, QueryLimits(suggestions=True))
    (error,) = errors_of(shown, "{ portfolioz { name } }")
    assert "Did you mean 'portfolio' or 'portfolios'?" in error["message"]


def test_value_suggestions_are_hidden_by_default(api_context: Context) -> None:
    query = 'query($kinds: [Kind!]) { search(text: "x", kinds: $kinds) { id } }'
    (error,) = errors_of(api_context, query, {"kinds": ["PROGRAMM"]})
    assert "PROGRAMM" in error["message"] and "Did you mean" not in error["message"]
    shown = limited(api_context, QueryLimits(suggestions=True))
    (error,) = errors_of(shown, query, {"kinds": ["PROGRAMM"]})
    assert "Did you mean" in error["message"]


def test_several_operations_need_a_name(api_context: Context) -> None:
    (error,) = errors_of(api_context, "query A { __typename } query B { portfolios { name } }")
    assert error["message"] == (
        "the document holds 2 operations (A, B): say which one to run with `operationName`"
    )
    assert error["extensions"] == {"code": "OPERATION_RESOLUTION_FAILURE"}


def test_validation_runs_once_per_text_and_limits(
    api_context: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same text under the same limits is validated once (both passes), then answered
    from the cache; other limits validate it anew, and are answered by their own."""
    seen: list[tuple[type[ASTValidationRule], ...]] = []
    validate = graphql.validate

    def spy(
        schema: GraphQLSchema,
        document: DocumentNode,
        rules: tuple[type[ASTValidationRule], ...],
        **options: Any,
    ) -> list[GraphQLError]:
        seen.append(rules)
        return validate(schema, document, rules, **options)

    monkeypatch.setattr("schema.limits.validate", spy)
    query = "{ portfolios { name programs { number } } } # validated once"
    for _ in range(3):
        data_of(api_context, query)
    assert len(seen) == 2
    shallow = limited(api_context, QueryLimits(depth=2))
    for _ in range(2):
        assert "nests 3 levels" in refusal(shallow, query)
    assert len(seen) == 3  # the limits pass alone refused it, once
    assert data_of(api_context, query)
    assert len(seen) == 3


def test_parsing_runs_once_per_text(api_context: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    texts: list[str] = []
    parse = graphql.parse

    def spy(source: str, **options: Any) -> DocumentNode:
        texts.append(source)
        return parse(source, **options)

    monkeypatch.setattr("schema.caches.parse", spy)
    query = "{ portfolios { name } } # parsed once"
    for _ in range(3):
        data_of(api_context, query)
    assert texts == [query]
    assert data_of(api_context, query + " ")
    assert len(texts) == 2


def test_a_syntax_error_is_answered_each_time(api_context: Context) -> None:
    for _ in range(2):
        (error,) = errors_of(api_context, "{ portfolios { name }")
        assert error["extensions"] == {"code": "GRAPHQL_PARSE_FAILED"}


class Ticking:
    """A clock that reads 0 at the deadline's making and for `objects` objects, then 60."""

    def __init__(self, objects: int) -> None:
        self.objects = objects
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return 0.0 if self.reads <= self.objects + 1 else 60.0


WIDE = f'{{ programs(portfolio: "{PORTFOLIO}", year: "2007-2008") {{ elements {{ name }} }} }}'


def test_deadline_stops_the_work(api_context: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """Out of time after three objects: no field of a later object runs, one error."""
    ran = fields_run(monkeypatch)
    data_of(api_context, WIDE)
    everything = len(ran)
    ran.clear()
    clock = Ticking(3)
    deadline = Deadline(5.0, clock=clock)
    result = schema.execute_sync(WIDE, context_value=replace(api_context, deadline=deadline))
    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors or []] == [
        (
            "the query ran longer than 5 s (the time budget) and was stopped: ask for fewer "
            "items or levels, or split it",
            {"code": "EXECUTION_TIMEOUT"},
        )
    ]
    assert 0 < len(ran) < everything
    assert clock.reads == 1 + 3 + 1  # made, three objects, the one that found it past


def test_deadline_never_passed_changes_nothing(api_context: Context) -> None:
    plenty = replace(api_context, deadline=Deadline(3600.0))
    assert data_of(plenty, WIDE) == data_of(api_context, WIDE)
