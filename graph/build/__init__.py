"""Building the graph from documents: budget, organisation, serves, then years.

`build_graph` is the one entry point; its steps live in `documents` (the
pipeline), `budget`, `org`, `serves` and `years`, each adding what its name says
through `nodes` (`add_node`, `add_edge`), with `scope` holding one document's ids.
"""

from graph.build.documents import build_graph

__all__ = ["build_graph"]
