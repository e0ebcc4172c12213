"""The graph's type: one networkx `MultiDiGraph`, nodes keyed by id, edges by relation."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import networkx as nx

if TYPE_CHECKING:
    Graph: TypeAlias = nx.MultiDiGraph[str]
else:  # networkx's classes take no type parameters at run time
    Graph: TypeAlias = nx.MultiDiGraph
"""The one graph type: nodes keyed by id, typed edges keyed by relation."""
