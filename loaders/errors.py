"""The project's exception hierarchy.

Every error a user can cause derives from `BudgetKgError`. Problems in a
document derive from `DocumentError`, whose message always names the file and
line (and the cell, when one is at fault) so the reader can go and fix it.
"""

from __future__ import annotations


class BudgetKgError(Exception):
    """Base class of every error budget-kg raises on purpose."""


class DocumentError(BudgetKgError):
    """A document cannot be read: the message says where and what was expected."""

    def __init__(
        self,
        path: str,
        line: int | None,
        problem: str,
        *,
        cell: int | None = None,
        text: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.cell = cell
        self.text = text
        self.problem = problem
        where = path if line is None else f"{path}:{line}"
        what = problem if cell is None else f"cell {cell} {problem}"
        super().__init__(f"{where}: {what}")


class NotTextError(DocumentError):
    """The file is not UTF-8 text."""


class StructureError(DocumentError):
    """A section, table or row is missing, duplicated or out of place."""


class CellError(DocumentError):
    """A table cell is missing, superfluous or not a number."""
