"""The service's own pages and files: GraphiQL and the explorer, nothing from elsewhere.

GraphiQL, React and the explorer plugin are the vendored files of `server.assets`,
served under versioned URLs (`/static/vendor/graphiql@4.1.2/...`) and cached as
immutable; the explorer's own files and the pages are revalidated (ETag), so an
upgrade shows at once. Each page's Content-Security-Policy allows this origin
only: even a browser on a network with internet loads and calls nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path
from string import Template

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from server.assets import VENDOR, missing, url_of

STATIC = Path(__file__).resolve().parent / "static"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # React and CodeMirror set inline styles
        "img-src 'self' data:",
        "font-src 'self' data:",  # GraphiQL's fonts are inlined in its CSS
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
PAGE_HEADERS = {"Cache-Control": REVALIDATE, "Content-Security-Policy": CSP}


class CachedFiles(StaticFiles):
    """Static files with one Cache-Control for all (ETag and 304s come from Starlette)."""

    def __init__(self, directory: Path, cache_control: str) -> None:
        super().__init__(directory=directory, check_dir=False)
        self.cache_control = cache_control

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = self.cache_control
        return response


def graphiql_page(vendor: Path = VENDOR) -> HTMLResponse:
    """GraphiQL, or a page saying which of its files set-up has not installed (503)."""
    absent = missing(vendor)
    if absent:
        return HTMLResponse(_missing_page(absent), 503, PAGE_HEADERS)
    template = Template((STATIC / "graphiql.html").read_text(encoding="utf-8"))
    html = template.substitute(
        react=url_of("react", "umd/react.production.min.js"),
        react_dom=url_of("react-dom", "umd/react-dom.production.min.js"),
        graphiql=url_of("graphiql", "graphiql.min.js"),
        graphiql_css=url_of("graphiql", "graphiql.min.css"),
        explorer=url_of("@graphiql/plugin-explorer", "dist/index.umd.js"),
        explorer_css=url_of("@graphiql/plugin-explorer", "dist/style.css"),
    )
    return HTMLResponse(html, headers=PAGE_HEADERS)


def _missing_page(absent: list[str]) -> str:
    items = "".join(f"<li><code>{name}</code></li>" for name in absent)
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>GraphiQL is not installed"
        "</title><h1>GraphiQL's files are not installed</h1><p>Set-up fetches them from "
        "the npm registry: run <code>make run</code>, or <code>python -m server.assets</code>"
        f", then reload. Missing:</p><ul>{items}</ul><p>GraphQL itself answers POST "
        "requests on this URL.</p></html>"
    )


async def explore_page(request: Request) -> Response:
    """The explorer: a page of the service's own files, a client of /graphql."""
    return FileResponse(STATIC / "explore" / "index.html", headers=PAGE_HEADERS)


def static_routes() -> list[BaseRoute]:
    """/explore, the vendored files (immutable), and the service's own files (revalidated)."""
    return [
        Route("/explore", explore_page, methods=["GET"]),
        Mount("/static/vendor", CachedFiles(VENDOR, IMMUTABLE), name="vendor"),
        Mount("/static", CachedFiles(STATIC, REVALIDATE), name="static"),
    ]
