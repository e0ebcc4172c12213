"""What the schema runs once per operation, never per field: limits on a query's shape,
checked while it is parsed and validated, and the masking of unexpected errors.

A query over a limit is refused before anything runs, with `BAD_USER_INPUT` and a
message that says how to fix it. The limits admit every query of the README's tour
and of the contract with room to spare (the deepest nests 4 levels, the longest has
53 tokens) and those of the tests (5 levels, 175 tokens, 12 aliases); introspection
fields do not count for depth, and GraphiQL's introspection query has 183 tokens.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from graphql import (
    ASTValidationRule,
    GraphQLError,
    GraphQLSyntaxError,
    TypeInfo,
    ValidationContext,
    ValidationRule,
)
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.types import ExecutionResult

from schema.errors import BAD_USER_INPUT, INTERNAL, code_of

MAX_DEPTH = 6
"""Levels of nested selections, introspection aside: `{ a { b { c } } }` has 2."""
MAX_TOKENS = 1000
MAX_ALIASES = 30
"""Aliases let a query repeat a field (this year and last: the figures test has 12)."""

DEPTH = (
    f"the query is nested more than {MAX_DEPTH} levels deep: ask for fewer levels, or "
    "split it (take the `id` of an entity, then ask `node(id)` for what lies below it)"
)
TOKENS = (
    f"the query has more than {MAX_TOKENS} tokens (names, punctuation, values): "
    "shorten it, or split it into several queries"
)
ALIASES = f"the query has more than {MAX_ALIASES} aliases: split it into several queries"
MASKED = "internal error (logged on the server)"


def reported_once(
    rules: Sequence[type[ASTValidationRule]], message: str
) -> list[type[ASTValidationRule]]:
    """`rules`, each reporting its first error only, as `message` with `BAD_USER_INPUT`.

    Strawberry's limit rules check the whole document when constructed (they visit
    nothing), so each runs there on a context of its own that collects its errors.
    """
    return [_reported_once(rule, message) for rule in rules]


def _reported_once(rule: type[ASTValidationRule], message: str) -> type[ASTValidationRule]:
    class ReportedOnce(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            found: list[GraphQLError] = []
            schema, document = context.schema, context.document
            rule(ValidationContext(schema, document, TypeInfo(schema), found.append))
            if found:
                coded = {"code": BAD_USER_INPUT}
                context.report_error(GraphQLError(message, found[0].nodes, extensions=coded))

    return ReportedOnce


class DepthLimit(QueryDepthLimiter):
    """At most `MAX_DEPTH` levels of nested selections (introspection aside)."""

    def __init__(self) -> None:
        super().__init__(max_depth=MAX_DEPTH)
        self.validation_rules = reported_once(self.validation_rules, DEPTH)


class AliasLimit(MaxAliasesLimiter):
    """At most `MAX_ALIASES` aliases: without them a query cannot repeat a field."""

    def __init__(self) -> None:
        super().__init__(max_alias_count=MAX_ALIASES)
        self.validation_rules = reported_once(self.validation_rules, ALIASES)


class TokenLimit(MaxTokensLimiter):
    """At most `MAX_TOKENS` tokens, counted by the parser: it stops at the one too many."""

    def __init__(self) -> None:
        super().__init__(max_token_count=MAX_TOKENS)

    def on_operation(self) -> Iterator[None]:
        yield from super().on_operation()
        result = self.execution_context.result
        if isinstance(result, (GraphQLExecutionResult, ExecutionResult)) and result.errors:
            result.errors = [self.recoded(error) for error in result.errors]

    def recoded(self, error: GraphQLError) -> GraphQLError:
        """The parser's error for too many tokens, with `TOKENS` and `BAD_USER_INPUT`.

        Known by graphql-core's message (no other mark): `test_token_limit` pins it.
        """
        over = f"Document contains more than {self.max_token_count} tokens."
        if not isinstance(error, GraphQLSyntaxError) or over not in error.message:
            return error
        coded = {"code": BAD_USER_INPUT}
        return GraphQLError(
            TOKENS, source=error.source, positions=error.positions, extensions=coded
        )


class MaskInternalErrors(MaskErrors):
    """An unexpected error reaches the client as `MASKED`: its text may tell of the code.

    `BudgetSchema.process_errors` has logged it in full by then; errors raised on
    purpose (`BAD_USER_INPUT`, parse and validation errors) keep their message.
    """

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_internal, error_message=MASKED)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": INTERNAL}
        return masked


def _is_internal(error: GraphQLError) -> bool:
    return code_of(error) == INTERNAL


EXTENSIONS: tuple[type[SchemaExtension], ...] = (
    TokenLimit,
    DepthLimit,
    AliasLimit,
    MaskInternalErrors,
)
"""The schema's extensions; the schema makes each anew for every operation."""
