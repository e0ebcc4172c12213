"""Graph: Document records → one networkx graph; queries, aggregates and the audit."""
