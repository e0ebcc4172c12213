"""A worker's side of `serve --workers`: serve the snapshot the parent published, and
take each new one it publishes (polled), with the parent's last reload status.

A worker that starts (or restarts after a crash) loads the snapshot of the moment, the
one the other workers serve; it never reads a document, so it cannot fail on one.
"""

from __future__ import annotations

import logging
from pathlib import Path

import anyio
import anyio.to_thread

from graph.snapshot import SnapshotError
from server.data import load_snapshot
from server.live import Live, ReloadStatus, failed, now, read_status
from server.reload import stamp, status_file_of

LOG = logging.getLogger("budget_kg.reload")
POLL = 0.5
"""Seconds between two looks at the snapshot: how long a worker may lag a reload."""


class Follower:
    """Follows one snapshot file (and the reload status published beside it)."""

    def __init__(self, snapshot: Path) -> None:
        self.snapshot = snapshot
        self.status_file = status_file_of(snapshot)
        self.seen = stamp(snapshot)  # before reading: a snapshot published meanwhile is seen
        self.live = Live(load_snapshot(snapshot))
        self.status_seen = stamp(self.status_file)
        self.live.last_reload = read_status(self.status_file)

    async def run(self, poll: float = POLL) -> None:
        while True:
            await anyio.sleep(poll)
            await self.poll()

    async def poll(self) -> None:
        if (found := stamp(self.snapshot)) != self.seen:
            self.seen = found
            await self._take_snapshot()
        if (found := stamp(self.status_file)) != self.status_seen:
            self.status_seen = found
            self.live.last_reload = read_status(self.status_file) or self.live.last_reload

    async def _take_snapshot(self) -> None:
        try:
            loaded = await anyio.to_thread.run_sync(load_snapshot, self.snapshot)
        except (SnapshotError, OSError) as exc:
            LOG.error("%s (still serving data version %s)", exc, self.live.loaded.version)
            self.live.swap(None, failed(exc, [self.snapshot]))
            return
        LOG.info("took the snapshot of data version %s", loaded.version)
        self.live.swap(loaded, self.live.last_reload or ReloadStatus(now(), True))
