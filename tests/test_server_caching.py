"""ETags: derived from what an answer depends on, compared weakly."""

from __future__ import annotations

import pytest

from server.caching import cache_headers, etag_of, matches


def test_etag_ignores_the_order_of_keys_only() -> None:
    one = etag_of("v1", [{"a": 1, "b": 2}])
    assert one == etag_of("v1", [{"b": 2, "a": 1}])
    assert one != etag_of("v2", [{"a": 1, "b": 2}])
    assert one.startswith('W/"') and len(one) == 36


@pytest.mark.parametrize(
    ("header", "hit"),
    [
        (None, False),
        ("", False),
        ('W/"abc"', True),
        ('"abc"', True),
        ('"x", W/"abc"', True),
        ("*", True),
        ('"abd"', False),
    ],
)
def test_if_none_match(header: str | None, hit: bool) -> None:
    assert matches(header, 'W/"abc"') is hit


def test_uncacheable_answers_have_no_etag() -> None:
    assert cache_headers(None, "no-cache") == {"Cache-Control": "no-store"}
    assert cache_headers('W/"a"', "no-cache") == {"ETag": 'W/"a"', "Cache-Control": "no-cache"}
