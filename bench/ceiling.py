"""The HTTP ceiling: a raw Starlette app whose /graphql returns fixed bytes (budget-kg's
answer to the benchmark's query, from the file `BUDGET_KG_BENCH_BYTES` names)."""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

CONTENT = Path(os.environ.get("BUDGET_KG_BENCH_BYTES", os.devnull)).read_bytes()


async def graphql(request: Request) -> Response:
    await request.body()  # read it, as any endpoint must
    return Response(CONTENT, media_type="application/json; charset=utf-8")


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


app = Starlette(routes=[Route("/graphql", graphql, methods=["POST"]), Route("/health", health)])
