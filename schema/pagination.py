"""Relay connections with a total count, and page sizes checked (at most 100 items)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Self

import strawberry
from strawberry import relay
from strawberry.relay.types import PREFIX, NodeIterableType
from strawberry.relay.utils import from_base64, to_base64

from schema.arguments import MAX_PAGE, checked_size
from schema.errors import bad_input


@strawberry.type(name="Connection", description="A page of a list that can grow.")
class Connection(relay.ListConnection[relay.NodeType]):
    total_count: int = strawberry.field(
        default=0, description="How many items the whole list holds, across all pages."
    )

    @classmethod
    def resolve_connection(
        cls,
        nodes: NodeIterableType[relay.NodeType],
        *,
        info: strawberry.Info,
        before: str | None = None,
        after: str | None = None,
        first: int | None = None,
        last: int | None = None,
        max_results: int | None = None,
        **kwargs: Any,
    ) -> Self:
        """A page of `nodes` (a list); `first` and `last` may ask for 0 to 100 items."""
        for name, size in (("first", first), ("last", last)):
            if size is not None:
                checked_size(name, size)
        for name, cursor in (("after", after), ("before", before)):
            if cursor is not None:
                _check_cursor(name, cursor)
        # a sequence (`LazyEntities`) is sliced as it is: only the page is made
        items = nodes if isinstance(nodes, Sequence) else list(nodes)  # type: ignore[arg-type]
        try:
            page = super().resolve_connection(
                items,
                info=info,
                before=before,
                after=after,
                first=first,
                last=last,
                max_results=MAX_PAGE,
                **kwargs,
            )
        except (TypeError, ValueError):
            raise bad_input("invalid cursor: use a cursor this connection gave") from None
        assert isinstance(page, cls)
        page.total_count = len(items)
        return page


CURSOR_DIGITS = 9
"""A position has at most this many digits (a longer one is no cursor a page gave)."""


def offset_after(cursor: str | None) -> int:
    """Where a page starts: after the item `cursor` names (a cursor of `_check_cursor`'s
    form, as every page and connection gives), else at the first item."""
    if cursor is None:
        return 0
    _check_cursor("after", cursor)
    return int(from_base64(cursor)[1]) + 1


def cursor_at(offset: int) -> str:
    """The cursor of the item at `offset`, in the form relay connections use."""
    return to_base64(PREFIX, offset)


def _check_cursor(name: str, cursor: str) -> None:
    """A cursor this connection gives: `arrayconnection:N` in base64, N from 0."""
    try:
        prefix, position = from_base64(cursor)
        digits = position.isascii() and position.isdigit() and len(position) <= CURSOR_DIGITS
        valid = prefix == PREFIX and digits
    except ValueError:
        valid = False
    if not valid:
        raise bad_input(f"invalid cursor in `{name}`: use a cursor this connection gave")
