"""Loaders: "Fiches explicatives" text → `Document` records."""

from loaders.document import parse_document, read_document
from loaders.errors import BudgetKgError, DocumentError
from loaders.records import Document

__all__ = ["BudgetKgError", "Document", "DocumentError", "parse_document", "read_document"]
