"""Automatic persisted queries: hashes checked, queries kept in a bounded store."""

from __future__ import annotations

import hashlib

import pytest

from server.apq import PersistedQueries, persisted_hash
from server.body import RequestError
from server.protocol import Operation


def hashed(query: str | None, digest: str | None = None) -> Operation:
    digest = digest or hashlib.sha256(str(query).encode()).hexdigest()
    return Operation(query, extensions={"persistedQuery": {"version": 1, "sha256Hash": digest}})


def test_an_operation_without_hash_passes_as_it_is() -> None:
    plain = Operation("{ a }")
    assert PersistedQueries(10).resolved(plain) == (plain, None)


def test_a_query_with_its_hash_is_to_be_kept_and_then_found() -> None:
    store = PersistedQueries(10)
    operation, digest = store.resolved(hashed("{ a }"))
    assert (operation.query, digest) == ("{ a }", hashlib.sha256(b"{ a }").hexdigest())
    assert digest is not None
    store.keep(digest, "{ a }")
    found, again = store.resolved(hashed(None, digest))
    assert (found.query, again) == ("{ a }", None)


def test_the_hash_may_be_upper_case() -> None:
    digest = hashlib.sha256(b"{ a }").hexdigest()
    assert persisted_hash(hashed("{ a }", digest.upper())) == digest


def test_the_store_forgets_the_least_recently_used() -> None:
    store = PersistedQueries(2)
    for name in ("a", "b"):
        store.keep(name * 64, f"{{ {name} }}")
    store.known("a" * 64)  # `a` is used again: `b` is now the oldest
    store.keep("c" * 64, "{ c }")
    assert list(store.queries) == ["a" * 64, "c" * 64]


def test_an_unknown_hash_is_a_request_error() -> None:
    with pytest.raises(RequestError) as raised:
        PersistedQueries(10).resolved(hashed(None, "0" * 64))
    assert (raised.value.status, raised.value.code) == (None, "PERSISTED_QUERY_NOT_FOUND")
