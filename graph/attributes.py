"""The graph's type: one networkx `MultiDiGraph`, nodes keyed by id, edges by relation."""

from __future__ import annotations

from typing import TypeAlias

import networkx as nx

Graph: TypeAlias = nx.MultiDiGraph
"""The one graph type: nodes keyed by id, typed edges keyed by relation."""
