"""`serve --workers 2`: every worker serves the parent's snapshot, a worker that restarts
serves the same version even though the documents changed, and a reload reaches all."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.serving import BROKEN, BROKEN_ERROR, CHANGED, STARTUP, Server, rewrite, serving, until

CALLS = 50


@pytest.fixture
def workers(document: Path, tmp_path: Path) -> Iterator[Server]:
    with serving(tmp_path / "serve.log", str(document), "--workers", "2") as server:
        yield server


def healths(server: Server, count: int) -> list[dict[str, Any]]:
    """`count` answers of /health, each on a new connection (any worker may take it)."""
    return [httpx.get(f"{server.url}/health", timeout=10.0).json() for _ in range(count)]


def pids_seen(server: Server, count: int) -> set[int]:
    """The workers' pids, asked until `count` distinct ones answered (bounded)."""
    seen: set[int] = set()
    deadline = time.monotonic() + STARTUP
    while len(seen) < count and time.monotonic() < deadline:
        seen.update(h["pid"] for h in healths(server, 1))
    assert len(seen) == count, server.log.read_text()
    return seen


def restart_one(server: Server, pids: set[int]) -> dict[str, Any]:
    """Kill a worker; the first answer of the parent's replacement (bounded wait)."""
    os.kill(min(pids), signal.SIGKILL)
    return until(server, lambda h: h["pid"] not in pids)


def test_a_restarted_worker_serves_the_snapshot_not_the_changed_file(
    workers: Server, document: Path
) -> None:
    pids = pids_seen(workers, 2)
    assert workers.process.pid not in pids  # the parent builds, the workers serve
    old = workers.health()["dataVersion"]
    rewrite(document, CHANGED)
    assert restart_one(workers, pids)["dataVersion"] == old
    answers = healths(workers, CALLS)
    assert {h["dataVersion"] for h in answers} == {old}


def test_a_reload_reaches_every_worker_and_a_broken_one_none(
    workers: Server, document: Path
) -> None:
    old = workers.health()["dataVersion"]
    rewrite(document, CHANGED)
    os.kill(workers.process.pid, signal.SIGHUP)
    new = until(workers, lambda h: h["dataVersion"] != old)["dataVersion"]
    until(workers, lambda h: {x["dataVersion"] for x in healths(workers, 10)} == {new})
    rewrite(document, BROKEN)
    os.kill(workers.process.pid, signal.SIGHUP)
    until(workers, lambda h: all(not x["lastReload"]["ok"] for x in healths(workers, 10)))
    assert restart_one(workers, pids_seen(workers, 2))["dataVersion"] == new
    answers = healths(workers, CALLS)
    assert {h["dataVersion"] for h in answers} == {new}
    assert {h["lastReload"]["error"] for h in answers} == {BROKEN_ERROR}
