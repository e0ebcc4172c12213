"""Schema: the Strawberry GraphQL types over the graph, with thin resolvers."""
