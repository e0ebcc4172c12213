"""Limits on what one GraphQL operation may ask, checked before anything runs, and the
time it may take once it runs.

The defaults are GraphQL Armor's. A document is checked in two validation passes: first
the limits alone (linear in the document: see `schema.shape`), then, only if it is
within them, graphql-core's rules, so a hostile document never reaches the costlier
rules. Both passes use rule classes built once per `QueryLimits` (`rules_for`), so a
validation cache keyed on (document, rules) can hit across requests.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    IntValueNode,
    MaxIntrospectionDepthRule,
    OperationDefinitionNode,
    ValidationRule,
    validate,
)
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from schema.errors import OPERATION_RESOLUTION_FAILURE, TIMEOUT, VALIDATION_FAILED
from schema.shape import Measure, Shape

MAX_PAGE = 100
"""The most items one request may ask of a list or a connection."""
INTEGER_DIGITS = 50
"""The most digits an integer may have, in a document or in variables: checked before it
is converted (Python refuses to convert more than 4,300)."""


@dataclass(frozen=True, slots=True)
class QueryLimits:
    """What one operation may ask (GraphQL Armor's defaults)."""

    depth: int = 6
    """Levels of fields, leaves included: `{ a { b } }` has 2."""
    cost: int = 5000
    """Objects 2, scalars 1, ×1.5 a level, a list × its page (`first`)."""
    aliases: int = 15
    """Aliases, `__typename` aside."""
    directives: int = 50
    tokens: int = 1000
    """Names, punctuation and values, as the parser counts them."""
    suggestions: bool = False
    """Whether errors may suggest names ("Did you mean …?"): they tell of the schema."""


def refused(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": VALIDATION_FAILED})


def tokens_message(most: int) -> str:
    return (
        f"the query has more than {most} tokens (names, punctuation, values): shorten it, "
        "or split it into several queries"
    )


def shape_errors(shape: Shape, limits: QueryLimits) -> Iterable[GraphQLError]:
    """One error for each limit the operation's shape is over."""
    if shape.depth > limits.depth:
        yield refused(
            f"the query nests {shape.depth} levels of fields, more than {limits.depth}: ask "
            "for fewer levels, or split it (take an entity's `id`, then ask `node(id)` for "
            "what lies below it)"
        )
    if shape.cost > limits.cost:
        yield refused(
            f"the query costs {_figure(shape.cost)}, more than {limits.cost} (objects 2, "
            "scalars 1, ×1.5 a level, a list × its page size): ask for fewer items "
            "(`first`), fields or levels, or split it"
        )
    if shape.aliases > limits.aliases:
        yield refused(
            f"the query has {shape.aliases} aliases, more than {limits.aliases} "
            "(`__typename` aside): split it into several queries"
        )
    if shape.directives > limits.directives:
        yield refused(
            f"the query has {shape.directives} directives, more than {limits.directives}: "
            "remove some, or split it"
        )


def _figure(cost: float) -> str:
    return f"{cost:.0f}" if math.isfinite(cost) and cost < 1e15 else "more than 10¹⁵"


def integer_error(node: IntValueNode) -> GraphQLError:
    digits = len(node.value.lstrip("-"))
    message = (
        f"an integer has {digits} digits, more than {INTEGER_DIGITS}: "
        "no argument takes a number that large"
    )
    return GraphQLError(message, node, extensions={"code": VALIDATION_FAILED})


@lru_cache(maxsize=16)
def limit_rule(limits: QueryLimits, schema: GraphQLSchema) -> type[ASTValidationRule]:
    """The rule that checks `limits` on each operation (built once per limits and schema)."""

    class DocumentLimits(ValidationRule):
        def enter_document(self, node: DocumentNode, *_: Any) -> None:
            measure = Measure(node, schema, MAX_PAGE)
            for operation in node.definitions:
                if isinstance(operation, OperationDefinitionNode):
                    for error in shape_errors(measure.operation(operation), limits):
                        self.report_error(_located(error, operation))

        def enter_int_value(self, node: IntValueNode, *_: Any) -> None:
            if len(node.value.lstrip("-")) > INTEGER_DIGITS:
                self.report_error(integer_error(node))

    return DocumentLimits


def _located(error: GraphQLError, node: OperationDefinitionNode) -> GraphQLError:
    return GraphQLError(error.message, node, extensions=error.extensions)


@lru_cache(maxsize=16)
def rules_for(
    limits: QueryLimits, schema: GraphQLSchema, specified: tuple[type[ASTValidationRule], ...]
) -> tuple[tuple[type[ASTValidationRule], ...], tuple[type[ASTValidationRule], ...]]:
    """The two passes: the limits, then the specified rules and Strawberry's own."""
    standard = (
        *specified,
        MaxIntrospectionDepthRule,
        MaybeNullValidationRule,
        OneOfInputValidationRule,
    )
    return (limit_rule(limits, schema),), standard


def validate_document(
    schema: GraphQLSchema,
    document: DocumentNode,
    limits: QueryLimits,
    specified: tuple[type[ASTValidationRule], ...],
) -> list[GraphQLError]:
    """The document's errors: over a limit, else invalid (a pure function of its arguments:
    a cache may wrap it)."""
    first, then = rules_for(limits, schema, specified)
    hidden = not limits.suggestions
    return validate(schema, document, first) or validate(
        schema, document, then, hide_suggestions=hidden
    )


def operation_errors(document: DocumentNode, operation_name: str | None) -> list[GraphQLError]:
    """A document of several operations must say which one to run."""
    names = [
        d.name.value if d.name else "(anonymous)"
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
    ]
    if operation_name is not None or len(names) < 2:
        return []
    message = (
        f"the document holds {len(names)} operations ({', '.join(names)}): "
        "say which one to run with `operationName`"
    )
    return [GraphQLError(message, extensions={"code": OPERATION_RESOLUTION_FAILURE})]


class OutOfTime(GraphQLError):
    """The operation ran past its time budget: its execution stops here."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"the query ran longer than {seconds:g} s (the time budget) and was stopped: "
            "ask for fewer items or levels, or split it",
            extensions={"code": TIMEOUT},
        )


class Deadline:
    """When a request's execution must stop, checked between objects (`schema.execution`)."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self.at = clock() + seconds

    def passed(self) -> bool:
        return self.clock() >= self.at

    def check(self) -> None:
        if self.passed():
            raise OutOfTime(self.seconds)
