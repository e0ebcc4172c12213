"""The service around the graph: the command line and the Starlette app."""
