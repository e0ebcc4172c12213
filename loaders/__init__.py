"""Loaders: "Fiches explicatives" text → `Document` records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from loaders.errors import BudgetKgError, DocumentError
from loaders.records import Document

if TYPE_CHECKING:
    from loaders.document import parse_document, read_document

__all__ = ["BudgetKgError", "Document", "DocumentError", "parse_document", "read_document"]


def __getattr__(name: str) -> Any:
    """The reader, imported on first use: a service started from a snapshot, which
    imports the records, the errors and the text helpers, never reads a document."""
    if name in ("parse_document", "read_document"):
        from loaders import document

        return getattr(document, name)
    raise AttributeError(f"module 'loaders' has no attribute {name!r}")
