"""Exporting the graph for other tools: GraphML and node-link JSON, and a CSV of figures.

`render(graph, fmt)` gives the bytes of one format (the CLI writes them to a file,
the service answers them on /export/); `network` and `table` build the contents.
"""

from __future__ import annotations

from pathlib import Path

from graph.attributes import Graph
from graph.export.network import graphml, node_link_json
from graph.export.table import figures_csv
from loaders.errors import BudgetKgError

WRITERS = {"graphml": graphml, "json": node_link_json, "csv": figures_csv}
FORMATS = tuple(WRITERS)
MEDIA_TYPES = {
    "graphml": "application/graphml+xml",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8; header=present",
}


class ExportFormatError(BudgetKgError, ValueError):
    """The export format asked for is not one this module writes."""


def render(graph: Graph, fmt: str) -> bytes:
    """The export of `graph` as `graphml`, `json` (node-link) or `csv` (figures)."""
    if fmt not in WRITERS:
        raise ExportFormatError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return WRITERS[fmt](graph)


def export_graph(graph: Graph, fmt: str, out: Path) -> None:
    """Write the export of `graph` in `fmt` to `out`."""
    out.write_bytes(render(graph, fmt))
