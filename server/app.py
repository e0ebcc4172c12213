"""The Starlette app: GraphQL (and GraphiQL) on /graphql, a health check on /health,
the explorer on /explore and the exports on /export/ (`server.static`, `server.exports`).

The graph is built in the app's lifespan, from the documents given (or `data/`),
and reaches the resolvers through the GraphQL context. GraphQL runs in a worker
thread, so a long query does not hold up the event loop (nor /health).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLRequestData
from strawberry.http.base import BaseRequestProtocol
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from schema.context import Context
from schema.errors import BAD_REQUEST
from schema.schema import schema
from server.data import Loaded, load, paths_from_env
from server.exports import export_routes
from server.static import graphiql_page, static_routes, wants_ide

CORS_ENV = "BUDGET_KG_CORS_ORIGINS"
"""Origins allowed to call the API from a browser, comma-separated (`*` for any)."""

Lifespan = Callable[[Starlette], AbstractAsyncContextManager[dict[str, Any]]]


class GraphQLView(GraphQL[Context, None]):
    """Strawberry's ASGI view: the lifespan's graph as the context, execution in a worker
    thread, and HTTP-level errors answered as GraphQL errors (JSON), not plain text."""

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return Context(graph=request.state.loaded.graph)

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        has_query = request.query_params.get("query") is not None
        return wants_ide(request.method, request.headers.get("accept", ""), has_query)

    async def render_graphql_ide(self, request: Request) -> Response:
        return graphiql_page()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope, receive))
        except HTTPException as exc:
            response = http_error(exc)
        await response(scope, receive, send)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """`schema.execute_sync` (the resolvers are plain `def`) off the event loop."""
        method = request_adapter.method
        allowed = OperationType.from_http(method)
        if not self.allow_queries_via_get and method == "GET":
            allowed -= {OperationType.QUERY}
        try:
            return await run_in_threadpool(
                self.schema.execute_sync,
                request_data.query,
                variable_values=request_data.variables,
                context_value=context,
                root_value=root_value,
                operation_name=request_data.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=request_data.extensions,
            )
        except CannotGetOperationTypeError as exc:
            raise HTTPException(400, exc.as_http_error_reason()) from exc
        except InvalidOperationTypeError as exc:
            raise HTTPException(400, exc.as_http_error_reason(method)) from exc
        except MissingQueryError as exc:
            raise HTTPException(400, "No GraphQL query found in the request") from exc


def http_error(exc: HTTPException) -> JSONResponse:
    """A request that is not one GraphQL can run, with its HTTP status, in GraphQL's shape."""
    error = {"message": exc.reason, "extensions": {"code": BAD_REQUEST}}
    headers = {"Allow": "GET, POST"} if exc.status_code == 405 else None
    return JSONResponse({"data": None, "errors": [error]}, exc.status_code, headers)


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
    routes: list[BaseRoute] = [Route("/health", health, methods=["GET"]), Route("/graphql", view)]
    routes += [*static_routes(), *export_routes()]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan_for(paths, loaded))


def origins_from_env() -> list[str]:
    return [o.strip() for o in os.environ.get(CORS_ENV, "").split(",") if o.strip()]


def app_factory() -> Starlette:
    """For `uvicorn --factory` (several workers): paths and origins from the environment."""
    return create_app(paths_from_env(), origins_from_env())
