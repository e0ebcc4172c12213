"""Parse and validation caches: a query's text parses and validates the same way every
time under the same limits, so both are done once per (text, limits) and kept, bounded.

The parser is keyed on the text and the token limit (it stops at the one too many); a
document that fails to parse is not kept (its error is raised anew, and costs little).
Validation is keyed on the text, the `QueryLimits` (a frozen value: its own
fingerprint), the schema and the rules, so a document over one server's limits is never
answered from another's; the errors it keeps are the same objects each time, which is
safe because nothing downstream changes them but to add the `code` they already carry.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Generic, TypeVar

from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema, parse

from schema.limits import QueryLimits, validate_document

DOCUMENTS = 512
"""Distinct query texts kept parsed, and kept validated (per limits)."""
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Bounded(Generic[K, V]):
    """A thread-safe LRU of at most `entries` values (executions run in worker threads)."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self.kept: OrderedDict[K, V] = OrderedDict()
        self.lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self.lock:
            if key in self.kept:
                self.hits += 1
                self.kept.move_to_end(key)
                return self.kept[key]
            self.misses += 1
        value = make()  # outside the lock: another thread may validate meanwhile
        with self.lock:
            self.kept[key] = value
            while len(self.kept) > self.entries:
                self.kept.popitem(last=False)
        return value


@lru_cache(maxsize=DOCUMENTS)
def parsed(query: str, max_tokens: int) -> DocumentNode:
    """The document of `query` (raising `GraphQLSyntaxError`, uncached, when it is not one)."""
    return parse(query, max_tokens=max_tokens)


ValidationKey = tuple[str, QueryLimits, GraphQLSchema, tuple[type[ASTValidationRule], ...]]
VALIDATED: Bounded[ValidationKey, tuple[GraphQLError, ...]] = Bounded(DOCUMENTS)


def validated(
    query: str,
    schema: GraphQLSchema,
    document: DocumentNode,
    limits: QueryLimits,
    specified: tuple[type[ASTValidationRule], ...],
) -> list[GraphQLError]:
    """`validate_document` of `query`'s document, computed once per text, limits and schema."""
    key = (query, limits, schema, specified)
    return list(VALIDATED.get(key, lambda: _errors(schema, document, limits, specified)))


def _errors(
    schema: GraphQLSchema,
    document: DocumentNode,
    limits: QueryLimits,
    specified: tuple[type[ASTValidationRule], ...],
) -> tuple[GraphQLError, ...]:
    return tuple(validate_document(schema, document, limits, specified))
