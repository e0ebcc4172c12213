"""Errors of building a graph from documents that each load fine but do not fit together."""

from __future__ import annotations

from loaders.errors import BudgetKgError


class GraphError(BudgetKgError):
    """The documents cannot form one graph: the message names them and says why."""


class DuplicateDocumentError(GraphError):
    """The same document (path) is given twice."""


class DuplicateEditionError(GraphError):
    """Two documents state the same portfolio's budget for the same fiscal year."""


class UnsupportedMeasureError(GraphError):
    """A breakdown was asked for a measure its dimension does not split."""
