"""The Starlette app: GraphQL (and GraphiQL) on /graphql, a health check on /health.

The graph is built in the app's lifespan, from the documents given (or `data/`), or
read from the snapshot a worker follows (`server.follow`); it is held by a `Live`
that a reload swaps whole, and each request takes one reference to it as it starts
(`request.state.loaded`, see `server.live`). GraphQL runs in a worker thread, so a
long query does not hold up the event loop (nor /health); `server.endpoint` has the
GraphQL pipeline, `server.settings` what an operator may configure.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from schema.errors import BAD_REQUEST
from server.caching import ConditionalGet
from server.data import Loaded, load, paths_from_env
from server.endpoint import GraphQLEndpoint
from server.exports import export_routes
from server.follow import Follower
from server.live import CurrentGraph, Live
from server.settings import Settings, from_env
from server.static import static_routes

CORS_ENV = "BUDGET_KG_CORS_ORIGINS"
"""Origins allowed to call the API from a browser, comma-separated (`*` for any)."""

SNAPSHOT_ENV = "BUDGET_KG_SNAPSHOT"
"""The snapshot `app_factory` serves and follows (a worker of `serve --workers`)."""

Lifespan = Callable[[Starlette], AbstractAsyncContextManager[dict[str, Any]]]


def lifespan_for(
    paths: Sequence[Path], loaded: Loaded | None = None, live: Live | None = None
) -> Lifespan:
    """Build the graph at start-up, unless the caller already has (`serve` checks first)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        current = live or Live(loaded or load(paths))
        yield {"live": current, "loaded": current.loaded}

    return lifespan


def following(snapshot: Path) -> Lifespan:
    """Serve `snapshot`, and take the next one published there while serving."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        follower = Follower(snapshot)
        task = asyncio.create_task(follower.run())
        try:
            yield {"live": follower.live, "loaded": follower.live.loaded}
        finally:
            task.cancel()

    return lifespan


async def health(request: Request) -> JSONResponse:
    loaded: Loaded = request.state.loaded
    live: Live = request.state.live
    last = live.last_reload
    return JSONResponse(
        {
            "status": "ok",
            "documents": len(loaded.paths),
            "nodes": loaded.graph.number_of_nodes(),
            "edges": loaded.graph.number_of_edges(),
            "dataVersion": loaded.version,
            "pid": os.getpid(),
            "lastReload": last.as_json() if last else None,
        }
    )


async def http_error(request: Request, exc: Exception) -> Response:
    """A path or method the app does not serve, answered in GraphQL's error shape."""
    assert isinstance(exc, HTTPException)
    body = {"errors": [{"message": exc.detail, "extensions": {"code": BAD_REQUEST}}]}
    return JSONResponse(body, exc.status_code, exc.headers)


class Compressed:
    """gzip for a client that accepts it; any other request passes straight through.

    Starlette's middleware wraps every answer, compressed or not, to add `Vary:
    Accept-Encoding` to the uncompressed ones: most of what a cached GraphQL answer
    costs. An uncompressed answer is valid for any client, and GraphQL answers name
    `Accept-Encoding` in their `Vary` themselves.
    """

    def __init__(self, app: ASGIApp, minimum_size: int) -> None:
        self.app = app
        self.compressing = GZipMiddleware(app, minimum_size=minimum_size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        accepts = scope["type"] == "http" and any(
            name == b"accept-encoding" and b"gzip" in value.lower()
            for name, value in scope["headers"]
        )
        await (self.compressing if accepts else self.app)(scope, receive, send)


def middleware_for(settings: Settings) -> list[Middleware]:
    """The request's graph first, then CORS (preflights answer first), then gzip, then
    ETags on GET answers."""
    return [
        Middleware(CurrentGraph),
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=list(settings.cors_headers),
            expose_headers=["ETag"],
        ),
        Middleware(Compressed, minimum_size=500),
        Middleware(ConditionalGet, cache_control=settings.cache_control),
    ]


def create_app(
    paths: Sequence[Path] = (),
    cors_origins: Sequence[str] = (),
    loaded: Loaded | None = None,
    settings: Settings | None = None,
    live: Live | None = None,
    follow: Path | None = None,
) -> Starlette:
    """The app over `paths` (default: `data/`), `loaded`, `live` (a graph a reload may
    swap) or the snapshot `follow`, with `settings` (default: the defaults, and
    `cors_origins` as the origins browsers may call it from)."""
    chosen = settings or Settings(cors_origins=tuple(cors_origins))
    routes: list[BaseRoute] = [
        Route("/health", health, methods=["GET"]),
        Route("/graphql", GraphQLEndpoint(chosen)),
        *static_routes(),
        *export_routes(),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware_for(chosen),
        exception_handlers={HTTPException: http_error},
        lifespan=following(follow) if follow else lifespan_for(paths, loaded, live),
    )
    app.router.redirect_slashes = False  # its redirect would name the Host header's host
    return app


def origins_from_env() -> list[str]:
    return list(from_env(os.environ).cors_origins)


def app_factory() -> Starlette:
    """For `uvicorn --factory` (several workers): the snapshot (or else the documents) and
    the settings from the environment."""
    snapshot = os.environ.get(SNAPSHOT_ENV)
    settings = from_env(os.environ)
    if snapshot:
        return create_app(settings=settings, follow=Path(snapshot))
    return create_app(paths_from_env(), settings=settings)
