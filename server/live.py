"""The graph being served now, replaced whole by a reload.

A reload never changes a graph: it builds another and swaps the reference (`Live`).
`CurrentGraph` puts the reference of the moment into the request's state as
`request.state.loaded` when the request starts, so everything a request reads (the
endpoint, its caches keyed on `loaded.version`, /health, exports) comes from one graph,
however many reloads happen while it runs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from loaders import BudgetKgError, DocumentError
from server.data import Loaded


@dataclass(frozen=True, slots=True)
class ReloadStatus:
    """How the last reload went: when, and the error that left the old graph serving."""

    at: str
    ok: bool
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"at": self.at, "ok": self.ok, "error": self.error}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def failed(exc: BudgetKgError | OSError, files: Sequence[Path] = ()) -> ReloadStatus:
    """A failed reload, its error naming documents and `files` by name (never by a path
    of the server's)."""
    text = str(exc)
    if isinstance(exc, DocumentError) and exc.path:
        text = text.replace(exc.path, Path(exc.path).name, 1)
    elif isinstance(exc, OSError) and exc.filename:
        text = f"{Path(str(exc.filename)).name}: {exc.strerror}"
    for file in files:
        text = text.replace(str(file), file.name)
    return ReloadStatus(now(), False, text)


class Live:
    """The `Loaded` served now and the last reload's status; both are swapped whole."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.last_reload: ReloadStatus | None = None

    def swap(self, loaded: Loaded | None, status: ReloadStatus) -> None:
        """Serve `loaded` from the next request on (None: a failed reload, keep serving)."""
        if loaded is not None and loaded.version != self.loaded.version:
            self.loaded = loaded  # the same version keeps its graph, and the caches on it
        self.last_reload = status


class CurrentGraph:
    """ASGI middleware: each request takes the `Live` graph of the moment it starts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = scope.get("state")
        if state is not None and isinstance(state.get("live"), Live):
            state["loaded"] = state["live"].loaded  # the state is a copy per request
        await self.app(scope, receive, send)


def write_status(status: ReloadStatus, path: Path) -> None:
    """Publish `status` for the workers (atomically, like the snapshot beside it)."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(json.dumps(status.as_json()), encoding="utf-8")
    os.replace(partial, path)


def read_status(path: Path) -> ReloadStatus | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return ReloadStatus(str(found["at"]), bool(found["ok"]), found.get("error"))
