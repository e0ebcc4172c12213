"""Reloading: rebuild the graph in a background thread, on SIGHUP or when a watched file
changes, and publish it (to the `Live` graph of one process, or as the snapshot the
workers follow). A rebuild that fails publishes its error and no graph: the old one
keeps serving.

Watching polls the files' size, modification time and inode (no dependency, and it
works on every file system); a change is taken once it has held still for one poll,
so a document still being written is not read half-way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from loaders import BudgetKgError
from server.data import DATA, Loaded, load, load_snapshot, save_snapshot
from server.live import ReloadStatus, failed, now, write_status

LOG = logging.getLogger("budget_kg.reload")

Publish = Callable[[Loaded | None, ReloadStatus], None]
Stamp = tuple[int, int, int] | None


@dataclass(frozen=True, slots=True)
class Source:
    """Where the graph comes from: documents (files or directories), or one snapshot."""

    paths: tuple[Path, ...] = ()
    snapshot: Path | None = None

    def load(self) -> Loaded:
        return load_snapshot(self.snapshot) if self.snapshot else load(self.paths)

    def watched(self) -> tuple[Path, ...]:
        return (self.snapshot,) if self.snapshot else (self.paths or (DATA,))

    def signature(self) -> tuple[object, ...]:
        """Changes when a watched file, or the documents of a watched directory, do."""
        return tuple(_stamps(p) for p in self.watched())


def _stamps(path: Path) -> object:
    if path.is_dir():
        return tuple((p.name, stamp(p)) for p in sorted(path.glob("*.txt")))
    return stamp(path)


def stamp(path: Path) -> Stamp:
    """A file's modification time, size and inode (None: it is not there)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino)


class Reloader:
    """One background thread that rebuilds when triggered, or (watching) on a change."""

    def __init__(self, source: Source, publish: Publish, version: str, watch: float | None):
        self.source = source
        self.publish = publish
        self.version = version
        self.interval = watch
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.seen = self.last_poll = source.signature()
        self.thread = threading.Thread(target=self._run, name="budget-kg reload", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def trigger(self) -> None:
        """Ask for a rebuild (safe from a signal handler: it only sets an event)."""
        self.wake.set()

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()

    def _run(self) -> None:
        while not self.stopping.is_set():
            woken = self.wake.wait(self.interval)
            self.wake.clear()
            if self.stopping.is_set():
                return
            if woken or self.changed():
                LOG.info("reloading: %s", "asked (SIGHUP)" if woken else "a watched file changed")
                self.reload()

    def changed(self) -> bool:
        """Whether the files changed since the last rebuild and held still for a poll."""
        polled = self.source.signature()
        steady = polled == self.last_poll
        self.last_poll = polled
        return steady and polled != self.seen

    def reload(self) -> ReloadStatus:
        """Rebuild now and publish the graph, or the error that keeps the old one."""
        self.seen = self.last_poll = self.source.signature()
        try:
            loaded = self.source.load()
        except (BudgetKgError, OSError) as exc:
            LOG.error("%s (reload refused: still serving data version %s)", exc, self.version)
            status = failed(exc, self.source.watched())
            self.publish(None, status)
            return status
        LOG.info("reloaded: data version %s, %d documents", loaded.version, len(loaded.paths))
        self.version = loaded.version
        status = ReloadStatus(now(), True)
        self.publish(loaded, status)
        return status


def snapshot_publisher(snapshot: Path, status_file: Path) -> Publish:
    """Publish to workers: a good rebuild replaces the snapshot, then the status follows."""

    def publish(loaded: Loaded | None, status: ReloadStatus) -> None:
        if loaded is not None:
            save_snapshot(loaded, snapshot)
        write_status(status, status_file)

    return publish


def status_file_of(snapshot: Path) -> Path:
    return snapshot.with_name(f"{snapshot.name}.reload.json")
