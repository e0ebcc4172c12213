"""The exports over HTTP: /export/graph.graphml, /export/graph.json, /export/figures.csv.

Each is rendered once per loaded graph (in a worker thread) and answered with a
strong ETag, the hash of its bytes: a client that sends it back in
If-None-Match gets 304 Not Modified until the documents change.
"""

from __future__ import annotations

import hashlib

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from graph import attributes
from server.data import Loaded

FILES = {"graph.graphml": "graphml", "graph.json": "json", "figures.csv": "csv"}
"""Each export's file name under /export/, and its format."""


class Rendered:
    """One export's bytes and their ETag."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.etag = f'"{hashlib.sha256(data).hexdigest()[:32]}"'

    def matches(self, if_none_match: str | None) -> bool:
        if not if_none_match:
            return False
        tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
        return "*" in tags or self.etag in tags


async def rendered(loaded: Loaded, fmt: str) -> Rendered:
    """The export of the loaded graph, rendered on first use (the graph never changes)."""
    from graph.export import render  # on the first export: a start need not import it

    cache = attributes.cache(loaded.graph)
    key = ("export", fmt)
    if key not in cache:
        cache[key] = Rendered(await run_in_threadpool(render, loaded.graph, fmt))
    found: Rendered = cache[key]
    return found


def export_endpoint(file: str) -> Route:
    fmt = FILES[file]

    async def endpoint(request: Request) -> Response:
        from graph.export import MEDIA_TYPES

        export = await rendered(request.state.loaded, fmt)
        headers = {"ETag": export.etag, "Cache-Control": "no-cache"}
        if export.matches(request.headers.get("if-none-match")):
            return Response(status_code=304, headers=headers)
        headers["Content-Disposition"] = f'attachment; filename="{file}"'
        return Response(export.data, media_type=MEDIA_TYPES[fmt], headers=headers)

    return Route(f"/export/{file}", endpoint, methods=["GET"])


def export_routes() -> list[BaseRoute]:
    return [export_endpoint(file) for file in FILES]
