"""The Starlette app: GraphQL (and GraphiQL) on /graphql, a health check on /health.

The graph is built in the app's lifespan, from the documents given (or `data/`),
and reaches the resolvers through the GraphQL context.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from schema.context import Context
from schema.schema import schema
from server.data import Loaded, load, paths_from_env

CORS_ENV = "BUDGET_KG_CORS_ORIGINS"
"""Origins allowed to call the API from a browser, comma-separated (`*` for any)."""

Lifespan = Callable[[Starlette], AbstractAsyncContextManager[dict[str, Any]]]


class GraphQLView(GraphQL[Context, None]):
    """Strawberry's ASGI view, with the lifespan's graph as the context."""

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return Context(graph=request.state.loaded.graph)


def lifespan_for(paths: Sequence[Path], loaded: Loaded | None = None) -> Lifespan:
    """Build the graph at start-up, unless the caller already has (`serve` checks first)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        yield {"loaded": loaded or load(paths)}

    return lifespan


async def health(request: Request) -> JSONResponse:
    loaded: Loaded = request.state.loaded
    return JSONResponse(
        {
            "status": "ok",
            "documents": len(loaded.paths),
            "nodes": loaded.graph.number_of_nodes(),
            "edges": loaded.graph.number_of_edges(),
            "dataVersion": loaded.version,
        }
    )


def create_app(
    paths: Sequence[Path] = (), cors_origins: Sequence[str] = (), loaded: Loaded | None = None
) -> Starlette:
    """The app over `paths` (default: `data/`), callable from browsers at `cors_origins`."""
    view = GraphQLView(schema, graphql_ide="graphiql", allow_queries_via_get=True)
    middleware = [
        Middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        ),
        Middleware(GZipMiddleware, minimum_size=500),
    ]
    routes = [Route("/health", health, methods=["GET"]), Route("/graphql", view)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan_for(paths, loaded))


def origins_from_env() -> list[str]:
    return [o.strip() for o in os.environ.get(CORS_ENV, "").split(",") if o.strip()]


def app_factory() -> Starlette:
    """For `uvicorn --factory` (several workers): paths and origins from the environment."""
    return create_app(paths_from_env(), origins_from_env())
