"""Errors a client can cause, each with a stable `extensions.code`.

A resolver raises `bad_input(...)` with a message that says how to fix the
request; `Schema.process_errors` gives every other error its code too (parse,
validation, internal), so each error of a response carries one.
"""

from __future__ import annotations

import traceback
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
OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE"
"""The document does not say which operation to run, or has none of the name given."""
PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
"""Apollo's automatic persisted queries: the hash is unknown here, send the query with it."""
PERSISTED_QUERY_NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED"
TIMEOUT = "EXECUTION_TIMEOUT"
"""The operation ran past its time budget and was stopped."""
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


LOGGED_CHARACTERS = 300
"""How much of an unexpected error's message its log line keeps."""


def log_line(error: GraphQLError) -> str:
    """One bounded line for the server's log: where, what, and the innermost frame."""
    cause = error.original_error or error
    text = " ".join(str(cause).split())
    if len(text) > LOGGED_CHARACTERS:
        text = text[:LOGGED_CHARACTERS] + f"… ({len(text)} characters)"
    frames = traceback.extract_tb(cause.__traceback__)
    where = f" at {frames[-1].filename}:{frames[-1].lineno} in {frames[-1].name}" if frames else ""
    path = ".".join(str(p) for p in error.path or ()) or "(operation)"
    return f"unexpected error in {path}: {type(cause).__name__}: {text}{where}"


def one_of(values: Iterable[str]) -> str:
    """`expected one of "a", "b"` for a message."""
    return "expected one of " + ", ".join(f'"{v}"' for v in values)
