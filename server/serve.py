"""`budget-kg serve`: one process, or a parent and `--workers` processes, with reloads
(SIGHUP, `--watch`) and a bounded drain on SIGTERM.

One process holds a `Live` graph that the reloader swaps. With several workers the
parent builds (or reads `--snapshot`) once and writes a snapshot of its own, in a
temporary directory it removes on exit; every worker serves that file and takes each
new one the parent publishes there (`server.follow`), so the workers, and a worker that
restarts, serve one data version.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path
from socket import socket
from typing import Any

import uvicorn
from uvicorn.config import LOGGING_CONFIG
from uvicorn.supervisors import Multiprocess

from server.app import SNAPSHOT_ENV, create_app
from server.data import Loaded, save_snapshot
from server.live import Live
from server.reload import Reloader, Source, snapshot_publisher, status_file_of
from server.settings import Settings, to_env


def log_config() -> dict[str, Any]:
    """uvicorn's logging, and the service's own lines (reloads, errors) beside it."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["budget_kg"] = {"handlers": ["default"], "level": "INFO"}
    return config


def watch_interval(args: argparse.Namespace) -> float | None:
    return float(args.watch_interval) if args.watch else None


def serve_one(args: argparse.Namespace, source: Source, loaded: Loaded, settings: Settings) -> int:
    """One process: the reloader swaps the graph of this process."""
    live = Live(loaded)
    reloader = Reloader(source, live.swap, loaded.version, watch_interval(args))
    app = create_app(live=live, settings=settings)
    previous = signal.signal(signal.SIGHUP, lambda signum, frame: reloader.trigger())
    reloader.start()
    try:
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            timeout_graceful_shutdown=args.drain,
            log_config=log_config(),
        )
    finally:
        reloader.stop()
        signal.signal(signal.SIGHUP, previous)
    return 0


class Supervisor(Multiprocess):
    """uvicorn's supervisor, but SIGHUP rebuilds the snapshot instead of restarting
    the workers (they take the new snapshot themselves)."""

    def __init__(self, config: uvicorn.Config, sockets: list[socket], on_hup: Callable[[], None]):
        super().__init__(config, sockets)
        self.on_hup = on_hup

    def handle_hup(self) -> None:
        self.on_hup()


def workers_config(args: argparse.Namespace) -> uvicorn.Config:
    """Each worker runs `app_factory`, which reads the snapshot and settings from the
    environment the parent sets."""
    return uvicorn.Config(
        "server.app:app_factory",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        timeout_graceful_shutdown=args.drain,
        log_config=log_config(),
    )


def serve_workers(
    args: argparse.Namespace, source: Source, loaded: Loaded, settings: Settings
) -> int:
    """A parent that builds once and publishes snapshots; `--workers` that serve them."""
    directory = Path(tempfile.mkdtemp(prefix="budget-kg-"))
    snapshot = directory / "graph.snapshot"
    try:
        save_snapshot(loaded, snapshot)
        publish = snapshot_publisher(snapshot, status_file_of(snapshot))
        reloader = Reloader(source, publish, loaded.version, watch_interval(args))
        os.environ.update({**to_env(settings), SNAPSHOT_ENV: str(snapshot)})
        config = workers_config(args)
        supervisor = Supervisor(config, [config.bind_socket()], reloader.trigger)
        reloader.start()
        supervisor.run()
        reloader.stop()
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return 0
