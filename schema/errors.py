"""Errors a client can cause, each with a stable `extensions.code`.

A resolver raises `bad_input(...)` with a message that says how to fix the
request; `Schema.process_errors` gives every other error its code too (parse,
validation, internal), so each error of a response carries one.
"""

from __future__ import annotations

from collections.abc import Iterable

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.relay.types import GlobalIDValueError

BAD_USER_INPUT = "BAD_USER_INPUT"
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
INTERNAL = "INTERNAL_SERVER_ERROR"
BAD_REQUEST = "BAD_REQUEST"
"""Not a GraphQL request the server can run (HTTP level: body, method, content type)."""
_INPUT_ERRORS = (GraphQLError, StrawberryInputCoercionError, GlobalIDValueError)
"""Origins of errors in the values a request gives (variables, ids): the client's to fix."""


class BadUserInput(GraphQLError):
    """An argument names nothing the graph holds (a year, a portfolio) or is out of range."""

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": BAD_USER_INPUT})


def bad_input(message: str) -> BadUserInput:
    return BadUserInput(message)


def code_of(error: GraphQLError) -> str:
    """The code an error carries, or the one its origin gives it."""
    code = (error.extensions or {}).get("code")
    if isinstance(code, str):
        return code
    if isinstance(error, GraphQLSyntaxError):
        return PARSE_FAILED
    if error.original_error is None:
        return VALIDATION_FAILED
    if isinstance(error.original_error, _INPUT_ERRORS):
        return BAD_USER_INPUT
    return INTERNAL


def add_codes(errors: Iterable[GraphQLError]) -> None:
    for error in errors:
        error.extensions = {**(error.extensions or {}), "code": code_of(error)}


def one_of(values: Iterable[str]) -> str:
    """`expected one of "a", "b"` for a message."""
    return "expected one of " + ", ".join(f'"{v}"' for v in values)
