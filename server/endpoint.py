"""The GraphQL endpoint (`/graphql`): GraphQL over HTTP, persisted queries, HTTP caching,
and GraphiQL for a browser.

A request goes through one pipeline, each step able to answer on its own:

1. `raw_request`: the request's bytes (a bounded body, or the query string); bytes the
   result cache has answered before are answered again at once (`known`);
   `read_request`: the operations (GET parameters or a JSON body; a batch is a list);
   refused with its 4xx status when malformed or over a size;
2. persisted queries: a hash becomes its query (or `PERSISTED_QUERY_NOT_FOUND`);
3. the ETag, from the data version, the settings and the normalized operations; an
   `If-None-Match` that names it is answered 304 before anything runs, and an answer the
   result cache holds under it (`server.results`) is sent as it was encoded;
4. execution in a worker thread, within the time budget (`schema.limits.Deadline`): past
   it, the answer is a 503 at once and the work stops at its next object;
5. the answer's status, media type and cache headers (`server.protocol.answer_of`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

import anyio
import anyio.to_thread
from graphql import GraphQLError
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from strawberry.http import process_result
from strawberry.http.types import HTTPMethod
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from graph.attributes import Graph
from schema.context import Context
from schema.errors import INTERNAL, OPERATION_RESOLUTION_FAILURE, log_line
from schema.limits import Deadline, OutOfTime
from schema.schema import schema
from server.apq import PersistedQueries
from server.body import RequestError
from server.caching import cache_headers, etag_of, matches
from server.data import Loaded
from server.protocol import (
    JSON,
    GraphQLRequest,
    Operation,
    answer_of,
    answered_media,
    checked_query,
    error_body,
    raw_request,
    read_request,
    refusal,
    wants_ide,
)
from server.results import Answer, ResultCache
from server.settings import Settings
from server.static import graphiql_page

LOG = logging.getLogger("budget_kg.http")
VARY = "Accept, Accept-Encoding"


class GraphQLEndpoint:
    """The ASGI app of `/graphql` (the lifespan's `Loaded` comes with each request)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.limits = settings.limits
        self.fingerprint = settings.fingerprint()
        self.persisted = PersistedQueries(settings.apq_entries)
        self.results = ResultCache(settings.result_cache_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self.respond(Request(scope, receive))
        await response(scope, receive, send)

    async def respond(self, request: Request) -> Response:
        if wants_ide(request):
            return self.render_ide(request)
        media = JSON
        try:
            media = answered_media(request)
            raw = await raw_request(request, self.settings)
            known = self.known(request, media, raw)
            if known is not None:
                return known
            asked = read_request(request, media, self.settings, raw)
            return await self.answer(request, asked, raw)
        except RequestError as exc:
            status, body = refusal(exc, media)
            return encoded(status, body, media, {**exc.headers, **cache_headers(None, "")})
        except ClientDisconnect:
            return Response(status_code=400)
        except Exception as exc:  # a bug of ours: logged in one line, answered in shape
            LOG.error(log_line(GraphQLError(str(exc), original_error=exc)))
            body = error_body("internal error (logged on the server)", INTERNAL)
            return encoded(500, body, media, cache_headers(None, ""))

    def render_ide(self, request: Request) -> Response:
        """GraphiQL (served from the package's pinned files), for a browser that opens
        /graphql, also by a link that carries `?query=`."""
        return graphiql_page()

    def known(self, request: Request, media: str, raw: bytes) -> Response | None:
        """The answer the result cache holds for these very bytes (none: not yet)."""
        loaded: Loaded = request.state.loaded
        found = self.results.by_request(loaded.version, request_key(request, media, raw))
        if found is None:
            return None
        etag, answer = found
        if matches(request.headers.get("if-none-match"), etag):
            return not_modified(etag, self.settings.cache_control)
        return response_of(answer)

    async def answer(self, request: Request, asked: GraphQLRequest, raw: bytes) -> Response:
        loaded: Loaded = request.state.loaded
        resolved = [self.persisted.resolved(op) for op in asked.operations]
        operations = [op for op, _ in resolved]
        for operation in operations:
            checked_query(operation, self.settings)
        keys = [op.key() for op in operations]
        etag = etag_of(loaded.version, self.fingerprint, asked.media_type, asked.batch, keys)
        if matches(request.headers.get("if-none-match"), etag):
            return not_modified(etag, self.settings.cache_control)
        cached = self.results.get(loaded.version, etag)
        if cached is not None:
            self.keep_persisted(resolved, [True] * len(resolved))
            return response_of(cached)
        results = await self.executed(loaded.graph, operations, asked.method)
        self.keep_persisted(resolved, [_ran(r) for r in results])
        answer = self.encode(asked, results, etag)
        if not any(r.errors for r in results):
            self.results.put(loaded.version, etag, answer)
            self.results.alias(request_key(request, asked.media_type, raw), etag)
        return response_of(answer)

    def keep_persisted(
        self, resolved: Sequence[tuple[Operation, str | None]], ran: Sequence[bool]
    ) -> None:
        """Register the persisted queries sent with their text, once they have run."""
        for (operation, digest), valid in zip(resolved, ran, strict=True):
            if digest is not None and valid:
                self.persisted.keep(digest, str(operation.query))

    async def executed(
        self, graph: Graph, operations: Sequence[Operation], method: HTTPMethod
    ) -> list[ExecutionResult]:
        """The operations' results, run in a worker thread within the time budget."""
        deadline = Deadline(self.settings.time_budget)
        context = Context(graph=graph, limits=self.limits, deadline=deadline)
        out_of_time = [ExecutionResult(data=None, errors=[OutOfTime(deadline.seconds)])]
        with anyio.move_on_after(max(deadline.at - deadline.clock(), 0.0)):
            return await anyio.to_thread.run_sync(
                run, operations, context, method, abandon_on_cancel=True
            )
        return out_of_time * len(operations)

    def encode(self, asked: GraphQLRequest, results: list[ExecutionResult], etag: str) -> Answer:
        answers = [answer_of(dict(process_result(r)), asked.media_type) for r in results]
        statuses = {status for status, _ in answers}
        status = 503 if 503 in statuses else (200 if asked.batch else answers[0][0])
        body = [b for _, b in answers] if asked.batch else answers[0][1]
        cacheable = status != 503 and not any(_internal(r) for r in results)
        cache = cache_headers(etag if cacheable else None, self.settings.cache_control)
        return answer_encoded(status, body, asked.media_type, {**cache, "Vary": VARY})


def run(
    operations: Sequence[Operation], context: Context, method: HTTPMethod
) -> list[ExecutionResult]:
    """Each operation through the schema (in the worker thread)."""
    return [execute(op, context, method) for op in operations]


def execute(operation: Operation, context: Context, method: HTTPMethod) -> ExecutionResult:
    allowed = OperationType.from_http(method)
    try:
        return schema.execute_sync(
            operation.query,
            variable_values=operation.variables,
            context_value=context,
            operation_name=operation.operation_name,
            allowed_operation_types=allowed,
            operation_extensions=operation.extensions,
        )
    except CannotGetOperationTypeError:
        message = f"the document has no operation named `{operation.operation_name}`"
        coded = {"code": OPERATION_RESOLUTION_FAILURE}
        return ExecutionResult(data=None, errors=[GraphQLError(message, extensions=coded)])
    except InvalidOperationTypeError as exc:
        allow = {"Allow": "POST"}
        raise RequestError(exc.as_http_error_reason(method), 405, headers=allow) from None


def request_key(request: Request, media: str, raw: bytes) -> tuple[str, str, str, bytes]:
    """What the bytes of a request ask, with what decides how they are read and answered."""
    return request.method, media, request.headers.get("content-type", ""), raw


def not_modified(etag: str, cache_control: str) -> Response:
    return Response(status_code=304, headers={**cache_headers(etag, cache_control), "Vary": VARY})


def _ran(result: ExecutionResult) -> bool:
    """Whether execution began (the document parsed and passed validation)."""
    return result.data is not None or any(e.path for e in result.errors or ())


def _internal(result: ExecutionResult) -> bool:
    return any((e.extensions or {}).get("code") == INTERNAL for e in result.errors or ())


def answer_encoded(status: int, body: Any, media: str, headers: dict[str, str]) -> Answer:
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    response = Response(content, status, headers, media_type=f"{media}; charset=utf-8")
    return Answer(status, content, tuple(response.raw_headers))


class Sent(Response):
    """An encoded answer sent as it is: its headers were encoded with it, once."""

    def __init__(self, answer: Answer) -> None:  # no super(): nothing to encode again
        self.status_code = answer.status
        self.body = answer.content
        self.background = None
        self.raw_headers = list(answer.headers)


def response_of(answer: Answer) -> Response:
    return Sent(answer)


def encoded(status: int, body: Any, media: str, headers: dict[str, str]) -> Response:
    return response_of(answer_encoded(status, body, media, headers))
