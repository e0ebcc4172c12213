"""What the schema runs once per operation, never per field: the limits of
`schema.limits` (tokens while parsing, the rest as validation, which `Limits` runs
itself), the choice of the operation to run, and the masking of unexpected errors.

A query over a limit is refused before anything runs, with `GRAPHQL_VALIDATION_FAILED`
and a message that says how to fix it. The limits come from the context (`Context.limits`:
the server's settings), so one schema serves any configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.types import ExecutionResult

from schema.caches import parsed, validated
from schema.context import Context
from schema.errors import INTERNAL, VALIDATION_FAILED, code_of
from schema.limits import QueryLimits, operation_errors, tokens_message

MASKED = "internal error (logged on the server)"


class Limits(SchemaExtension):
    """The context's `QueryLimits`: tokens counted by the parser (it stops at the one too
    many), then validation in two passes, limits first (`validate_document`).

    Both steps are cached per query text and limits (`schema.caches`): this extension
    parses and sets the operation's errors itself, so Strawberry's own steps do not run.
    """

    def on_operation(self) -> Iterator[None]:
        self.execution_context.parse_options["max_tokens"] = self.limits.tokens
        yield
        result = self.execution_context.result
        if isinstance(result, GraphQLExecutionResult | ExecutionResult) and result.errors:
            result.errors = [self.recoded(error) for error in result.errors]

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        # no query, or a syntax error: Strawberry parses (again) and answers it its way
        with suppress(GraphQLError):
            if context.query:
                context.graphql_document = parsed(context.query, self.limits.tokens)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        assert document is not None
        # the name the request gave: Strawberry's `operation_name` falls back to the first
        named = context._provided_operation_name
        query = context.query or ""
        context.pre_execution_errors = operation_errors(document, named) or validated(
            query, context.schema._schema, document, self.limits, context.validation_rules
        )
        yield

    @property
    def limits(self) -> QueryLimits:
        context = self.execution_context.context
        return context.limits if isinstance(context, Context) else QueryLimits()

    def recoded(self, error: GraphQLError) -> GraphQLError:
        """The parser's error for too many tokens, with a message that says what to do.

        Known by graphql-core's message (no other mark): `test_token_limit` pins it.
        """
        over = f"Document contains more than {self.limits.tokens} tokens."
        if not isinstance(error, GraphQLSyntaxError) or over not in error.message:
            return error
        coded = {"code": VALIDATION_FAILED}
        message = tokens_message(self.limits.tokens)
        return GraphQLError(
            message, source=error.source, positions=error.positions, extensions=coded
        )


class MaskInternalErrors(MaskErrors):
    """An unexpected error reaches the client as `MASKED`: its text may tell of the code.

    `BudgetSchema.process_errors` has logged it by then; errors raised on purpose
    (`BAD_USER_INPUT`, parse and validation errors) keep their message.
    """

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_internal, error_message=MASKED)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": INTERNAL}
        return masked


def _is_internal(error: GraphQLError) -> bool:
    return code_of(error) == INTERNAL


EXTENSIONS: tuple[type[SchemaExtension], ...] = (Limits, MaskInternalErrors)
"""The schema's extensions; the schema makes each anew for every operation."""
